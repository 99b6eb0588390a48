package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.PinModel;

/** The PIN pad: dots for the digits typed, a uniform 3×4 grid of keys; on a landscape panel the pad stands beside the text. */
final class PinView implements ScreenView {
    private final StackPane root = new StackPane();
    private final VBox text;
    private final VBox pad;

    PinView(PinModel model) {
        text = column(label(model.title, "title", "pin-title"), label(model.subtitle, "subtitle", "pin-subtitle"),
                label(model.dots, "pin-dots", "pin-dots"), label(model.problem, "warning", "pin-problem"),
                label(model.triesLeft, "warning", "pin-tries-left"), label(model.lastTry, "alert", "pin-last-try"));
        GridPane keys = keyGrid(d -> fixedButton(String.valueOf(d), "digit-" + d, () -> model.digit(d), "key"),
                button(model.clear, "pin-clear", model::clear, "key", "key-command"),
                button(model.ok, "pin-ok", model::submit, "key", "key-command", "primary"));
        model.okEnabled.bind(enabled -> keys.lookup("#pin-ok").setDisable(!enabled));
        pad = column(keys, button(model.cancel, "cancel", model::cancel, "secondary"));
        root.getStyleClass().add("screen");
        landscape(false);
    }

    interface DigitKey {
        Button make(char digit);
    }

    /** A uniform grid: three equal columns, every key the same size, commands included. */
    static GridPane keyGrid(DigitKey digit, Button left, Button right) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("key-grid");
        grid.setAlignment(Pos.CENTER);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int d = 1; d <= 9; d++) {
            grid.add(digit.make((char) ('0' + d)), (d - 1) % 3, (d - 1) / 3);
        }
        grid.add(left, 0, 3);
        grid.add(digit.make('0'), 1, 3);
        grid.add(right, 2, 3);
        for (var node : grid.getChildren()) {
            ((Button) node).setMaxWidth(Double.MAX_VALUE);
            GridPane.setFillWidth(node, true);
        }
        return grid;
    }

    @Override
    public void landscape(boolean landscape) {
        if (landscape) {
            HBox beside = row(text, pad);
            beside.getStyleClass().add("landscape-pin");
            HBox.setHgrow(text, Priority.ALWAYS);
            root.getChildren().setAll(beside);
        } else {
            root.getChildren().setAll(column(text, pad));
        }
    }

    @Override
    public Parent root() {
        return root;
    }
}
