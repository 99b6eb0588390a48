package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.model.Cell;
import jp.certkiosk.app.ui.model.PlaceCardModel;

final class PlaceCardView implements ScreenView {
    private final VBox root;

    PlaceCardView(PlaceCardModel model) {
        root = column(label(model.title, "title", "welcome-prompt"), Illustrations.placeCard(),
                label(model.hint, "body", "place-card-hint"));
        List<String> profiles = model.cardProfiles();
        if (!profiles.isEmpty()) {
            Label demo = label(model.demoCards, "demo-label", "demo-cards");
            FlowPane cards = flow("demo-cards");
            each(new Cell<>(profiles), cards, profile -> fixedButton(profile, "card-" + profile, () -> model.place(profile), "demo"));
            root.getChildren().addAll(demo, cards);
        }
        root.getChildren().add(button(model.back, "place-back", model::back, "secondary"));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
