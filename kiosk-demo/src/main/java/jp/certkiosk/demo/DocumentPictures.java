package jp.certkiosk.demo;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the pictures of the README: each document type as the kiosk prints it, front and back
 * (and the front of the second sheet of a document over two sheets),
 * at 60 dpi, and a simulated photocopy of a front (averaged 4 x 4 at 300 dpi, then thresholded)
 * where the latent 「複写」 shows. Issues the documents through the demo (simulator, virtual card,
 * file printer) in a temporary folder.
 *
 * <pre>java -cp kiosk-demo/target/kiosk-demo.jar jp.certkiosk.demo.DocumentPictures docs</pre>
 */
public final class DocumentPictures {
    private static final int DPI = 60;

    private DocumentPictures() {}

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(docs);
        Path work = Files.createTempDirectory("certkiosk-pictures");
        try (DemoEnvironment demo = DemoEnvironment.start(work.resolve("var"), new PrinterConfig(PrinterConfig.Kind.FILE, work.resolve("out")),
                Clock.systemDefaultZone())) {
            HeadlessRunner runner = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment());
            picture(demo, runner, "adult", DocumentType.RESIDENT_RECORD_COPY, docs, "resident-record-copy", true);
            picture(demo, runner, "spouse", DocumentType.RESIDENT_RECORD_ITEMS, docs, "resident-record-items", false);
            picture(demo, runner, "rare-name", DocumentType.SEAL_REGISTRATION, docs, "seal-registration", false);
            picture(demo, runner, "large-household", DocumentType.RESIDENT_RECORD_COPY, docs, "household-copy", false);
            picture(demo, runner, step(demo, "adult", DocumentType.FAMILY_REGISTER, null, null, null),
                    docs, "family-register-whole", false);
            picture(demo, runner, step(demo, "spouse", DocumentType.FAMILY_REGISTER, IssuanceOptions.RegisterExtent.INDIVIDUAL,
                    "山田 一郎", null), docs, "family-register-individual", false);
            picture(demo, runner, step(demo, "large-household", DocumentType.FAMILY_REGISTER, null, null, null),
                    docs, "family-register-large", false);
            picture(demo, runner, step(demo, "adult", DocumentType.FAMILY_REGISTER_ANNEX, null, null, null),
                    docs, "family-register-annex", false);
            picture(demo, runner, step(demo, "adult", DocumentType.TAX_CERTIFICATE, null, null, 2026),
                    docs, "tax-certificate", false);
        }
    }

    private static Scenario.Step step(DemoEnvironment demo, String card, DocumentType type,
                                      IssuanceOptions.RegisterExtent extent, String person, Integer fiscalYear) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return new Scenario.Step(card, List.of(pin), type, 1, extent, person, fiscalYear, null, null);
    }

    private static void picture(DemoEnvironment demo, HeadlessRunner runner, String card, DocumentType type, Path docs,
                                String name, boolean photocopy) throws Exception {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        picture(demo, runner, new Scenario.Step(card, List.of(pin), type, 1), docs, name, photocopy);
    }

    private static void picture(DemoEnvironment demo, HeadlessRunner runner, Scenario.Step step, Path docs,
                                String name, boolean photocopy) throws Exception {
        Report.TransactionReport result = runner.run(new Scenario(List.of(step))).transactions().get(0);
        if (result.outputFile() == null) {
            throw new IllegalStateException(step.document() + " was not issued: " + result.outcome() + " "
                    + result.journal());
        }
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(Path.of(result.outputFile())))) {
            PDFRenderer renderer = new PDFRenderer(document);
            ImageIO.write(renderer.renderImageWithDPI(0, DPI, ImageType.RGB), "png", docs.resolve(name + "-front.png").toFile());
            ImageIO.write(renderer.renderImageWithDPI(1, DPI, ImageType.RGB), "png",
                    docs.resolve(name + "-back.png").toFile());
            if (document.getNumberOfPages() > 2) {
                ImageIO.write(renderer.renderImageWithDPI(2, DPI, ImageType.RGB), "png",
                        docs.resolve(name + "-sheet2-front.png").toFile());
            }
            if (photocopy) {
                BufferedImage page = renderer.renderImageWithDPI(0, 300, ImageType.GRAY);
                ImageIO.write(photocopy(page), "png", docs.resolve(name + "-photocopy.png").toFile());
            }
        }
        System.out.println("wrote " + docs.resolve(name + "-front.png") + " and the next side");
    }

    /** A copier's view: 4 x 4 pixels averaged (75 dpi), then black or white. */
    static BufferedImage photocopy(BufferedImage page) {
        int w = page.getWidth() / 4;
        int h = page.getHeight() / 4;
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        sum += page.getRaster().getSample(x * 4 + dx, y * 4 + dy, 0);
                    }
                }
                copy.setRGB(x, y, sum / 16 < 190 ? 0x000000 : 0xffffff);
            }
        }
        return copy;
    }
}
