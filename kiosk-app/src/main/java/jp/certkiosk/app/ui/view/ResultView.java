package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.ResultModel;

final class ResultView implements ScreenView {
    private final VBox root;

    ResultView(ResultModel model) {
        Label heading = label(model.title, "title", "result-heading");
        model.succeeded.bind(issued -> {
            heading.getStyleClass().remove("error-title");
            if (!issued) {
                heading.getStyleClass().add("error-title");
            }
        });
        root = column(heading, label(model.message, "body", "result-message"), Illustrations.takeCardAndDocuments(),
                label(model.takeCard, "subtitle", "result-take-card"), label(model.cardLeft, "alert", "card-left"));
        if (model.demo()) {
            root.getChildren().add(button(model.removeCard, "remove-card", model::removeCard, "demo"));
        }
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
