package jp.certkiosk.demo;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import jp.certkiosk.printer.security.ScanVerifier;
import jp.certkiosk.sim.IssuedDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verify-scan}: checks a scan of a printed back against the issuance it claims to be.
 * Reads the issued PDF and its print key from the municipality's records (the simulator's data
 * here), descrambles the back and compares it with the front. Exit 0 genuine, 1 not genuine,
 * 2 when the issuance or the image cannot be read.
 */
@Command(name = "verify-scan", mixinStandardHelpOptions = true,
        description = "Descramble a scan of a printed back and compare it with the issued front.")
public final class VerifyScan implements Callable<Integer> {
    @Option(names = "--issuance", required = true, description = "the issuance number printed on the sheet")
    String issuanceId;

    @Option(names = "--data", defaultValue = "var",
            description = "the demo's data, holding the municipality's records (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--recovered", description = "write the recovered front here (PNG)")
    Path recovered;

    @Parameters(index = "0", description = "scan of the back: the whole A4 side, upright (PNG or JPEG)")
    Path image;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(image)) {
            System.err.println("cannot read " + image);
            return 2;
        }
        BufferedImage scan = ImageIO.read(image.toFile());
        if (scan == null) {
            System.err.println(image + " is not a PNG or JPEG image");
            return 2;
        }
        var issued = IssuedDocument.read(data.resolve("sim"), issuanceId);
        if (issued.isEmpty() || issued.get().printKey() == null) {
            System.err.println("no issuance " + issuanceId + " with a print key in " + data.resolve("sim"));
            return 2;
        }
        ScanVerifier.Result result = ScanVerifier.verify(issued.get().pdf(), issued.get().printKey(), issuanceId, scan);
        if (recovered != null) {
            ImageIO.write(result.recovered(), "png", recovered.toFile());
        }
        System.out.printf("%s: page %d, %.1f %% of blocks match (%d differ, at most %d together; largest change %d)%s%n",
                result.genuine() ? "GENUINE" : "NOT GENUINE", result.page() + 1, result.matchingShare() * 100,
                result.mismatchedBlocks(), result.largestPatch(), result.largestChange(),
                recovered == null ? "" : "; recovered front at " + recovered);
        return result.genuine() ? 0 : 1;
    }
}
