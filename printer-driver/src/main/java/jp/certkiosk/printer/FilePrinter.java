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
    /**
     * Jobs taken and not yet followed: a followed job has settled and is forgotten (its file stays,
     * and {@link #lookup} finds it by name), so a kiosk that prints for months holds none of them.
     */
    private final java.util.Map<Integer, Path> jobs = new java.util.HashMap<>();
    private int lastJobId;

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
    public synchronized Submission submit(PrintJob job) {
        int pages;
        try (PDDocument document = PdfParsing.load(job.pdf())) {
            pages = document.getNumberOfPages();
        } catch (IOException e) {
            return new Submission.Refused("document is not a readable PDF");
        }
        if (pages == 0) {
            return new Submission.Refused("document has no pages");
        }
        Path target = target(job.name());
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
            return new Submission.Refused("could not write " + target + ": " + e.getMessage());
        }
        int jobId = ++lastJobId;
        jobs.put(jobId, target);
        return new Submission.Accepted(jobId);
    }

    /**
     * A job of this printer is written whole when it is accepted: it has completed. Followed once:
     * it is then settled, and a second follow is in doubt (the kiosk looks a job up by its name then).
     */
    @Override
    public synchronized PrintOutcome follow(int jobId) {
        Path written = jobs.remove(jobId);
        if (written == null) {
            return new PrintOutcome.InDoubt("no job " + jobId + " in this run of the file printer");
        }
        return new PrintOutcome.Completed(written.toAbsolutePath().toString());
    }

    @Override
    public PrintOutcome lookup(String jobName) {
        Path target;
        try {
            target = target(jobName);
        } catch (IllegalArgumentException e) {
            return new PrintOutcome.Failed("no job can have that name");
        }
        return Files.isRegularFile(target) ? new PrintOutcome.Completed(target.toAbsolutePath().toString())
                : PrintOutcome.Failed.unknown("the printer never received " + jobName);
    }

    private Path target(String jobName) {
        return directory.resolve(new PrintJob(jobName, new byte[] {0}).name() + ".pdf");
    }
}
