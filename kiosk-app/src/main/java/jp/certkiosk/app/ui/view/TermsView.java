package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.TermsModel;

final class TermsView implements ScreenView {
    private final VBox root;

    TermsView(TermsModel model) {
        root = column(label(model.title, "title", "terms-title"), label(model.body, "body", "terms-body"),
                row(button(model.back, "terms-back", model::back, "secondary"),
                        button(model.agree, "terms-agree", model::agree, "primary")));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
