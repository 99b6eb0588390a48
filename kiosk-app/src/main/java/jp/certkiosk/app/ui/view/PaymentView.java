package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.PaymentModel;

final class PaymentView implements ScreenView {
    private final VBox root;

    PaymentView(PaymentModel model) {
        FlowPane cash = flow("demo-cash");
        each(model.demoCash, cash, c -> fixedButton(c.caption(), "cash-" + c.yen(), () -> model.insert(c.yen()), "demo"));
        Label demo = label(model.demoLabel, "demo-label", "demo-cash-label");
        model.demoCash.bind(list -> showIf(demo, !list.isEmpty()));
        root = column(label(model.title, "title", "pay-title"), label(model.fee, "subtitle", "pay-fee"),
                label(model.inserted, "body", "pay-inserted"), label(model.due, "amount", "pay-due"),
                label(model.hint, "body", "pay-hint"), demo, cash,
                button(model.cancel, "cancel", model::cancel, "secondary"));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
