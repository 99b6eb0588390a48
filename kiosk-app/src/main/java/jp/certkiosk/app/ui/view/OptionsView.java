package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.OptionsModel;

final class OptionsView implements ScreenView {
    private final VBox root;
    private final VBox members;
    private final VBox items;
    private final javafx.scene.layout.StackPane choices = new javafx.scene.layout.StackPane();

    OptionsView(OptionsModel model) {
        Button whole = option("", "options-whole", () -> model.chooseWholeHousehold(true));
        Button some = option("", "options-selected", () -> model.chooseWholeHousehold(false));
        model.whole.bind(whole::setText);
        model.selected.bind(some::setText);
        model.wholeChosen.bind(chosenWhole -> {
            chosen(whole, chosenWhole);
            chosen(some, !chosenWhole);
        });
        FlowPane people = flow("members");
        each(model.members, people, member -> {
            Button b = option(member.label(), member.id(), member.toggle());
            b.setStyle("-fx-font-family: \"Noto Sans CJK JP\";");
            chosen(b, member.chosen());
            return b;
        });
        FlowPane itemButtons = flow("items");
        each(model.items, itemButtons, item -> {
            Button b = option(item.label(), item.id(), item.toggle());
            chosen(b, item.chosen());
            return b;
        });
        var membersLabel = label(model.membersLabel, "body", "options-members-label");
        model.members.bind(list -> showIf(membersLabel, !list.isEmpty()));
        var itemsLabel = label(model.itemsLabel, "body", "options-items-label");
        model.items.bind(list -> showIf(itemsLabel, !list.isEmpty()));
        members = column(membersLabel, people);
        items = column(itemsLabel, itemButtons);
        landscape(false);
        Button next = button(model.next, "options-next", model::next, "primary");
        model.nextEnabled.bind(enabled -> next.setDisable(!enabled));
        root = column(label(model.title, "title", "options-title"), label(model.document, "subtitle", "options-document"),
                row(whole, some), choices,
                row(button(model.cancel, "cancel", model::cancel, "secondary"),
                        button(model.back, "options-back", model::back, "secondary"), next));
        root.getStyleClass().add("screen");
    }

    /** On a landscape panel the members and the items stand side by side. */
    @Override
    public void landscape(boolean landscape) {
        choices.getChildren().setAll(landscape ? row(members, items) : column(members, items));
    }

    @Override
    public Parent root() {
        return root;
    }
}
