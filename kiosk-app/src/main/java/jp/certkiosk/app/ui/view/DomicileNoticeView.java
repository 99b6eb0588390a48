package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.DomicileNoticeModel;

/** The view of a notice about the domicile's family register; ids start with the screen's name. */
final class DomicileNoticeView implements ScreenView {
    private final VBox root;

    DomicileNoticeView(DomicileNoticeModel model) {
        String id = model.name;
        root = column(label(model.title, "error-title", id + "-title"), label(model.message, "body", id + "-message"),
                row(button(model.cancel, id + "-finish", model::cancel, "secondary"),
                        button(model.back, id + "-back", model::back, "primary")));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
