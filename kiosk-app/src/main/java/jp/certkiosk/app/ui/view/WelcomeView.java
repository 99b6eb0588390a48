package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.Language;
import jp.certkiosk.app.ui.model.WelcomeModel;

final class WelcomeView implements ScreenView {
    private final VBox root;

    WelcomeView(WelcomeModel model) {
        FlowPane languages = flow("languages");
        Map<Language, Button> buttons = new EnumMap<>(Language.class);
        for (Language language : model.languages()) {
            Button button = option(language.nativeName(), language.buttonId(), () -> model.choose(language));
            button.setStyle("-fx-font-family: \"" + language.fontFamily() + "\";");
            button.getStyleClass().add("lang");
            buttons.put(language, button);
            languages.getChildren().add(button);
        }
        model.chosen.bind(chosen -> buttons.forEach((language, button) -> chosen(button, language == chosen)));
        root = column(label(model.title, "title", "welcome-title"),
                label(model.chooseLanguage, "subtitle", "welcome-choose-language"), languages,
                button(model.start, "start", model::start, "primary", "wide"));
        root.getStyleClass().add("screen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
