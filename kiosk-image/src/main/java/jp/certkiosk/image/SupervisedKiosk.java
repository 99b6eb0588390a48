package jp.certkiosk.image;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Window;
import jp.certkiosk.app.Main;

/**
 * The kiosk with the screen, as the OS image runs it: the application's own command line
 * ({@code run --config FILE}), plus a
 * heartbeat that beats on the JavaFX application thread. A beat proves the screen still handles
 * events; a hung UI thread stops the beats, and systemd's watchdog restarts the kiosk. No beat is
 * made before a window of the kiosk is showing, so READY=1 means the screen is there, and building
 * the first screen (seconds of the UI thread on a slow machine) is bounded by the start timeout,
 * not mistaken for a hang.
 */
public final class SupervisedKiosk {
    /** How often the UI thread is asked to beat. The supervisor calls a beat stale after a few of these. */
    public static final Duration BEAT_PERIOD = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SupervisedKiosk.class.getName());

    private SupervisedKiosk() {
    }

    public static void main(String[] args) {
        Heartbeat.fromEnvironment().ifPresent(heartbeat -> beatOnUiThread(heartbeat, BEAT_PERIOD));
        Main.main(args);
    }

    /** Asks the JavaFX application thread for a beat every {@code period}; returns the pump (to stop it). */
    static ScheduledExecutorService beatOnUiThread(Heartbeat heartbeat, Duration period) {
        ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-heartbeat");
            t.setDaemon(true);
            return t;
        });
        pump.scheduleAtFixedRate(() -> {
            try {
                Platform.runLater(() -> beatQuietly(heartbeat));
            } catch (IllegalStateException toolkitNotYetStarted) {
                // not ready yet: no beat
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return pump;
    }

    private static void beatQuietly(Heartbeat heartbeat) {
        if (Window.getWindows().stream().noneMatch(Window::isShowing)) {
            return; // the first screen is not up yet
        }
        try {
            heartbeat.beat();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat not written: " + e.getMessage());
        }
    }
}
