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
 * The main class is not the {@link Application}, as the kiosk's is not: JavaFX on the class path
 * refuses to start an Application subclass named as the main class.
 *
 * <pre>java -cp bench/target/bench.jar jp.certkiosk.bench.start.HelloWorld CONTROLS</pre>
 */
public final class HelloWorld {
    private HelloWorld() {}

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
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
    }
}
