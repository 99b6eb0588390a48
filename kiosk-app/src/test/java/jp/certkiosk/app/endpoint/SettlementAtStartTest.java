package jp.certkiosk.app.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import jp.certkiosk.app.journal.JournalEntry.PrintState;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.settle.Settlement;
import jp.certkiosk.printer.FilePrinter;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.Submission;
import jp.certkiosk.sim.IssuedCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stopped kiosk left open is settled on the next start, from the journal's typed rows, the
 * printer and the endpoint: each issuance ends PRINTED, FAILED or IN_DOUBT, the endpoint is told,
 * and money not accounted for is owed to the resident.
 */
class SettlementAtStartTest {
    @TempDir Path dir;

    @Test
    void openIssuancesAreSettledOnceWithWhatThePrinterAndTheJournalKnow() throws Exception {
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC());
             JerseyIssuanceEndpoint endpoint = new JerseyIssuanceEndpoint(demo.config().endpoint())) {
            String kioskId = demo.config().kioskId();
            String printed = reserve(endpoint, demo, kioskId);
            String failed = reserve(endpoint, demo, kioskId);
            String interrupted = reserve(endpoint, demo, kioskId);
            String atPrinter = reserve(endpoint, demo, kioskId);
            String lost = reserve(endpoint, demo, kioskId);
            FilePrinter printer = new FilePrinter(dir.resolve("paper"));
            assertInstanceOf(Submission.Accepted.class, printer.submit(new PrintJob(atPrinter, SamplePdf.onePage())));
            InMemoryJournal journal = new InMemoryJournal();
            // printed, confirmation lost
            journal.record(money("tx-1", JournalStage.RESERVED, printed, 200));
            journal.record(money("tx-1", JournalStage.CASH_TAKEN, printed, 200));
            journal.record(money("tx-1", JournalStage.PAID, printed, 200));
            journal.record(print("tx-1", JournalStage.PRINTED, printed, PrintState.PRINTED));
            // failed and refunded, confirmation lost
            journal.record(money("tx-2", JournalStage.RESERVED, failed, 200));
            journal.record(money("tx-2", JournalStage.CASH_TAKEN, failed, 200));
            journal.record(money("tx-2", JournalStage.PAID, failed, 200));
            journal.record(print("tx-2", JournalStage.PRINT_FAILED, failed, PrintState.FAILED));
            journal.record(money("tx-2", JournalStage.REFUND_DUE, failed, 200));
            journal.record(money("tx-2", JournalStage.REFUNDED, failed, 200));
            // stopped mid-payment: 100 yen taken, nothing sent to the printer
            journal.record(money("tx-3", JournalStage.RESERVED, interrupted, 200));
            journal.record(money("tx-3", JournalStage.CASH_TAKEN, interrupted, 100));
            // stopped while the printer had the job: it came out
            journal.record(money("tx-4", JournalStage.RESERVED, atPrinter, 200));
            journal.record(money("tx-4", JournalStage.CASH_TAKEN, atPrinter, 500));
            journal.record(money("tx-4", JournalStage.PAID, atPrinter, 200));
            journal.record(money("tx-4", JournalStage.CHANGE_DUE, atPrinter, 300));
            journal.record(print("tx-4", JournalStage.PRINT_SENDING, atPrinter, null));
            // stopped after sending: the printer never got it
            journal.record(money("tx-5", JournalStage.RESERVED, lost, 200));
            journal.record(money("tx-5", JournalStage.CASH_TAKEN, lost, 200));
            journal.record(money("tx-5", JournalStage.PAID, lost, 200));
            journal.record(print("tx-5", JournalStage.PRINT_SENDING, lost, null));
            assertFalse(Reconciliation.of(journal.entries()).totals().ok(), "open issuances fail the audit");
            long fees = demo.simulator().feesChargedYen();

            Settlement settlement = new Settlement(journal, printer, endpoint, Clock.systemUTC());
            Settlement.Result result = settlement.atStart();

            assertEquals(List.of(interrupted, atPrinter, lost), result.settled());
            assertEquals(List.of(), result.stillInDoubt());
            assertEquals(100 + 300 + 200, result.owedYen(), "the coin of tx-3, the change of tx-4 (the hopper may not "
                    + "have paid it), the fee of tx-5");
            assertEquals(IssuanceState.Status.PRINTED, state(endpoint, printed).status());
            assertEquals(IssuanceState.Status.FAILED, state(endpoint, failed).status());
            assertEquals(IssuanceState.Status.FAILED, state(endpoint, interrupted).status());
            assertEquals(IssuanceState.Status.PRINTED, state(endpoint, atPrinter).status());
            assertEquals(IssuanceState.Status.FAILED, state(endpoint, lost).status());
            assertEquals(fees + 400, demo.simulator().feesChargedYen());
            Reconciliation.Totals totals = Reconciliation.of(journal.entries()).totals();
            assertTrue(totals.ok(), totals::toString);
            assertEquals(2, totals.printed());
            assertEquals(3, totals.failed());
            assertEquals(0, totals.unconfirmed());
            assertEquals(400, totals.feesKeptYen());
            assertEquals(600, totals.owedOpenYen());

            int rows = journal.entries().size();
            Settlement.Result again = settlement.atStart();
            assertEquals(List.of(), again.settled());
            assertEquals(List.of(), again.confirmed());
            assertEquals(rows, journal.entries().size(), "nothing left to settle");
        }
    }

    /**
     * A print that outlived its reservation (the kiosk settled it after the endpoint had expired the
     * reservation to FAILED): the paper exists, so the kiosk tells the endpoint PRINTED all the same,
     * the endpoint keeps the late print on record (still FAILED, no fee) and the kiosk's journal keeps
     * it PRINTED, settled once.
     */
    @Test
    void aPrintThatOutlivedItsReservationIsRecordedAtTheEndpointAndStaysPrinted() throws Exception {
        HandClock clock = new HandClock(Instant.now());
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), clock);
             JerseyIssuanceEndpoint endpoint = new JerseyIssuanceEndpoint(demo.config().endpoint())) {
            String late = reserve(endpoint, demo, demo.config().kioskId());
            InMemoryJournal journal = new InMemoryJournal();
            journal.record(money("tx-1", JournalStage.RESERVED, late, 200));
            journal.record(money("tx-1", JournalStage.CASH_TAKEN, late, 200));
            journal.record(money("tx-1", JournalStage.PAID, late, 200));
            journal.record(print("tx-1", JournalStage.PRINTED, late, PrintState.PRINTED));
            long fees = demo.simulator().feesChargedYen();
            clock.advance(jp.certkiosk.sim.registry.IssuanceLedger.RESERVATION_LIFETIME.plusMinutes(1));

            Settlement settlement = new Settlement(journal, new FilePrinter(dir.resolve("paper")), endpoint, clock);
            Settlement.Result result = settlement.atStart();

            assertEquals(List.of(late), result.confirmed());
            IssuanceState there = state(endpoint, late);
            assertEquals(IssuanceState.Status.FAILED, there.status(), "the expiry stands: no fee");
            assertEquals(0, there.feeChargedYen());
            assertEquals(fees, demo.simulator().feesChargedYen());
            assertEquals(List.of(late), demo.simulator().printedAfterExpiry(), "the late print is on record");
            Reconciliation.Totals totals = Reconciliation.of(journal.entries()).totals();
            assertTrue(totals.ok(), totals::toString);
            assertEquals(1, totals.printed());
            assertEquals(0, totals.unconfirmed());
            assertEquals(200, totals.feesKeptYen(), "the resident got the paper the fee paid for");

            int rows = journal.entries().size();
            assertEquals(List.of(), settlement.atStart().confirmed());
            assertEquals(rows, journal.entries().size(), "settled once");
        }
    }

    /** A clock the test moves by hand; the kiosk's settlement and the simulator share it. */
    private static final class HandClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<Instant> now;

        HandClock(Instant start) {
            now = new java.util.concurrent.atomic.AtomicReference<>(start);
        }

        void advance(java.time.Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    private static JournalEntry money(String tx, JournalStage stage, String issuanceId, int yen) {
        return JournalEntry.money(Instant.now(), tx, stage, issuanceId, yen, null);
    }

    private static JournalEntry print(String tx, JournalStage stage, String issuanceId, PrintState state) {
        return JournalEntry.print(Instant.now(), tx, stage, issuanceId, null, state, null);
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
