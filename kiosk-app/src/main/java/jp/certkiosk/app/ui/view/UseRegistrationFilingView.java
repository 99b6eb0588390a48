package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.UseRegistrationFilingModel;

final class UseRegistrationFilingView implements ScreenView {
    private final VBox root;

    UseRegistrationFilingView(UseRegistrationFilingModel model) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("busy-indicator");
        root = column(label(model.title, "title", "use-registration-filing"), progress,
                label(model.free, "notice", "use-registration-filing-free"));
        root.getStyleClass().addAll("screen", "centered");
    }

    @Override
    public Parent root() {
        return root;
    }
}
