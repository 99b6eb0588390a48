package jp.certkiosk.image.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The headless test mode for real: the demo environment issues a document through the kiosk's
 * own flow, and only then does the heartbeat start (that is what READY=1 means in the image).
 */
class HeadlessServiceTest {
    @TempDir Path dir;

    @Test
    void beatsOnlyAfterTheSelfTestIssuedADocumentAndKeepsBeating() throws Exception {
        Path data = dir.resolve("data");
        Path out = dir.resolve("out");
        Path heartbeat = data.resolve("heartbeat");
        HeadlessService service = new HeadlessService();
        new CommandLine(service).parseArgs("--data", data.toString(), "--out", out.toString(), "--beat-seconds", "1");
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> running = runner.submit(service);
            Instant limit = Instant.now().plus(Duration.ofSeconds(120));
            while (!Files.exists(heartbeat)) {
                assertTrue(!running.isDone(), "the service ended before it was ready: exit " + (running.isDone() ? running.get() : null));
                assertTrue(Instant.now().isBefore(limit), "no heartbeat within 120 s");
                Thread.sleep(100);
            }
            try (Stream<Path> printed = Files.list(out)) {
                assertEquals(1, printed.filter(p -> p.toString().endsWith(".pdf")).count(),
                        "the self-test printed one document before the first beat");
            }
            FileTime first = Files.getLastModifiedTime(heartbeat);
            Thread.sleep(2500);
            assertTrue(Files.getLastModifiedTime(heartbeat).compareTo(first) > 0, "the service keeps beating");
            running.cancel(true);
        } finally {
            runner.shutdownNow();
            assertTrue(runner.awaitTermination(30, TimeUnit.SECONDS), "the service stops when interrupted");
        }
    }
}
