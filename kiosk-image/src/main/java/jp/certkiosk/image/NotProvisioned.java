package jp.certkiosk.image;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * What a kiosk shows before it has been provisioned: no kiosk, no demo, one full screen that tells
 * the staff what is missing and where it belongs. It beats the heartbeat like the kiosk's screen
 * (the supervisor sees a live screen, not a crash loop) and never offers a transaction.
 */
public final class NotProvisioned extends Application {
    /** The lines of the screen, for the configuration file the kiosk looked for. */
    public static String[] lines(Path expected) {
        return new String[] {
            "このキオスクは設定されていません",
            "This kiosk is not provisioned",
            "Staff: write the kiosk's configuration to its data partition (./kiosk image --provision DIR),",
            "then start the kiosk again. Expected: " + expected,
        };
    }

    public static void main(String[] args) {
        Heartbeat.fromEnvironment().ifPresent(h -> SupervisedKiosk.beatOnUiThread(h, SupervisedKiosk.BEAT_PERIOD));
        System.out.println("kiosk not provisioned: no " + expected(args) + "; showing the not-provisioned screen");
        launch(NotProvisioned.class, args);
    }

    static Path expected(String[] args) {
        return args.length > 0 ? Path.of(args[0])
                : Provisioning.DATA.resolve(Provisioning.CONFIG_DIR).resolve(Provisioning.CONFIG_FILE);
    }

    @Override
    public void start(Stage stage) {
        String[] text = lines(expected(getParameters().getRaw().toArray(String[]::new)));
        VBox box = new VBox(24);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(48));
        box.setStyle("-fx-background-color: #202020;");
        for (int i = 0; i < text.length; i++) {
            Label label = new Label(text[i]);
            label.setWrapText(true);
            label.setStyle("-fx-text-fill: white; -fx-font-size: " + (i < 2 ? 40 : 22) + "px;");
            box.getChildren().add(label);
        }
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setScene(new Scene(box, 1280, 720));
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnCloseRequest(e -> e.consume());
        stage.show();
    }
}
