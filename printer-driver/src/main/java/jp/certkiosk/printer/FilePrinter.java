package jp.certkiosk.printer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The printer of headless runs and the demo: each job becomes {@code <dir>/<name>.pdf}. A job
 * appears whole or not at all (written aside, then moved into place), and a document that is not
 * a readable PDF is refused as a real printer would fail it.
 */
public final class FilePrinter implements Printer {
    private final Path directory;

    public FilePrinter(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public PrinterStatus status() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return new PrinterStatus(false, java.util.List.of("output directory unusable: " + e.getMessage()));
        }
        return Files.isWritable(directory)
                ? PrinterStatus.readyNow()
                : new PrinterStatus(false, java.util.List.of("output directory not writable"));
    }

    @Override
    public PrintOutcome print(PrintJob job) {
        int pages;
        try (PDDocument document = PdfParsing.load(job.pdf())) {
            pages = document.getNumberOfPages();
        } catch (IOException e) {
            return new PrintOutcome.Failed("document is not a readable PDF");
        }
        if (pages == 0) {
            return new PrintOutcome.Failed("document has no pages");
        }
        Path target = directory.resolve(job.name() + ".pdf");
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, job.name(), ".part");
            Files.write(partial, job.pdf());
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return new PrintOutcome.Failed("could not write " + target + ": " + e.getMessage());
        }
        return new PrintOutcome.Completed(target.toAbsolutePath().toString());
    }
}
