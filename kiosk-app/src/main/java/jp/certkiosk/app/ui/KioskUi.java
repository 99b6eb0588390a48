package jp.certkiosk.app.ui;

import java.time.Clock;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.config.Profile;

/**
 * The full-screen kiosk: undecorated, no exit key, every key swallowed, close requests refused,
 * full screen restored if lost, the cursor hidden in production. An uncaught error shows the
 * out-of-service screen, then the process exits with {@link StaffConsole#RESTART_EXIT_CODE} for
 * the supervisor to start it again. Its parts come from the composition root
 * ({@link jp.certkiosk.app.assembly.KioskAssembly}); the demo buttons show only in the DEMO profile.
 */
public final class KioskUi extends Application {
    private static final Logger LOG = Logger.getLogger(KioskUi.class.getName());
    /** How long the out-of-service screen shows after a fatal error before the process exits. */
    static final java.time.Duration FATAL_EXIT_DELAY = java.time.Duration.ofSeconds(5);

    private static Kiosk kiosk;

    private ExecutorService background;

    /** Shows the kiosk full screen until the process ends; the caller closes the kiosk afterwards. */
    public static void run(Kiosk builtKiosk) {
        kiosk = builtKiosk;
        Application.launch(KioskUi.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Clock clock = kiosk.clock();
        background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-flow");
            thread.setDaemon(true);
            return thread;
        });
        KioskViewModel model = new KioskViewModel(parts(kiosk), background, Platform::runLater, clock,
                kiosk.config().screen().idleWarning(), kiosk.config().screen().idleTimeout(), new ToneAudioCues());
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> fatal(model, error, FATAL_EXIT_DELAY, KioskUi::exit));
        // smaller than any kiosk panel: if full screen were ever lost, it would show (and the check under Xvfb would see it)
        Scene scene = new Scene(new KioskView(model).root(), 1280, 720);
        if (kiosk.config().profile() == Profile.PRODUCTION) {
            scene.setCursor(Cursor.NONE);
        }
        stage.setScene(scene);
        lockDown(stage);
        coverScreen(stage);
        stage.show();
        stage.setFullScreen(true);
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /**
     * The screens' parts from the kiosk the configuration built: demo controls only in the DEMO
     * profile (virtual cards when its reader is the in-process one, cash when its acceptor is simulated).
     */
    public static KioskViewModel.Parts parts(Kiosk kiosk) {
        var staffPin = kiosk.staffPin().orElseThrow(() -> new IllegalStateException(
                "staff.pinHashFile is not set: the screens need the staff PIN hash"));
        return new KioskViewModel.Parts(kiosk.engine(), kiosk.payment(), kiosk.staff(), staffPin,
                kiosk.config().profile() == Profile.DEMO ? java.util.Optional.of(demoControls(kiosk))
                        : java.util.Optional.empty());
    }

    private static DemoControls demoControls(Kiosk kiosk) {
        return new DemoControls() {
            @Override
            public java.util.List<String> cardProfiles() {
                return kiosk.virtualReader().map(r -> r.profiles()).orElse(java.util.List.of());
            }

            @Override
            public void placeCard(String profile) {
                kiosk.virtualReader().ifPresent(r -> r.insert(profile));
            }

            @Override
            public void removeCard() {
                kiosk.virtualReader().ifPresent(r -> r.remove());
            }

            @Override
            public java.util.Optional<String> cardOnReader() {
                return kiosk.virtualReader().flatMap(r -> r.insertedProfile());
            }

            @Override
            public void insertMoney(int yen) {
                kiosk.simulatedPayment().ifPresent(p -> p.insert(yen));
            }
        };
    }

    /**
     * Sizes the window to the whole screen before it shows: without a window manager nobody honours
     * the full-screen request, and the window would stay at its scene's size in a corner.
     */
    static void coverScreen(Stage stage) {
        javafx.geometry.Rectangle2D bounds = javafx.stage.Screen.getPrimary().getBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /** No way out for a resident: no exit key, no keys at all, no close, full screen restored if lost. */
    public static void lockDown(Stage stage) {
        try {
            stage.initStyle(StageStyle.UNDECORATED);
        } catch (IllegalStateException alreadyShown) {
            // a stage shown before keeps its style; the kiosk's own stage is locked before it is shown
        }
        stage.setTitle("Kiosk");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(Event::consume);
        stage.addEventFilter(KeyEvent.ANY, Event::consume);
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
        stage.iconifiedProperty().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(() -> stage.setIconified(false));
            }
        });
    }

    /** Out of service on the screen, never a stack trace; then exit for the supervisor to restart us. */
    static void fatal(KioskViewModel model, Throwable error, java.time.Duration delay, java.util.function.IntConsumer exit) {
        LOG.log(Level.SEVERE, "uncaught error; the kiosk goes out of service and restarts", error);
        Platform.runLater(() -> model.outOfService("outOfService.fault"));
        Thread exiter = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exit.accept(StaffConsole.RESTART_EXIT_CODE);
        }, "kiosk-fatal-exit");
        exiter.setDaemon(true);
        exiter.start();
    }

    private static void exit(int code) {
        Runtime.getRuntime().halt(code);
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }

    }
}
