package jp.certkiosk.printer.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.printer.security.SamplePdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Printing to a real IPP printer (ippeveprinter on loopback), following each job to its end. */
class IppPrinterTest {
    @TempDir Path dir;

    static IppPrinter printerFor(IppEvePrinterProcess process) {
        return new IppPrinter(process.uri(), "kiosk-test", Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    @Test
    void sendsThePdfTwoSidedAndWaitsUntilTheJobCompletes() throws Exception {
        Path env = dir.resolve("job.env");
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"),
                "application/pdf,image/pwg-raster", "env | grep '^IPP_' > " + env + "\nexit 0")) {
            IppPrinter printer = printerFor(process);
            assertTrue(printer.status().ready(), () -> printer.status().reasons().toString());
            byte[] pdf = SamplePdfs.certificate(2, "山田 太郎");

            PrintOutcome outcome = printer.print(new PrintJob("ISS-IPP-1", pdf));

            assertInstanceOf(PrintOutcome.Completed.class, outcome, outcome::toString);
            List<Path> received = process.receivedFiles();
            assertEquals(1, received.size(), received::toString);
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(received.get(0)))) {
                assertEquals(2, document.getNumberOfPages());
                assertEquals(PDRectangle.A4.getWidth(), document.getPage(0).getMediaBox().getWidth(), 0.5);
                assertTrue(new PDFTextStripper().getText(document).contains("山田 太郎"));
            }
            String attributes = Files.readString(env, StandardCharsets.UTF_8);
            assertTrue(attributes.contains("IPP_SIDES=two-sided-long-edge"), attributes);
            assertTrue(attributes.contains("IPP_MEDIA=iso_a4_210x297mm"), attributes);
        }
    }

    @Test
    void printsThroughTheCupsQueueInFrontOfThePrinter() throws Exception {
        Path env = dir.resolve("job.env");
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "env | grep '^IPP_' > " + env + "\nexit 0");
             CupsQueue queue = CupsQueue.create("certkiosk-test-" + process.port(), process.uri())) {
            IppPrinter printer = new IppPrinter(queue.uri(), "kiosk-test", Duration.ofMillis(200), Duration.ofSeconds(60));
            assertTrue(printer.status().ready(), () -> printer.status().reasons().toString());

            PrintOutcome outcome = printer.print(new PrintJob("ISS-CUPS-1", SamplePdfs.certificate(2, "佐藤 美咲")));

            assertInstanceOf(PrintOutcome.Completed.class, outcome, outcome::toString);
            assertTrue(((PrintOutcome.Completed) outcome).location().contains("/printers/certkiosk-test-"));
            List<Path> received = process.receivedFiles();
            assertEquals(1, received.size(), received::toString);
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(received.get(0)))) {
                assertEquals(2, document.getNumberOfPages());
                assertEquals(PDRectangle.A4.getHeight(), document.getPage(1).getMediaBox().getHeight(), 0.5);
                assertTrue(new PDFTextStripper().getText(document).contains("佐藤 美咲"));
            }
            waitForFile(env);
            String attributes = Files.readString(env, StandardCharsets.UTF_8);
            assertTrue(attributes.contains("IPP_SIDES=two-sided-long-edge"), attributes);

            // paper out at the printer: the idle queue does not know, the kiosk asks the printer too
            process.setPaperEmpty(true);
            PrinterStatus empty = printer.status();
            assertFalse(empty.ready());
            assertTrue(empty.reasons().stream().anyMatch(r -> r.startsWith("media-empty")), empty.reasons()::toString);
            PrintOutcome refused = printer.print(new PrintJob("ISS-CUPS-3", SamplePdfs.certificate(1, "x")));
            assertInstanceOf(PrintOutcome.Failed.class, refused);
            assertEquals(1, process.receivedFiles().size(), "nothing more reached the printer");
        }
    }

    @Test
    void aJobFailingAtThePrinterBehindCupsIsReportedFailed() throws Exception {
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "echo 'STATE: +media-jam' >&2\nexit 1");
             CupsQueue queue = CupsQueue.create("certkiosk-test-" + process.port(), process.uri())) {
            IppPrinter printer = new IppPrinter(queue.uri(), "kiosk-test", Duration.ofMillis(200), Duration.ofSeconds(90));

            PrintOutcome outcome = printer.print(new PrintJob("ISS-CUPS-2", SamplePdfs.certificate(1, "x")));

            // CUPS ends the job canceled (abort-job policy): failed, on the printer's word; or, when its
            // backend misses the printer's verdict, completed while the printer reports the jam: nobody
            // can say how many pages came out, so it is in doubt, never charged or refunded on a guess
            String reason = outcome instanceof PrintOutcome.Failed f ? f.reason()
                    : assertInstanceOf(PrintOutcome.InDoubt.class, outcome, outcome::toString).reason();
            assertTrue(reason.contains("media-jam"), reason);
        }
    }

    static void waitForFile(Path file) throws InterruptedException {
        for (int i = 0; i < 50 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void rendersPwgRasterForAPrinterWithoutPdf() throws Exception {
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "image/pwg-raster", null)) {
            PrintOutcome outcome = printerFor(process).print(new PrintJob("ISS-IPP-2", SamplePdfs.certificate(2, "x")));

            assertInstanceOf(PrintOutcome.Completed.class, outcome, outcome::toString);
            byte[] raster = Files.readAllBytes(process.receivedFiles().get(0));
            List<int[]> pages = PwgRaster.pageSizes(raster);
            assertEquals(2, pages.size());
            for (int[] page : pages) {
                assertEquals(2480, page[0], 2);
                assertEquals(3508, page[1], 2);
                assertEquals(1, page[2], "duplex");
            }
        }
    }

    @Test
    void refusesTheOrderWhileThePaperIsOutAndSendsNothing() throws Exception {
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf", null)) {
            process.setPaperEmpty(true);
            IppPrinter printer = printerFor(process);
            PrinterStatus status = printer.status();
            assertFalse(status.ready());
            assertTrue(status.reasons().stream().anyMatch(r -> r.startsWith("media-empty")), status.reasons()::toString);

            PrintOutcome outcome = printer.print(new PrintJob("ISS-IPP-3", SamplePdfs.certificate(1, "x")));

            PrintOutcome.Failed failed = assertInstanceOf(PrintOutcome.Failed.class, outcome);
            assertTrue(failed.reason().contains("media-empty"), failed.reason());
            assertEquals(List.of(), process.receivedFiles(), "nothing may reach the printer");

            process.setPaperEmpty(false);
            assertTrue(printer.status().ready(), () -> printer.status().reasons().toString());
        }
    }

    @Test
    void reportsAJobThatFailsMidWay() throws Exception {
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "echo 'STATE: +media-empty' >&2\necho 'ERROR: out of paper' >&2\nexit 1")) {
            PrintOutcome outcome = printerFor(process).print(new PrintJob("ISS-IPP-4", SamplePdfs.certificate(1, "x")));

            PrintOutcome.Failed failed = assertInstanceOf(PrintOutcome.Failed.class, outcome);
            assertTrue(failed.reason().contains("aborted"), failed.reason());
            assertTrue(failed.reason().contains("media-empty"), failed.reason());
        }
    }

    @Test
    void aJobThatDoesNotSettleInTimeIsInDoubtNotCanceledAndIsFoundAgainByItsName() throws Exception {
        Path release = dir.resolve("release");
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "while [ ! -e " + release + " ]; do sleep 0.2; done\nexit 0")) {
            IppPrinter printer = new IppPrinter(process.uri(), "kiosk-test", Duration.ofMillis(100), Duration.ofSeconds(2));

            PrintOutcome outcome = printer.print(new PrintJob("ISS-IPP-SLOW", SamplePdfs.certificate(1, "x")));

            PrintOutcome.InDoubt doubt = assertInstanceOf(PrintOutcome.InDoubt.class, outcome, outcome::toString);
            assertTrue(doubt.reason().contains("not settled"), doubt.reason());
            assertInstanceOf(PrintOutcome.InDoubt.class, printer.lookup("ISS-IPP-SLOW"), "still printing: not canceled");
            assertInstanceOf(PrintOutcome.Failed.class, printer.lookup("ISS-NEVER-SENT"), "never received: failed");

            Files.writeString(release, "go");
            PrintOutcome settled = printer.lookup("ISS-IPP-SLOW");
            for (int i = 0; i < 100 && settled instanceof PrintOutcome.InDoubt; i++) {
                Thread.sleep(100);
                settled = printer.lookup("ISS-IPP-SLOW");
            }
            assertInstanceOf(PrintOutcome.Completed.class, settled, settled::toString);
        }
    }

    @Test
    void anAbortedJobIsFailedWhenLookedUpByItsName() throws Exception {
        try (IppEvePrinterProcess process = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "echo 'ERROR: door open' >&2\nexit 1")) {
            IppPrinter printer = printerFor(process);
            assertInstanceOf(PrintOutcome.Failed.class, printer.print(new PrintJob("ISS-IPP-ABORT", SamplePdfs.certificate(1, "x"))));
            PrintOutcome looked = printer.lookup("ISS-IPP-ABORT");
            PrintOutcome.Failed failed = assertInstanceOf(PrintOutcome.Failed.class, looked, looked::toString);
            assertTrue(failed.reason().contains("aborted"), failed.reason());
        }
    }

    @Test
    void anUnreachablePrinterIsNotReady() {
        IppPrinter nowhere = new IppPrinter(java.net.URI.create("ipp://localhost:9/ipp/print"), "kiosk-test");
        assertFalse(nowhere.status().ready());
        assertInstanceOf(PrintOutcome.Failed.class, nowhere.print(new PrintJob("ISS-IPP-5", new byte[] {1})),
                "never reached: nothing can print");
        assertInstanceOf(PrintOutcome.InDoubt.class, nowhere.lookup("ISS-IPP-5"), "cannot ask: in doubt");
    }
}
