package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.TaxOptionsModel;

/**
 * The certificates in one row of short names, the years in another, and what the chosen year means: the
 * title names both, so the rows need no captions (a 720-pixel panel in large text has no room for them).
 */
final class TaxOptionsView implements ScreenView {
    private final VBox root;

    TaxOptionsView(TaxOptionsModel model) {
        FlowPane kinds = flow("tax-kinds");
        each(model.kinds, kinds, kind -> {
            Button b = option(kind.label(), kind.id(), kind.toggle());
            chosen(b, kind.chosen());
            return b;
        });
        FlowPane years = flow("years");
        each(model.years, years, year -> {
            Button b = option(year.label(), year.id(), year.toggle());
            chosen(b, year.chosen());
            return b;
        });
        Button next = button(model.next, "tax-next", model::next, "primary");
        model.nextEnabled.bind(enabled -> next.setDisable(!enabled));
        root = column(label(model.title, "title", "tax-title"), kinds, years,
                label(model.yearNote, "body", "tax-year-note"),
                row(button(model.cancel, "cancel", model::cancel, "secondary"),
                        button(model.back, "tax-back", model::back, "secondary"), next));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
