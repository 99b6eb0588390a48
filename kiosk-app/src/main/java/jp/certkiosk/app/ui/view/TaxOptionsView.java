package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.TaxOptionsModel;

final class TaxOptionsView implements ScreenView {
    private final VBox root;
    private final VBox kinds;
    private final VBox years;
    private final StackPane choices = new StackPane();

    TaxOptionsView(TaxOptionsModel model) {
        VBox kindButtons = column();
        kindButtons.getStyleClass().add("tax-kinds");
        each(model.kinds, kindButtons, kind -> {
            Button b = option(kind.label(), kind.id(), kind.toggle());
            b.setMaxWidth(Double.MAX_VALUE);
            chosen(b, kind.chosen());
            return b;
        });
        FlowPane yearButtons = flow("years");
        each(model.years, yearButtons, year -> {
            Button b = option(year.label(), year.id(), year.toggle());
            chosen(b, year.chosen());
            return b;
        });
        kinds = column(label(model.kindsLabel, "body", "tax-kinds-label"), kindButtons);
        years = column(label(model.yearsLabel, "body", "tax-years-label"), yearButtons,
                label(model.yearNote, "body", "tax-year-note"));
        landscape(false);
        Button next = button(model.next, "tax-next", model::next, "primary");
        model.nextEnabled.bind(enabled -> next.setDisable(!enabled));
        root = column(label(model.title, "title", "tax-title"), label(model.document, "subtitle", "tax-document"),
                choices,
                row(button(model.cancel, "cancel", model::cancel, "secondary"),
                        button(model.back, "tax-back", model::back, "secondary"), next));
        root.getStyleClass().add("screen");
    }

    /** On a landscape panel the certificates and the years stand side by side. */
    @Override
    public void landscape(boolean landscape) {
        choices.getChildren().setAll(landscape ? row(kinds, years) : column(kinds, years));
    }

    @Override
    public Parent root() {
        return root;
    }
}
