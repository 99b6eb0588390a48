package jp.certkiosk.app.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.sim.IssuedCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuances left in doubt by an unreachable endpoint or a stopped kiosk are settled on the next start. */
class ConfirmationRecoveryTest {
    @TempDir Path dir;

    @Test
    void inDoubtIssuancesAreSettledOnceWithWhatTheJournalKnows() throws Exception {
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC());
             JerseyIssuanceEndpoint endpoint = new JerseyIssuanceEndpoint(demo.config().endpoint())) {
            String kioskId = demo.config().kioskId();
            String printed = reserve(endpoint, demo, kioskId);
            String failed = reserve(endpoint, demo, kioskId);
            String interrupted = reserve(endpoint, demo, kioskId);
            InMemoryJournal journal = new InMemoryJournal();
            journal.record(entry("tx-1", JournalStage.RESERVED, printed, null));
            journal.record(entry("tx-1", JournalStage.PRINTED, printed, null));
            journal.record(entry("tx-1", JournalStage.ENDPOINT_UNAVAILABLE, printed, "confirmation not delivered; in doubt"));
            journal.record(entry("tx-2", JournalStage.RESERVED, failed, null));
            journal.record(entry("tx-2", JournalStage.PRINT_FAILED, failed, "media-empty"));
            journal.record(entry("tx-3", JournalStage.RESERVED, interrupted, null));
            long fees = demo.simulator().feesChargedYen();

            ConfirmationRecovery recovery = new ConfirmationRecovery(endpoint, journal, Clock.systemUTC());
            assertEquals(List.of(printed, failed, interrupted), recovery.recover());

            assertEquals(IssuanceState.Status.PRINTED, state(endpoint, printed).status());
            IssuanceState failedState = state(endpoint, failed);
            assertEquals(IssuanceState.Status.FAILED, failedState.status());
            assertTrue(failedState.failureReason().contains("media-empty"), failedState.failureReason());
            assertEquals(IssuanceState.Status.FAILED, state(endpoint, interrupted).status(),
                    "pages the kiosk cannot vouch for are not charged");
            assertEquals(fees + 200, demo.simulator().feesChargedYen());
            assertEquals(3, journal.entries().stream().filter(e -> e.stage() == JournalStage.CONFIRMED).count());

            assertEquals(List.of(), recovery.recover(), "nothing left in doubt");
        }
    }

    private static JournalEntry entry(String tx, JournalStage stage, String issuanceId, String detail) {
        return new JournalEntry(Instant.now(), tx, stage, issuanceId, detail);
    }

    private static IssuanceState state(JerseyIssuanceEndpoint endpoint, String issuanceId) {
        return ((EndpointResult.Ok<IssuanceState>) endpoint.state(issuanceId)).value();
    }

    /** A reservation as the engine makes one: the card signs the challenge, the session reserves. */
    private static String reserve(JerseyIssuanceEndpoint endpoint, SimulatedEnvironment demo, String kioskId)
            throws Exception {
        IssuedCard card = demo.simulator().card("adult").orElseThrow();
        Challenge challenge = ((EndpointResult.Ok<Challenge>) endpoint.challenge(kioskId)).value();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(card.authKey());
        signer.update(AuthenticationPayload.bytes(challenge.challengeId(), challenge.nonce(), kioskId));
        Session session = ((EndpointResult.Ok<Session>) endpoint.openSession(new SessionRequest(challenge.challengeId(),
                kioskId, card.authCertificate().getEncoded(), signer.sign()))).value();
        return ((EndpointResult.Ok<Issuance>) endpoint.reserve(session.sessionId(),
                new IssuanceRequest("k-" + System.nanoTime(), DocumentType.RESIDENT_RECORD_COPY, 1))).value().issuanceId();
    }
}
