package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.printer.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's production engine against the simulator, with a printer whose answers the test
 * chooses and a journal that can fail: a print nobody can vouch for is held in doubt (no refund, no
 * confirmation, no new resident) until the printer or staff settle it; a journal that cannot be
 * written still lets the refund and the confirmation happen, then stops the kiosk.
 */
class MoneyAndPaperEndToEndTest {
    @TempDir Path dir;
    SimulatedEnvironment demo;

    @BeforeEach
    void start() throws Exception {
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** A printer that takes every job and answers what the test says. */
    static final class ScriptedPrinter implements Printer {
        final Map<String, PrintOutcome> atPrinter = new ConcurrentHashMap<>();
        final List<String> jobs = new ArrayList<>();
        volatile PrintOutcome whileFollowing = new PrintOutcome.Completed("paper");

        @Override
        public PrinterStatus status() {
            return PrinterStatus.readyNow();
        }

        @Override
        public synchronized Submission submit(PrintJob job) {
            jobs.add(job.name());
            atPrinter.put(job.name(), new PrintOutcome.InDoubt("processing"));
            return new Submission.Accepted(jobs.size());
        }

        @Override
        public PrintOutcome follow(int jobId) {
            return whileFollowing;
        }

        @Override
        public PrintOutcome lookup(String jobName) {
            return atPrinter.getOrDefault(jobName, new PrintOutcome.Failed("never received"));
        }
    }

    /** A journal whose writes fail from a given stage on. */
    static final class FailingJournal implements Journal {
        final InMemoryJournal rows = new InMemoryJournal();
        volatile JournalStage failFrom;
        volatile boolean failing;

        @Override
        public synchronized void record(JournalEntry entry) {
            if (entry.stage() == failFrom) {
                failing = true;
            }
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            rows.record(entry);
        }

        @Override
        public List<JournalEntry> entries() {
            return rows.entries();
        }
    }

    Report.TransactionReport play(HeadlessRunner runner, String card) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return runner.run(new Scenario(List.of(new Scenario.Step(card, List.of(pin), DocumentType.RESIDENT_RECORD_COPY, 1))))
                .transactions().get(0);
    }

    static IssuanceState.Status atEndpoint(SimulatedEnvironment.AnotherKiosk kiosk, String issuanceId) {
        return ((EndpointResult.Ok<IssuanceState>) kiosk.endpoint().state(issuanceId)).value().status();
    }

    @Test
    void aPrintInDoubtHoldsTheFeeStopsSellingAndIsSettledAtThePrinter() {
        ScriptedPrinter printer = new ScriptedPrinter();
        printer.whileFollowing = new PrintOutcome.InDoubt("job 1 not settled after 180 s (job-printing)");
        InMemoryJournal journal = new InMemoryJournal();
        SimulatedEnvironment.AnotherKiosk kiosk = demo.anotherKiosk("kiosk-doubt-1", printer, journal, Clock.systemUTC());
        HeadlessRunner runner = new HeadlessRunner(kiosk.engine(), kiosk.slot(), journal, kiosk.payment());

        Report.TransactionReport first = play(runner, "adult");

        assertEquals("PRINT_IN_DOUBT", first.outcome(), first.journal().toString());
        assertEquals(0, first.refundedYen(), "no refund on a guess");
        assertEquals(IssuanceState.Status.RESERVED, atEndpoint(kiosk, first.issuanceId()), "no confirmation on a guess");
        Reconciliation.Totals totals = Reconciliation.of(journal.entries()).totals();
        assertTrue(totals.ok(), totals::toString);
        assertEquals(1, totals.inDoubt());
        assertEquals(200, totals.heldInDoubtYen());
        assertTrue(kiosk.engine().sellingStopped().isPresent());

        Report.TransactionReport refused = play(runner, "spouse");
        assertEquals("OUT_OF_SERVICE", refused.outcome(), "no new resident while a print is in doubt");

        printer.atPrinter.put(first.issuanceId(), new PrintOutcome.Completed("paper"));
        printer.whileFollowing = new PrintOutcome.Completed("paper");
        Report.TransactionReport next = play(runner, "spouse");

        assertEquals("ISSUED", next.outcome(), "settled at the printer when the next card came");
        assertEquals(IssuanceState.Status.PRINTED, atEndpoint(kiosk, first.issuanceId()));
        totals = Reconciliation.of(journal.entries()).totals();
        assertTrue(totals.ok(), totals::toString);
        assertEquals(2, totals.printed());
        assertEquals(400, totals.feesKeptYen());
        assertEquals(0, totals.unconfirmed());
        kiosk.close();
    }

    @Test
    void staffSettleADoubtAsNotPrintedAndTheFeeIsOwedToTheResident() {
        ScriptedPrinter printer = new ScriptedPrinter();
        printer.whileFollowing = new PrintOutcome.InDoubt("printer gone mid-job");
        InMemoryJournal journal = new InMemoryJournal();
        SimulatedEnvironment.AnotherKiosk kiosk = demo.anotherKiosk("kiosk-doubt-2", printer, journal, Clock.systemUTC());
        HeadlessRunner runner = new HeadlessRunner(kiosk.engine(), kiosk.slot(), journal, kiosk.payment());
        StaffConsole staff = new StaffConsole(journal, printer, kiosk.payment(), () -> "reader", () -> "endpoint",
                Clock.systemUTC(), () -> { }, kiosk.engine());

        Report.TransactionReport first = play(runner, "adult");
        assertEquals("PRINT_IN_DOUBT", first.outcome());
        assertEquals(List.of(first.issuanceId()), staff.doubts().stream().map(Reconciliation.IssuanceAccount::issuanceId).toList());
        assertEquals(1, staff.today().inDoubt());

        assertTrue(staff.settleDoubt(first.issuanceId(), false));

        assertTrue(staff.sellingStopped().isEmpty(), "selling again");
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(kiosk, first.issuanceId()));
        Reconciliation.Totals totals = staff.audit();
        assertTrue(totals.ok(), totals::toString);
        assertEquals(200, totals.owedOpenYen(), "the fee is owed to the resident who left");
        assertEquals(1, totals.failed());
        assertTrue(journal.entries().stream().anyMatch(e -> e.stage() == JournalStage.STAFF
                && e.detail().contains(first.issuanceId())), "the staff's settlement is journaled");
        kiosk.close();
    }

    @Test
    void aJournalThatFailsStillRefundsAndConfirmsThenStopsSelling() {
        ScriptedPrinter printer = new ScriptedPrinter();
        printer.whileFollowing = new PrintOutcome.Failed("job 1 aborted (media-jam)");
        FailingJournal journal = new FailingJournal();
        journal.failFrom = JournalStage.PRINT_FAILED;
        SimulatedEnvironment.AnotherKiosk kiosk = demo.anotherKiosk("kiosk-journal-1", printer, journal, Clock.systemUTC());
        HeadlessRunner runner = new HeadlessRunner(kiosk.engine(), kiosk.slot(), journal, kiosk.payment());

        Report.TransactionReport first = play(runner, "adult");

        assertEquals("PRINT_FAILED", first.outcome());
        assertEquals(200, kiosk.payment().paidOutYen(), "the refund was paid although its rows could not be written");
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(kiosk, first.issuanceId()), "the endpoint was told");
        assertTrue(kiosk.engine().sellingStopped().orElseThrow().contains("journal"));
        assertEquals("OUT_OF_SERVICE", play(runner, "spouse").outcome());
        kiosk.close();
    }
}
