package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.BusyModel;

final class BusyView implements ScreenView {
    private final VBox root;

    BusyView(BusyModel model) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("busy-indicator");
        root = column(label(model.title, "title", "busy-message"), progress);
        root.getStyleClass().addAll("screen", "centered");
    }

    @Override
    public Parent root() {
        return root;
    }
}
