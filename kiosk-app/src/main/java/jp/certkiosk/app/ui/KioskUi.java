package jp.certkiosk.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import jp.certkiosk.app.demo.DemoEnvironment;

/**
 * The full-screen kiosk: undecorated, no exit key, close requests refused. The demo wires it to
 * the embedded simulator and virtual cards.
 */
public final class KioskUi extends Application {
    private static Path dataDir;
    private static Path outDir;

    private DemoEnvironment demo;
    private ExecutorService background;

    public static void run(Path data, Path out) {
        dataDir = data;
        outDir = out;
        Application.launch(KioskUi.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        demo = DemoEnvironment.start(dataDir, outDir, Clock.systemDefaultZone());
        background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-flow");
            thread.setDaemon(true);
            return thread;
        });
        KioskViewModel model = new KioskViewModel(demo.engine(), demo.slot(), background, Platform::runLater);
        stage.setScene(new Scene(new KioskView(model).root(), 1920, 1080));
        lockDown(stage);
        stage.show();
        stage.setFullScreen(true);
    }

    /** No way out for a resident: no exit key, no close, full screen restored if lost. */
    static void lockDown(Stage stage) {
        stage.setTitle("Kiosk");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(event -> event.consume());
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
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
