package jp.certkiosk.bench.start;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The yardstick of the start figure: a JavaFX window with nothing behind it, full screen and
 * undecorated like the kiosk, holding a given number of controls (buttons, each one control).
 *
 * <pre>java -cp bench/target/bench.jar jp.certkiosk.bench.start.HelloWorld CONTROLS</pre>
 */
public final class HelloWorld extends Application {
    @Override
    public void start(Stage stage) {
        int controls = Integer.parseInt(getParameters().getRaw().get(0));
        FlowPane pane = new FlowPane();
        for (int i = 0; i < controls; i++) {
            pane.getChildren().add(new Button("ボタン " + (i + 1)));
        }
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setScene(new Scene(pane, screen.getWidth(), screen.getHeight()));
        stage.setFullScreen(true);
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
