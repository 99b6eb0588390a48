package jp.certkiosk.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where documents go: a folder of PDFs ({@link Kind#FILE}, headless runs and the demo), or an
 * IPP printer ({@link Kind#IPP}: the attached printer's CUPS queue, e.g.
 * {@code ipp://localhost:631/printers/kiosk}, or an IPP printer directly).
 */
public record PrinterConfig(Kind kind, Path outputDirectory, URI uri) {
    public enum Kind { FILE, IPP }

    public PrinterConfig(Kind kind, Path outputDirectory) {
        this(kind, outputDirectory, null);
    }

    public static PrinterConfig ipp(URI uri) {
        return new PrinterConfig(Kind.IPP, null, uri);
    }
}
