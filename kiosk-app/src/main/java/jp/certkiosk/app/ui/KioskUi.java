package jp.certkiosk.app.ui;

import java.time.Clock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.ui.model.KeypadKey;
import jp.certkiosk.app.ui.model.KioskModel;
import jp.certkiosk.app.ui.view.KioskView;
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

    private static Future<Kiosk> assembled;

    private ExecutorService background;

    /** Shows the kiosk full screen until the process ends; the caller closes the kiosk afterwards. */
    public static void run(Kiosk builtKiosk) {
        run(CompletableFuture.completedFuture(builtKiosk));
    }

    /**
     * Starts the JavaFX toolkit at once and shows the kiosk full screen as soon as {@code assembling}
     * gives it, until the process ends: the toolkit's own start runs while the kiosk is assembled on
     * another thread. Nothing shows before the kiosk is whole, so no resident meets a kiosk whose parts
     * are not ready. If the assembly fails, no window shows and this returns; the caller learns why
     * from {@code assembling}, and closes the kiosk it gave.
     */
    public static void run(Future<Kiosk> assembling) {
        assembled = assembling;
        Application.launch(KioskUi.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Kiosk kiosk;
        try {
            kiosk = assembled.get();
        } catch (ExecutionException assemblyFailed) {
            Platform.exit(); // the caller reports the failure, as when the assembly ran before the toolkit
            return;
        }
        Clock clock = kiosk.clock();
        background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-flow");
            thread.setDaemon(true);
            return thread;
        });
        KioskModel model = new KioskModel(parts(kiosk), new KioskModel.Setup(background, Platform::runLater, clock,
                kiosk.config().screen().idleWarning(), kiosk.config().screen().idleTimeout(), new ToneAudioCues(),
                new ClipVoice()));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> fatal(model, error, FATAL_EXIT_DELAY, KioskUi::exit));
        // smaller than any kiosk panel: if full screen were ever lost, it would show (and the check under Xvfb would see it)
        Scene scene = new Scene(new KioskView(model).root(), 1280, 720);
        if (kiosk.config().profile() == Profile.PRODUCTION) {
            scene.setCursor(Cursor.NONE);
        }
        stage.setScene(scene);
        lockDown(stage, model::key);
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
    public static Parts parts(Kiosk kiosk) {
        var staffPin = kiosk.staffPin().orElseThrow(() -> new IllegalStateException(
                "staff.pinHashFile is not set: the screens need the staff PIN hash"));
        return new Parts(kiosk.engine(), kiosk.payment(), kiosk.staff(), staffPin,
                kiosk.config().profile() == Profile.DEMO ? Optional.of(demoControls(kiosk)) : Optional.empty());
    }

    /** The demo's virtual reader and simulated acceptor, as a resident would place a card and insert money. */
    private static DemoControls demoControls(Kiosk kiosk) {
        return new DemoControls() {
            @Override
            public List<String> cardProfiles() {
                return kiosk.virtualReader().map(r -> r.profiles()).orElse(List.of());
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
            public Optional<String> cardOnReader() {
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

    /**
     * No way out for a resident: no exit key, no close, full screen restored if lost. Every key is
     * swallowed; the tactile keypad's keys (digits, Enter, Backspace, Escape) go to {@code keypad}.
     */
    public static void lockDown(Stage stage, Consumer<KeypadKey> keypad) {
        try {
            stage.initStyle(StageStyle.UNDECORATED);
        } catch (IllegalStateException alreadyShown) {
            // a stage shown before keeps its style; the kiosk's own stage is locked before it is shown
        }
        stage.setTitle("Kiosk");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(Event::consume);
        stage.addEventFilter(KeyEvent.ANY, event -> {
            if (event.getEventType() == KeyEvent.KEY_PRESSED && !event.isAltDown() && !event.isControlDown()
                    && !event.isMetaDown() && !event.isShortcutDown()) {
                Keypad.key(event.getCode()).ifPresent(keypad);
            }
            event.consume();
        });
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
    static void fatal(KioskModel model, Throwable error, java.time.Duration delay, java.util.function.IntConsumer exit) {
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
