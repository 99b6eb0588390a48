package jp.certkiosk.sim.endpoint;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.sim.document.ResidentRecordDocument;
import jp.certkiosk.sim.document.SealRegistrationDocument;
import jp.certkiosk.sim.document.UnprintableTextException;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.IssuanceLedger;
import jp.certkiosk.sim.registry.IssuanceRecord;
import jp.certkiosk.sim.registry.IssuanceStatus;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.ResidentRegistry;
import jp.certkiosk.sim.registry.ResidentStatus;

/**
 * Where documents are reserved for a session and their printing confirmed. Each document is
 * generated for the session's resident only and bound to the session, the card certificate and
 * the issuance id; a repeated request with the same idempotency key gets the same issuance.
 */
public final class IssuanceDesk {
    private static final Logger LOG = System.getLogger(IssuanceDesk.class.getName());
    /** Dates printed on certificates are Japanese dates. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int MAX_COPIES = 10;
    private static final int MAX_KEY_LENGTH = 100;
    private static final int MAX_REASON_LENGTH = 200;

    private final SessionBook sessions;
    private final ResidentRegistry registry;
    private final IssuanceLedger ledger;
    private final ResidentRecordDocument residentRecord;
    private final SealRegistrationDocument sealRegistration;
    private final RandomIds ids;
    private final Clock clock;

    public IssuanceDesk(SessionBook sessions, ResidentRegistry registry, IssuanceLedger ledger,
                        ResidentRecordDocument residentRecord, SealRegistrationDocument sealRegistration,
                        RandomIds ids, Clock clock) {
        this.sessions = sessions;
        this.registry = registry;
        this.ledger = ledger;
        this.residentRecord = residentRecord;
        this.sealRegistration = sealRegistration;
        this.ids = ids;
        this.clock = clock;
    }

    public Issuance reserve(String tlsKioskId, String sessionId, IssuanceRequest request) {
        OpenSession session = sessions.find(sessionId, tlsKioskId)
                .orElseThrow(() -> new ApiException(ErrorCode.SESSION_INVALID, "the session is unknown or expired"));
        validate(request);
        var earlier = ledger.bySessionAndKey(session.sessionId(), request.idempotencyKey());
        if (earlier.isPresent()) {
            return answer(sameRequest(earlier.get(), request));
        }
        DocumentOffer offer = registry.menu(session.municipalityCode()).documents().stream()
                .filter(o -> o.type() == request.documentType())
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED,
                        "the municipality does not offer this document at kiosks"));
        Resident resident = registry.resident(session.residentId())
                .filter(Resident::issuableAtKiosk)
                .orElseThrow(() -> new ApiException(ErrorCode.RESIDENT_REFUSED, "this record is not issued at kiosks"));

        String issuanceId = ids.next();
        Instant now = clock.instant();
        byte[] pdf = render(request.documentType(), session, resident, issuanceId, LocalDate.ofInstant(now, JAPAN));
        IssuanceRecord reserved = ledger.reserve(new IssuanceRecord(issuanceId, session.sessionId(), tlsKioskId,
                request.idempotencyKey(), session.certificateSha256(), resident.residentId(), request.documentType(),
                request.copies(), offer.feeYen() * request.copies(), IssuanceStatus.RESERVED, now, pdf));
        IssuanceRecord answered = sameRequest(reserved, request);
        if (answered.issuanceId().equals(issuanceId)) {
            LOG.log(Level.INFO, "issuance {0} reserved at kiosk {1}: {2} x{3}", issuanceId, tlsKioskId,
                    request.documentType(), request.copies());
        }
        return answer(answered);
    }

    public void confirm(String tlsKioskId, String issuanceId, Confirmation confirmation) {
        if (confirmation == null || confirmation.outcome() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the outcome is missing");
        }
        IssuanceStatus outcome = confirmation.outcome() == Confirmation.Outcome.PRINTED
                ? IssuanceStatus.PRINTED : IssuanceStatus.FAILED;
        String reason = confirmation.reason();
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH);
        }
        switch (ledger.confirm(issuanceId, tlsKioskId, outcome, reason, clock.instant())) {
            case RECORDED -> LOG.log(Level.INFO, "issuance {0} confirmed {1} by kiosk {2}", issuanceId, outcome,
                    tlsKioskId);
            case ALREADY_RECORDED -> LOG.log(Level.DEBUG, "issuance {0} confirmed {1} again", issuanceId, outcome);
            case CONFLICT -> throw ApiException.conflict("a different outcome was recorded for this issuance");
            case UNKNOWN -> throw new ApiException(ErrorCode.ISSUANCE_UNKNOWN, "no such issuance for this kiosk");
        }
    }

    private byte[] render(DocumentType type, OpenSession session, Resident resident, String issuanceId,
                          LocalDate issuedOn) {
        Household household = registry.household(resident.householdId());
        Municipality municipality = registry.municipality(session.municipalityCode());
        try {
            switch (type) {
                case RESIDENT_RECORD_COPY -> {
                    List<Resident> members = household.members().stream()
                            .filter(member -> member.status() == ResidentStatus.REGISTERED)
                            .toList();
                    return residentRecord.render(municipality, household, members, issuanceId, issuedOn);
                }
                case SEAL_REGISTRATION -> {
                    if (!resident.sealRegistered()) {
                        throw new ApiException(ErrorCode.RESIDENT_REFUSED, "no seal is registered");
                    }
                    return sealRegistration.render(municipality, household, resident, issuanceId, issuedOn);
                }
                default -> throw new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED,
                        "the simulator does not issue this document");
            }
        } catch (UnprintableTextException e) {
            LOG.log(Level.WARNING, "issuance refused at kiosk {0}: {1}", session.kioskId(), e.getMessage());
            throw new ApiException(ErrorCode.RESIDENT_REFUSED, "the record cannot be printed at a kiosk");
        }
    }

    private static void validate(IssuanceRequest request) {
        if (request == null || request.documentType() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the document type is missing");
        }
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the idempotency key must have 1 to 100 characters");
        }
        if (request.copies() < 1 || request.copies() > MAX_COPIES) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "copies must be 1 to " + MAX_COPIES);
        }
    }

    /** The stored issuance, if it answered the same request; a reused key for another request conflicts. */
    private static IssuanceRecord sameRequest(IssuanceRecord stored, IssuanceRequest request) {
        if (stored.documentType() != request.documentType() || stored.copies() != request.copies()) {
            throw ApiException.conflict("the idempotency key was used for a different request in this session");
        }
        return stored;
    }

    private static Issuance answer(IssuanceRecord record) {
        return new Issuance(record.issuanceId(), record.documentType(), record.copies(), record.feeYen(),
                new DocumentBinding(record.issuanceId(), record.sessionId(), record.certificateSha256()),
                record.pdf());
    }
}
