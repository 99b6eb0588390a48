package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.MenuModel;

final class MenuView implements ScreenView {
    private final VBox root;

    MenuView(MenuModel model) {
        VBox documents = column();
        documents.getStyleClass().add("documents");
        each(model.documents, documents, choice -> {
            Button button = fixedButton(choice.name() + "\n" + choice.fee(), choice.id(), () -> model.choose(choice),
                    "document");
            button.setMaxWidth(Double.MAX_VALUE);
            return button;
        });
        root = column(label(model.title, "title", "menu-title"), label(model.municipality, "subtitle", "menu-municipality"),
                documents, button(model.cancel, "cancel", model::cancel, "secondary"));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
