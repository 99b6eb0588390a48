package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.UseRegistrationModel;

final class UseRegistrationView implements ScreenView {
    private final VBox root;

    UseRegistrationView(UseRegistrationModel model) {
        root = column(label(model.title, "title", "use-registration-title"),
                label(model.message, "body", "use-registration-message"),
                label(model.free, "notice", "use-registration-free"),
                button(model.apply, "use-registration-apply", model::apply, "primary", "wide"),
                row(button(model.cancel, "cancel", model::cancel, "secondary"),
                        button(model.back, "use-registration-back", model::back, "secondary")));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
