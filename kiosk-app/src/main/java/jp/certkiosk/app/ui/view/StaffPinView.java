package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.StaffPinModel;

final class StaffPinView implements ScreenView {
    private final VBox root;

    StaffPinView(StaffPinModel model) {
        Button ok = button(model.ok, "staff-pin-ok", model::submit, "key", "key-command", "primary");
        model.okEnabled.bind(enabled -> ok.setDisable(!enabled));
        GridPane keys = PinView.keyGrid(d -> fixedButton(String.valueOf(d), "staff-digit-" + d, () -> model.digit(d), "key"),
                button(model.leave, "staff-leave", model::leave, "key", "key-command"), ok);
        root = column(label(model.title, "title", "staff-title"), label(model.prompt, "subtitle", "staff-prompt"),
                label(model.dots, "pin-dots", "staff-pin-dots"), label(model.notice, "warning", "staff-notice"), keys);
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
