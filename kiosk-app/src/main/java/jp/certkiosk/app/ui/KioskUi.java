package jp.certkiosk.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
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

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import jp.certkiosk.app.demo.DemoEnvironment;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.ui.model.KeypadKey;
import jp.certkiosk.app.ui.model.KioskModel;
import jp.certkiosk.app.ui.view.KioskView;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.config.Profile;

/**
 * The full-screen kiosk: undecorated, no exit key, every key swallowed, close requests refused,
 * full screen restored if lost, the cursor hidden in production. An uncaught error shows the
 * out-of-service screen, then the process exits with {@link StaffConsole#RESTART_EXIT_CODE} for
 * the supervisor to start it again. The demo wires it to the embedded simulator and virtual cards.
 */
public final class KioskUi extends Application {
    private static final Logger LOG = Logger.getLogger(KioskUi.class.getName());
    /** The staff PIN of the demo only; a real terminal is provisioned with its own hash. */
    public static final String DEMO_STAFF_PIN = "135790";
    /** How long the out-of-service screen shows after a fatal error before the process exits. */
    static final java.time.Duration FATAL_EXIT_DELAY = java.time.Duration.ofSeconds(5);

    private static Path dataDir;
    private static Path outDir;
    private static Profile profile = Profile.DEMO;

    private DemoEnvironment demo;
    private ExecutorService background;

    public static void run(Path data, Path out, Profile kioskProfile) {
        dataDir = data;
        outDir = out;
        profile = kioskProfile;
        Application.launch(KioskUi.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        demo = DemoEnvironment.start(dataDir, outDir, clock);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-flow");
            thread.setDaemon(true);
            return thread;
        });
        KioskModel model = new KioskModel(demoParts(demo, dataDir, () -> exit(StaffConsole.RESTART_EXIT_CODE)),
                new KioskModel.Setup(background, Platform::runLater, clock, java.time.Duration.ofSeconds(60),
                        java.time.Duration.ofSeconds(90), new ToneAudioCues(), new ClipVoice()));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> fatal(model, error, FATAL_EXIT_DELAY, KioskUi::exit));
        // smaller than any kiosk panel: if full screen were ever lost, it would show (and the check under Xvfb would see it)
        Scene scene = new Scene(new KioskView(model).root(), 1280, 720);
        if (profile == Profile.PRODUCTION) {
            scene.setCursor(Cursor.NONE);
        }
        stage.setScene(scene);
        lockDown(stage, model::key);
        stage.show();
        stage.setFullScreen(true);
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** The demo's parts: its virtual reader, simulated acceptor, file printer, and a staff PIN hash under {@code data}. */
    public static Parts demoParts(DemoEnvironment demo, Path data, Runnable restart) throws java.io.IOException {
        Path pinFile = data.resolve("staff-pin");
        if (!Files.exists(pinFile)) {
            char[] pin = DEMO_STAFF_PIN.toCharArray();
            StaffPin.store(pinFile, pin);
            java.util.Arrays.fill(pin, '\0');
        }
        String kioskId = demo.config().kioskId();
        StaffConsole staff = new StaffConsole(demo.journal(), demo.printer(), demo.payment(),
                () -> StaffConsole.Part.working("virtual reader" + demo.slot().insertedProfile().map(p -> ": " + p).orElse("")),
                () -> {
                    EndpointResult<?> probe = demo.endpoint().challenge(kioskId);
                    return probe instanceof EndpointResult.Ok<?>
                            ? StaffConsole.Part.working(demo.config().endpoint().baseUri().toString())
                            : StaffConsole.Part.failing(demo.config().endpoint().baseUri() + ": " + probe);
                },
                demo.clock(), restart);
        return new Parts(demo.engine(), demo.payment(), staff, StaffPin.load(pinFile, demo.clock()),
                Optional.of(demoControls(demo)));
    }

    /** The demo's virtual cards and coins, as a resident would place a card and insert money. */
    static DemoControls demoControls(DemoEnvironment demo) {
        return new DemoControls() {
            @Override
            public List<String> cardProfiles() {
                return demo.slot().profiles();
            }

            @Override
            public void placeCard(String profile) {
                if (demo.slot().insertedProfile().isEmpty()) {
                    demo.slot().insert(profile);
                    demo.engine().dispatch(new FlowEvent.CardInserted("tx-" + UUID.randomUUID()));
                }
            }

            @Override
            public void removeCard() {
                demo.slot().remove();
                demo.engine().dispatch(new FlowEvent.CardRemoved());
            }

            @Override
            public Optional<String> cardOnReader() {
                return demo.slot().insertedProfile();
            }

            @Override
            public void insertMoney(int yen) {
                demo.payment().insert(yen);
            }
        };
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
        if (demo != null) {
            demo.close();
        }
    }
}
