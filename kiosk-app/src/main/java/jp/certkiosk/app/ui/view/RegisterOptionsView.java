package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.api.IssuanceOptions.RegisterExtent;
import jp.certkiosk.app.ui.model.RegisterOptionsModel;

final class RegisterOptionsView implements ScreenView {
    private final VBox root;

    RegisterOptionsView(RegisterOptionsModel model) {
        Button all = option("", "register-all", () -> model.chooseExtent(RegisterExtent.ALL));
        Button one = option("", "register-individual", () -> model.chooseExtent(RegisterExtent.INDIVIDUAL));
        model.all.bind(all::setText);
        model.individual.bind(one::setText);
        model.allChosen.bind(chosenAll -> {
            chosen(all, chosenAll);
            chosen(one, !chosenAll);
        });
        all.setMaxWidth(Double.MAX_VALUE);
        one.setMaxWidth(Double.MAX_VALUE);
        FlowPane persons = flow("persons");
        each(model.persons, persons, person -> {
            Button b = option(person.label(), person.id(), person.toggle());
            b.setStyle("-fx-font-family: \"Noto Sans CJK JP\";");
            chosen(b, person.chosen());
            return b;
        });
        Button next = button(model.next, "register-next", model::next, "primary");
        model.nextEnabled.bind(enabled -> next.setDisable(!enabled));
        root = column(label(model.title, "title", "register-title"),
                label(model.document, "subtitle", "register-document"), all, one,
                label(model.personsLabel, "body", "register-persons-label"), persons,
                row(button(model.cancel, "cancel", model::cancel, "secondary"),
                        button(model.back, "register-back", model::back, "secondary"), next));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
