package jp.certkiosk.app.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.printer.ipp.IppEvePrinterProcess;
import jp.certkiosk.printer.ipp.IppPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printer failing in the ways printers fail, on a real IPP printer (ippeveprinter): out of paper
 * before the order (refused before the fee: PRINTER_OUT_OF_SERVICE), jammed and
 * door open mid-job (the printer aborts: PRINT_FAILED, refunded), slower than the kiosk's time limit
 * and gone mid-job (nobody knows: PRINT_IN_DOUBT, fee held, no new resident until the printer or
 * staff settle it). Each ends with a journal that adds up.
 */
class PrinterFaultsEndToEndTest {
    @TempDir Path dir;

    record Kiosk(SimulatedEnvironment.AnotherKiosk kiosk, InMemoryJournal journal, HeadlessRunner runner) {}

    static Kiosk kiosk(SimulatedEnvironment demo, IppEvePrinterProcess printer, String id) {
        InMemoryJournal journal = new InMemoryJournal();
        IppPrinter ipp = new IppPrinter(printer.uri(), id, Duration.ofMillis(100), Duration.ofSeconds(3));
        SimulatedEnvironment.AnotherKiosk kiosk = demo.anotherKiosk(id, ipp, journal, Clock.systemUTC());
        return new Kiosk(kiosk, journal, new HeadlessRunner(kiosk.engine(), kiosk.slot(), journal, kiosk.payment()));
    }

    static Report.TransactionReport issue(SimulatedEnvironment demo, Kiosk kiosk, String card) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return kiosk.runner().run(new Scenario(List.of(new Scenario.Step(card, List.of(pin), DocumentType.RESIDENT_RECORD_COPY, 1))))
                .transactions().get(0);
    }

    static IssuanceState.Status atEndpoint(Kiosk kiosk, String issuanceId) {
        return ((EndpointResult.Ok<IssuanceState>) kiosk.kiosk().endpoint().state(issuanceId)).value().status();
    }

    static Reconciliation.Totals audit(Kiosk kiosk) {
        Reconciliation.Totals totals = Reconciliation.of(kiosk.journal().entries()).totals();
        assertTrue(totals.ok(), totals::toString);
        return totals;
    }

    @Test
    void aJamOrAnOpenDoorMidJobAbortsItFailedAndRefunded() throws Exception {
        for (String reason : List.of("media-jam", "door-open")) {
            try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve(reason), "application/pdf",
                    "echo 'STATE: +" + reason + "' >&2\nexit 1");
                 SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var-" + reason), dir.resolve("out"), Clock.systemUTC())) {
                Kiosk kiosk = kiosk(demo, printer, "kiosk-" + reason);
                Report.TransactionReport result = issue(demo, kiosk, "adult");

                assertEquals("PRINT_FAILED", result.outcome(), result.journal().toString());
                assertEquals(200, result.refundedYen());
                assertEquals(IssuanceState.Status.FAILED, atEndpoint(kiosk, result.issuanceId()));
                Reconciliation.Totals totals = audit(kiosk);
                assertEquals(200, totals.refundedYen());
                assertEquals(0, totals.feesKeptYen());
                kiosk.kiosk().close();
            }
        }
    }

    @Test
    void aPrinterOutOfPaperBeforeTheOrderRefusesItBeforeTheFee() throws Exception {
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf", "exit 0");
             SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC())) {
            Kiosk kiosk = kiosk(demo, printer, "kiosk-no-paper");
            printer.setPaperEmpty(true);

            Report.TransactionReport refused = issue(demo, kiosk, "adult");

            assertEquals("PRINTER_OUT_OF_SERVICE", refused.outcome(), refused.journal().toString());
            assertEquals(0, kiosk.kiosk().payment().takenYen(), "the fee was never asked for");
            assertEquals(List.of(), printer.receivedFiles(), "nothing reached the printer");
            assertEquals(IssuanceState.Status.FAILED, atEndpoint(kiosk, refused.issuanceId()), "the reservation is released");
            assertEquals(0, audit(kiosk).takenYen());

            printer.setPaperEmpty(false);
            Report.TransactionReport next = issue(demo, kiosk, "spouse");
            assertEquals("ISSUED", next.outcome(), next.journal().toString());
            assertEquals(200, audit(kiosk).feesKeptYen());
            kiosk.kiosk().close();
        }
    }

    @Test
    void aPrinterSlowerThanTheTimeLimitLeavesThePrintInDoubtUntilItCompletes() throws Exception {
        Path release = dir.resolve("release");
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "while [ ! -e " + release + " ]; do sleep 0.2; done\nexit 0");
             SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC())) {
            Kiosk kiosk = kiosk(demo, printer, "kiosk-slow");
            Report.TransactionReport first = issue(demo, kiosk, "adult");

            assertEquals("PRINT_IN_DOUBT", first.outcome(), first.journal().toString());
            assertEquals(0, first.refundedYen(), "not refunded: the job may still print");
            assertEquals(IssuanceState.Status.RESERVED, atEndpoint(kiosk, first.issuanceId()), "not confirmed on a guess");
            assertEquals(200, audit(kiosk).heldInDoubtYen());
            assertEquals("OUT_OF_SERVICE", issue(demo, kiosk, "spouse").outcome(), "no new resident meanwhile");

            Files.writeString(release, "go");
            Thread.sleep(1500);
            Files.delete(release); // the next job is slow again, but the first came out
            Report.TransactionReport next = issue(demo, kiosk, "spouse");
            assertEquals(IssuanceState.Status.PRINTED, atEndpoint(kiosk, first.issuanceId()), "settled at the printer");
            assertEquals("PRINT_IN_DOUBT", next.outcome(), "sold again, and the next job is as slow");
            Reconciliation.Totals totals = audit(kiosk);
            assertEquals(1, totals.printed());
            assertEquals(200, totals.feesKeptYen());
            kiosk.kiosk().close();
        }
    }

    @Test
    void aPrinterGoneMidJobLeavesThePrintInDoubtForStaffToSettle() throws Exception {
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC())) {
            IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf", "sleep 60\nexit 0");
            Kiosk kiosk = kiosk(demo, printer, "kiosk-gone");
            Thread pull = new Thread(() -> {
                // the printer disappears once it has the job
                for (int i = 0; i < 600 && printer.receivedFiles().isEmpty(); i++) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                printer.close();
            });
            pull.start();
            Report.TransactionReport first = issue(demo, kiosk, "adult");
            pull.join();

            assertEquals("PRINT_IN_DOUBT", first.outcome(), first.journal().toString());
            assertEquals(0, first.refundedYen());
            StaffConsole staff = new StaffConsole(kiosk.journal(), new IppPrinter(printer.uri(), "staff"),
                    kiosk.kiosk().payment(), () -> StaffConsole.Part.working("reader"), () -> StaffConsole.Part.working("endpoint"), Clock.systemUTC(), () -> { },
                    kiosk.kiosk().engine());
            assertEquals(1, staff.doubts().size());
            assertTrue(staff.sellingStopped().isPresent());

            assertTrue(staff.settleDoubt(first.issuanceId(), false), "staff found no pages in the printer");

            assertTrue(staff.sellingStopped().isEmpty());
            assertEquals(IssuanceState.Status.FAILED, atEndpoint(kiosk, first.issuanceId()));
            Reconciliation.Totals totals = audit(kiosk);
            assertEquals(200, totals.owedOpenYen(), "the fee is owed to the resident, for staff to hand over");
            kiosk.kiosk().close();
        }
    }
}
