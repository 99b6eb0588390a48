package jp.certkiosk.printer;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Where the printer driver parses a PDF: every parse goes through {@link #load}, so the number of
 * parses a print costs is counted, not guessed (the benchmark reads {@link #parsesSoFar()}).
 */
public final class PdfParsing {
    private static final LongAdder PARSES = new LongAdder();

    private PdfParsing() {}

    public static PDDocument load(byte[] pdf) throws IOException {
        PARSES.increment();
        return Loader.loadPDF(pdf);
    }

    /** The same with a bound on the memory the parse may use for its streams. */
    public static PDDocument load(byte[] pdf, org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cache)
            throws IOException {
        PARSES.increment();
        return Loader.loadPDF(pdf, "", null, null, cache);
    }

    /** PDFs parsed by this process's printer driver since it started. */
    public static long parsesSoFar() {
        return PARSES.sum();
    }
}
