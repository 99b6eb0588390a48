package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's heartbeat beats on the JavaFX thread: a hung UI thread means no beats. */
class SupervisedKioskTest {
    private static final Duration PERIOD = Duration.ofMillis(100);

    @TempDir Path dir;

    @Test
    void noBeatBeforeTheScreenShowsThenBeatsThatStopWhileTheUiThreadHangs() throws Exception {
        Path file = dir.resolve("heartbeat");
        ScheduledExecutorService pump = SupervisedKiosk.beatOnUiThread(new Heartbeat(file, Clock.systemUTC()), PERIOD);
        try {
            Thread.sleep(500);
            assertTrue(!Files.exists(file), "no beat before the JavaFX toolkit runs");

            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            assertTrue(started.await(30, TimeUnit.SECONDS), "JavaFX did not start");
            Thread.sleep(5 * PERIOD.toMillis());
            assertTrue(!Files.exists(file), "no beat while no window shows (the first screen is being built)");

            Platform.runLater(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new Pane(), 100, 100));
                stage.show();
            });
            waitFor(() -> Files.exists(file), "a beat once a window shows");

            CountDownLatch hung = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Platform.runLater(() -> {
                hung.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(hung.await(10, TimeUnit.SECONDS));
            Thread.sleep(3 * PERIOD.toMillis()); // a beat already queued before the hang may land
            FileTime whileHung = Files.getLastModifiedTime(file);
            Thread.sleep(10 * PERIOD.toMillis());
            assertEquals(whileHung, Files.getLastModifiedTime(file), "no beat while the UI thread hangs");

            release.countDown();
            waitFor(() -> Files.getLastModifiedTime(file).compareTo(whileHung) > 0, "beats again once it runs");
        } finally {
            pump.shutdownNow();
            assertTrue(pump.awaitTermination(10, TimeUnit.SECONDS));
            // beats already queued on the JavaFX thread run before this, so none lands after the test
            CountDownLatch drained = new CountDownLatch(1);
            Platform.runLater(drained::countDown);
            assertTrue(drained.await(10, TimeUnit.SECONDS));
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.holds()) {
            assertTrue(System.nanoTime() < limit, "not within 10 s: " + what);
            Thread.sleep(20);
        }
    }
}
