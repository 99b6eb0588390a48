package jp.certkiosk.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePrinterTest {
    @TempDir Path dir;

    @Test
    void writesTheWholeDocumentUnderTheJobName() throws IOException {
        byte[] pdf = onePagePdf();
        FilePrinter printer = new FilePrinter(dir.resolve("out"));
        assertTrue(printer.status().ready());

        PrintOutcome outcome = printer.print(new PrintJob("ISS-0001", pdf));

        Path expected = dir.resolve("out/ISS-0001.pdf");
        assertEquals(new PrintOutcome.Completed(expected.toAbsolutePath().toString()), outcome);
        assertArrayEquals(pdf, Files.readAllBytes(expected));
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(1, files.count(), "no partial file may be left behind");
        }
    }

    @Test
    void forgetsAJobOnceFollowedAndStillFindsItByName() throws IOException {
        FilePrinter printer = new FilePrinter(dir);
        int first = ((Submission.Accepted) printer.submit(new PrintJob("ISS-0003", onePagePdf()))).jobId();
        int second = ((Submission.Accepted) printer.submit(new PrintJob("ISS-0004", onePagePdf()))).jobId();
        assertTrue(first != second, "job ids are not reused");

        assertInstanceOf(PrintOutcome.Completed.class, printer.follow(first));
        assertInstanceOf(PrintOutcome.InDoubt.class, printer.follow(first), "a settled job is not held");
        assertEquals(new PrintOutcome.Completed(dir.resolve("ISS-0003.pdf").toAbsolutePath().toString()),
                printer.lookup("ISS-0003"));
        assertInstanceOf(PrintOutcome.Completed.class, printer.follow(second));
    }

    @Test
    void refusesSomethingThatIsNotAPdfAndWritesNothing() throws IOException {
        FilePrinter printer = new FilePrinter(dir);
        PrintOutcome outcome = printer.print(new PrintJob("ISS-0002", "<html>not a pdf</html>".getBytes()));
        assertInstanceOf(PrintOutcome.Failed.class, outcome);
        assertFalse(Files.exists(dir.resolve("ISS-0002.pdf")));
    }

    @Test
    void jobNamesCannotEscapeTheOutputDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new PrintJob("../etc/passwd", new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new PrintJob("", new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new PrintJob("..", new byte[] {1}));
        new PrintJob("_x4-base64url", new byte[] {1});
        new PrintJob("-x4_base64url", new byte[] {1});
    }

    @Test
    void reportsNotReadyWhenTheOutputCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        PrinterStatus status = new FilePrinter(blocker.resolve("sub")).status();
        assertFalse(status.ready());
        assertEquals(1, status.reasons().size());
    }

    static byte[] onePagePdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
