package jp.certkiosk.app.ui.view;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import jp.certkiosk.app.ui.model.Cell;

/** The building blocks of every view: labels and buttons bound to view-model cells. */
final class Widgets {
    private Widgets() {}

    static Label label(Cell<String> text, String style, String id) {
        Label label = new Label();
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (id != null) {
            label.setId(id);
        }
        text.bind(value -> {
            label.setText(value);
            boolean shown = value != null && !value.isEmpty();
            label.setVisible(shown);
            label.setManaged(shown);
        });
        return label;
    }

    static Button button(Cell<String> text, String id, Runnable action, String... styles) {
        Button button = new Button();
        button.setId(id);
        button.setWrapText(true);
        button.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.getStyleClass().addAll(styles);
        button.setOnAction(e -> action.run());
        text.bind(button::setText);
        return button;
    }

    static Button fixedButton(String text, String id, Runnable action, String... styles) {
        return button(new Cell<>(text), id, action, styles);
    }

    /** An option the resident can choose: when chosen it is filled and carries a check mark. */
    static Button option(String text, String id, Runnable action) {
        Button button = fixedButton(text, id, action, "option");
        SVGPath check = new SVGPath();
        check.setContent("M2 12 L9 19 L22 5 L19 2 L9 13 L5 9 Z");
        check.getStyleClass().add("check");
        button.setGraphic(check);
        return button;
    }

    static void chosen(Button option, boolean chosen) {
        option.getStyleClass().remove("chosen");
        if (chosen) {
            option.getStyleClass().add("chosen");
        }
        option.getGraphic().setVisible(chosen);
    }

    static VBox column(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add("column");
        box.setAlignment(Pos.TOP_CENTER);
        box.setFillWidth(true);
        return box;
    }

    static HBox row(Node... children) {
        HBox box = new HBox(children);
        box.getStyleClass().add("row");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    static FlowPane flow(String style) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().addAll("choices", style);
        pane.setAlignment(Pos.CENTER);
        return pane;
    }

    /** Fills a pane with one node per item whenever the list of items changes (and only then). */
    static <T> void each(Cell<List<T>> items, javafx.scene.layout.Pane pane, Function<T, Node> node) {
        items.bind(list -> {
            pane.getChildren().clear();
            for (T item : list) {
                pane.getChildren().add(node.apply(item));
            }
            boolean shown = !list.isEmpty();
            pane.setVisible(shown);
            pane.setManaged(shown);
        });
    }

    static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
