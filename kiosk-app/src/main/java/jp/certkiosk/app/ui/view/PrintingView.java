package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.PrintingModel;

final class PrintingView implements ScreenView {
    private final VBox root;

    PrintingView(PrintingModel model) {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("print-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        root = column(label(model.title, "title", "busy-message"), progress, label(model.wait, "body", "printing-wait"));
        root.getStyleClass().addAll("screen", "centered");
    }

    @Override
    public Parent root() {
        return root;
    }
}
