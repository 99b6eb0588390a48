package jp.certkiosk.sim.endpoint;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.ChallengeRequest;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.ResidentRegistry;

/**
 * Where a kiosk asks for a challenge and opens a session with a card: the challenge is consumed,
 * the kiosk checked against its TLS identity, the card authenticated, the resident resolved from
 * the certificate, and the menu of the resident's municipality returned.
 */
public final class SessionDesk {
    private static final Logger LOG = System.getLogger(SessionDesk.class.getName());

    private final ChallengeBook challenges;
    private final SessionBook sessions;
    private final CardAuthenticator authenticator;
    private final ResidentRegistry registry;
    private final MunicipalServices services;

    public SessionDesk(ChallengeBook challenges, SessionBook sessions, CardAuthenticator authenticator,
                       ResidentRegistry registry, MunicipalServices services) {
        this.challenges = challenges;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.registry = registry;
        this.services = services;
    }

    /** @param tlsKioskId the CN of the kiosk's TLS client certificate */
    public Challenge challenge(String tlsKioskId, ChallengeRequest request) {
        if (request == null || request.kioskId() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the kiosk id is missing");
        }
        requireSameKiosk(tlsKioskId, request.kioskId());
        Challenge challenge = challenges.issue(tlsKioskId);
        LOG.log(Level.DEBUG, "challenge issued to kiosk {0}", tlsKioskId);
        return challenge;
    }

    /** @param tlsKioskId the CN of the kiosk's TLS client certificate */
    public Session open(String tlsKioskId, SessionRequest request) {
        try {
            Session session = authenticateAndOpen(tlsKioskId, request);
            LOG.log(Level.INFO, "session opened at kiosk {0}", tlsKioskId);
            return session;
        } catch (ApiException e) {
            LOG.log(Level.INFO, "session refused at kiosk {0}: {1}", tlsKioskId, e.code());
            throw e;
        }
    }

    private Session authenticateAndOpen(String tlsKioskId, SessionRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the session request is missing");
        }
        // The challenge is spent by being presented, whatever happens next.
        ChallengeBook.Outstanding challenge = challenges.consume(request.challengeId())
                .orElseThrow(() -> new ApiException(ErrorCode.CHALLENGE_INVALID, "the challenge is unknown, used or expired"));
        requireSameKiosk(tlsKioskId, request.kioskId());
        if (!challenge.kioskId().equals(tlsKioskId)) {
            throw new ApiException(ErrorCode.CHALLENGE_INVALID, "the challenge was issued to another kiosk");
        }
        if (request.certificate() == null || request.signature() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the certificate or the signature is missing");
        }
        byte[] payload = AuthenticationPayload.bytes(challenge.challengeId(), challenge.nonce(), tlsKioskId);
        CardAuthenticator.AuthenticatedCard card =
                authenticator.authenticate(request.certificate(), request.signature(), payload);

        Resident resident = registry.residentByCertificate(card.certificateSha256())
                .orElseThrow(() -> new ApiException(ErrorCode.RESIDENT_NOT_FOUND,
                        "no resident of a participating municipality holds this certificate"));
        if (resident.kioskRefusal().isPresent()) {
            // the reason stays at the municipality: the kiosk only says "please use the counter"
            LOG.log(Level.DEBUG, "kiosk refusal at kiosk {0}: {1}", tlsKioskId, resident.kioskRefusal().get());
            throw new ApiException(ErrorCode.RESIDENT_REFUSED, "this record is not issued at kiosks");
        }
        Household household = registry.household(resident.householdId());
        services.requireOpen(household.municipalityCode());
        OpenSession session = sessions.open(tlsKioskId, card.certificateSha256(), resident.residentId(),
                household.municipalityCode());
        return new Session(session.sessionId(), session.expiresAt(),
                services.menu(household.municipalityCode(), household, resident.residentId(), session.sessionId()));
    }

    private static void requireSameKiosk(String tlsKioskId, String claimedKioskId) {
        if (!tlsKioskId.equals(claimedKioskId)) {
            throw new ApiException(ErrorCode.KIOSK_UNKNOWN, "the kiosk id does not match the TLS client certificate");
        }
    }
}
