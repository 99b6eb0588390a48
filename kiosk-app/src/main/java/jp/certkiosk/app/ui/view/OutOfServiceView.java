package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.OutOfServiceModel;

final class OutOfServiceView implements ScreenView {
    private final VBox root;

    OutOfServiceView(OutOfServiceModel model) {
        root = column(label(model.title, "error-title", "out-of-service"),
                label(model.reason, "body", "out-of-service-reason"));
        root.getStyleClass().addAll("screen", "centered");
    }

    @Override
    public Parent root() {
        return root;
    }
}
