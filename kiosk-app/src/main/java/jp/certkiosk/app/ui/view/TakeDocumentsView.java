package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.TakeDocumentsModel;

final class TakeDocumentsView implements ScreenView {
    private final VBox root;

    TakeDocumentsView(TakeDocumentsModel model) {
        root = column(label(model.title, "title", "documents-title"), Illustrations.takeCardAndDocuments(),
                label(model.body, "body", "documents-body"),
                button(model.done, "documents-taken", model::done, "primary", "wide"));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
