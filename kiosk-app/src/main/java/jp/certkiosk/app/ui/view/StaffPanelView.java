package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.StaffPanelModel;

final class StaffPanelView implements ScreenView {
    private final VBox root;
    private final VBox facts;
    private final FlowPane actions;
    private final java.util.List<javafx.scene.Node> buttons;
    private final javafx.scene.layout.StackPane body = new javafx.scene.layout.StackPane();

    StaffPanelView(StaffPanelModel model) {
        actions = flow("staff-actions");
        actions.getChildren().addAll(
                button(model.testPrint, "staff-test-print", model::testPrint, "secondary"),
                button(model.outOfService, "staff-out-of-service", model::toggleOutOfService, "secondary"),
                button(model.restart, "staff-restart", model::restart, "secondary"),
                button(model.refreshLabel, "staff-refresh", model::refreshStatus, "secondary"),
                button(model.leave, "staff-leave", model::leave, "primary"));
        VBox status = column(label(model.reader, "status-line", "staff-reader"),
                label(model.printer, "status-line", "staff-printer"), label(model.payment, "status-line", "staff-payment"),
                label(model.endpoint, "status-line", "staff-endpoint"), label(model.clock, "status-line", "staff-clock"));
        status.getStyleClass().add("status-lines");
        buttons = java.util.List.copyOf(actions.getChildren());
        VBox doubts = column();
        doubts.getStyleClass().add("staff-doubts");
        each(model.doubts, doubts, doubt -> row(new javafx.scene.control.Label(doubt.text()),
                fixedButton(doubt.printedLabel(), "staff-doubt-printed-" + doubt.issuanceId(),
                        () -> model.settleDoubt(doubt.issuanceId(), true), "secondary"),
                fixedButton(doubt.notPrintedLabel(), "staff-doubt-not-printed-" + doubt.issuanceId(),
                        () -> model.settleDoubt(doubt.issuanceId(), false), "secondary")));
        javafx.scene.control.Button retry = button(model.retryDoubtsLabel, "staff-retry-doubts", model::retryDoubts, "secondary");
        model.doubts.bind(open -> showIf(retry, !open.isEmpty()));
        facts = column(status, label(model.summary, "subtitle", "staff-summary"), label(model.stopped, "warning", "staff-stopped"),
                doubts, retry, label(model.notice, "warning", "staff-notice"));
        root = column(label(model.title, "title", "staff-panel-title"), body);
        landscape(false);
        root.getStyleClass().add("screen");
    }

    /** On a landscape panel the actions stand in a column beside the facts. */
    @Override
    public void landscape(boolean landscape) {
        if (landscape) {
            VBox stacked = column();
            stacked.getStyleClass().add("staff-actions");
            stacked.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.HBox.setHgrow(facts, javafx.scene.layout.Priority.ALWAYS);
            stacked.getChildren().setAll(java.util.List.copyOf(buttons));
            body.getChildren().setAll(row(facts, stacked));
        } else {
            actions.getChildren().setAll(java.util.List.copyOf(buttons));
            body.getChildren().setAll(column(facts, actions));
        }
    }

    @Override
    public Parent root() {
        return root;
    }
}
