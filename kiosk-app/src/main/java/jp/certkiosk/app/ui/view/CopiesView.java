package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.CopiesModel;

final class CopiesView implements ScreenView {
    private final VBox root;

    CopiesView(CopiesModel model) {
        Button minus = button(model.fewer, "copies-minus", model::fewer, "key", "stepper");
        Button plus = button(model.more, "copies-plus", model::more, "key", "stepper");
        model.fewerEnabled.bind(enabled -> minus.setDisable(!enabled));
        model.moreEnabled.bind(enabled -> plus.setDisable(!enabled));
        root = column(label(model.title, "title", "copies-title"), label(model.document, "subtitle", "copies-document"),
                label(model.detail, "subtitle", "copies-detail"),
                label(model.perCopy, "body", "copies-per-copy"),
                row(minus, label(model.count, "count", "copies-count"), plus),
                label(model.total, "amount", "copies-total"), label(model.japaneseOnly, "body", "copies-japanese-only"),
                row(button(model.cancel, "cancel", model::cancel, "secondary"),
                        button(model.back, "copies-back", model::back, "secondary"),
                        button(model.pay, "copies-pay", model::pay, "primary")));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
