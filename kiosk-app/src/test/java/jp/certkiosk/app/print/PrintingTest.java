package jp.certkiosk.app.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.printer.ipp.IppEvePrinterProcess;
import jp.certkiosk.sim.IssuedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole transactions printed on a real IPP printer, and the verifier's view of a printed back. */
class PrintingTest {
    @TempDir Path dir;

    static Report.TransactionReport issue(SimulatedEnvironment demo, String card) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment())
                .run(new Scenario(List.of(new Scenario.Step(card, List.of(pin), DocumentType.RESIDENT_RECORD_COPY, 1))))
                .transactions().get(0);
    }

    @Test
    void theResidentsRecordReachesTheIppPrinterTwoSidedWithItsMarks() throws Exception {
        Path env = dir.resolve("job.env");
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "env | grep '^IPP_' > " + env + "\nexit 0");
             SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), PrinterConfig.ipp(printer.uri()),
                     Clock.systemDefaultZone())) {
            Report.TransactionReport result = issue(demo, "adult");

            assertEquals("ISSUED", result.outcome(), result.journal().toString());
            byte[] received = Files.readAllBytes(printer.receivedFiles().get(0));
            try (PDDocument document = Loader.loadPDF(received)) {
                assertEquals(0, document.getNumberOfPages() % 2, "a front and a back per sheet");
                String text = new PDFTextStripper().getText(document).replaceAll("[ 　]", "");
                assertTrue(text.contains("山田太郎") && text.contains("住民票の写し"), text);
                assertTrue(text.contains(result.issuanceId()) && text.contains(demo.config().kioskId()), text);
            }
            assertTrue(Files.readString(env).contains("IPP_SIDES=two-sided-long-edge"), Files.readString(env));
            assertEquals("PRINTED", IssuedDocument.read(dir.resolve("var/sim"), result.issuanceId()).orElseThrow().status());
        }
    }

    @Test
    void paperOutBeforeTheOrderIsRefusedBeforeTheFee() throws Exception {
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf", null);
             SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), PrinterConfig.ipp(printer.uri()),
                     Clock.systemDefaultZone())) {
            printer.setPaperEmpty(true);
            Report.TransactionReport result = issue(demo, "spouse");

            assertEquals("PRINTER_OUT_OF_SERVICE", result.outcome());
            assertTrue(result.journal().stream().anyMatch(line -> line.startsWith("PRINTER_NOT_READY") && line.contains("media-empty")),
                    result.journal().toString());
            assertEquals(0, result.paidYen(), "the fee was never asked for");
            assertEquals(List.of(), printer.receivedFiles());
            IssuedDocument issued = IssuedDocument.read(dir.resolve("var/sim"), result.issuanceId()).orElseThrow();
            assertEquals("FAILED", issued.status(), "the endpoint was told the print failed: no fee counts");
        }
    }

    @Test
    void paperOutDuringTheJobEndsInPrintFailedAndNoFee() throws Exception {
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                "echo 'STATE: +media-empty' >&2\nexit 1");
             SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), PrinterConfig.ipp(printer.uri()),
                     Clock.systemDefaultZone())) {
            Report.TransactionReport result = issue(demo, "foreign");

            assertEquals("PRINT_FAILED", result.outcome(), result.journal().toString());
            assertTrue(result.journal().stream().anyMatch(line -> line.startsWith("PRINT_FAILED") && line.contains("aborted")),
                    result.journal().toString());
            assertEquals("FAILED", IssuedDocument.read(dir.resolve("var/sim"), result.issuanceId()).orElseThrow().status());
        }
    }

    @Test
    void aNameInIpamjPrintsAndANameNoFontHasIsRefusedAtReservationBeforeAnyPayment() throws Exception {
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"),
                Clock.systemDefaultZone())) {
            Report.TransactionReport rare = issue(demo, "rare-name");
            assertEquals("ISSUED", rare.outcome(), rare.journal().toString());
            try (PDDocument printed = Loader.loadPDF(Files.readAllBytes(Path.of(rare.outputFile())))) {
                String text = new PDFTextStripper().getText(printed);
                assertTrue(text.contains("\uD842\uDFB7田 誠"), text);
            }

            Report.TransactionReport gaiji = issue(demo, "gaiji-name");
            assertEquals("REFUSED_RESIDENT_REFUSED", gaiji.outcome(), gaiji.journal().toString());
            assertEquals(null, gaiji.issuanceId(), "nothing was reserved, so nothing can be paid for");
            assertTrue(gaiji.journal().stream().noneMatch(line -> line.startsWith("RESERVED")
                    || line.startsWith("PRINTED")), gaiji.journal().toString());
        }
    }

    @Test
    void verifyScanRecoversTheFrontFromAPrintedBackAndRejectsATamperedOne() throws Exception {
        Path var = dir.resolve("var");
        Report.TransactionReport result;
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(var, dir.resolve("out"), Clock.systemDefaultZone())) {
            result = issue(demo, "adult");
        }
        assertEquals("ISSUED", result.outcome());
        BufferedImage back;
        try (PDDocument printed = Loader.loadPDF(Files.readAllBytes(Path.of(result.outputFile())))) {
            back = new PDFRenderer(printed).renderImageWithDPI(1, 200, ImageType.RGB);
        }
        Path scan = dir.resolve("back.png");
        ImageIO.write(back, "png", scan.toFile());
        Path recovered = dir.resolve("recovered.png");

        assertEquals(0, verify("--issuance", result.issuanceId(), "--data", var.toString(), "--recovered",
                recovered.toString(), scan.toString()));
        assertNotNull(ImageIO.read(recovered.toFile()));

        Graphics2D g = back.createGraphics();
        // a patch of ink about 2.5 x 1.5 cm over the scrambled image
        g.setColor(Color.BLACK);
        g.fillRect(back.getWidth() / 3, back.getHeight() / 3, 200, 120);
        g.dispose();
        Path tampered = dir.resolve("tampered.png");
        ImageIO.write(back, "png", tampered.toFile());
        assertEquals(1, verify("--issuance", result.issuanceId(), "--data", var.toString(), tampered.toString()));
        assertEquals(2, verify("--issuance", "ISS-NONE", "--data", var.toString(), scan.toString()));
    }

    @Test
    void aHouseholdOverTwoPagesPrintsTwoSheetsEachBackMatchingItsOwnFront() throws Exception {
        Path var = dir.resolve("var");
        Report.TransactionReport result;
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(var, dir.resolve("out"), Clock.systemDefaultZone())) {
            result = issue(demo, "large-household");
        }
        assertEquals("ISSUED", result.outcome(), result.journal().toString());
        try (PDDocument printed = Loader.loadPDF(Files.readAllBytes(Path.of(result.outputFile())))) {
            assertEquals(4, printed.getNumberOfPages(), "two sheets, front and back");
            PDFTextStripper lastFront = new PDFTextStripper();
            lastFront.setStartPage(3);
            lastFront.setEndPage(3);
            String text = lastFront.getText(printed);
            assertTrue(text.contains("2 / 2") && text.contains("以下余白") && text.contains("鈴木 蓮"), text);
            Path scan = dir.resolve("second-back.png");
            ImageIO.write(new PDFRenderer(printed).renderImageWithDPI(3, 150, ImageType.RGB), "png", scan.toFile());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream original = System.out;
            System.setOut(new java.io.PrintStream(out, true, "UTF-8"));
            try {
                assertEquals(0, verify("--issuance", result.issuanceId(), "--data", var.toString(), scan.toString()));
            } finally {
                System.setOut(original);
            }
            assertTrue(out.toString("UTF-8").startsWith("GENUINE: page 2"), out.toString("UTF-8"));
        }
    }

    /**
     * What {@code ./kiosk verify-scan --issuance ID --data DIR [--recovered OUT] SCAN} does (the command
     * lives in kiosk-demo, beside the simulator's records it reads): 0 genuine, 1 not, 2 no such issuance.
     */
    static int verify(String... args) throws java.io.IOException {
        java.util.List<String> list = java.util.List.of(args);
        String issuanceId = list.get(list.indexOf("--issuance") + 1);
        Path data = Path.of(list.get(list.indexOf("--data") + 1));
        Path recovered = list.contains("--recovered") ? Path.of(list.get(list.indexOf("--recovered") + 1)) : null;
        Path scan = Path.of(list.get(list.size() - 1));
        var issued = jp.certkiosk.sim.IssuedDocument.read(data.resolve("sim"), issuanceId);
        if (issued.isEmpty() || issued.get().printKey() == null) {
            return 2;
        }
        var result = jp.certkiosk.printer.security.ScanVerifier.verify(issued.get().pdf(), issued.get().printKey(),
                issuanceId, ImageIO.read(scan.toFile()));
        if (recovered != null) {
            ImageIO.write(result.recovered(), "png", recovered.toFile());
        }
        System.out.printf("%s: page %d%n", result.genuine() ? "GENUINE" : "NOT GENUINE", result.page() + 1);
        return result.genuine() ? 0 : 1;
    }

    static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
