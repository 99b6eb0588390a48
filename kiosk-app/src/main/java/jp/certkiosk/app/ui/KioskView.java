package jp.certkiosk.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;

/**
 * The kiosk's screens, one per state of the flow. The view only binds and forwards touches; what
 * to show is decided by the state, what a touch means by {@link KioskViewModel}.
 */
public final class KioskView {
    private final KioskViewModel model;
    private final BorderPane root = new BorderPane();

    public KioskView(KioskViewModel model) {
        this.model = model;
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        root.setPadding(new Insets(40));
        model.state().addListener((obs, old, now) -> render());
        model.language().addListener((obs, old, now) -> render());
        model.digitsTyped().addListener((obs, old, now) -> render());
        render();
    }

    public Parent root() {
        return root;
    }

    private void render() {
        ResourceBundle text = ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", model.language().get());
        FlowState state = model.state().get();
        root.setTop(languageBar());
        root.setCenter(screen(state, text));
    }

    private Node screen(FlowState state, ResourceBundle text) {
        if (state instanceof FlowState.Welcome) {
            return welcome(text);
        }
        if (state instanceof FlowState.EnteringPin entering) {
            return pinPad(entering, text);
        }
        if (state instanceof FlowState.ChoosingDocument choosing) {
            return menu(choosing, text);
        }
        if (state instanceof FlowState.TakeCard take) {
            return result(take.outcome(), text);
        }
        return busy(state, text);
    }

    private Node languageBar() {
        HBox bar = new HBox(12);
        bar.setAlignment(Pos.TOP_RIGHT);
        bar.getChildren().addAll(languageButton("日本語", Locale.JAPANESE, "lang-ja"),
                languageButton("English", Locale.ENGLISH, "lang-en"));
        return bar;
    }

    private Button languageButton(String name, Locale locale, String id) {
        Button button = button(name, id, () -> model.language().set(locale));
        button.getStyleClass().add("lang");
        return button;
    }

    private Node welcome(ResourceBundle text) {
        VBox box = column(label(text.getString("welcome.title"), "title", "welcome-title"),
                label(text.getString("welcome.prompt"), "subtitle", "welcome-prompt"),
                label(text.getString("welcome.demoCards"), "message", null));
        FlowPane cards = new FlowPane(16, 16);
        cards.setAlignment(Pos.CENTER);
        for (String profile : model.demoCards()) {
            cards.getChildren().add(button(profile, "card-" + profile, () -> model.placeCard(profile)));
        }
        box.getChildren().add(cards);
        return box;
    }

    private Node pinPad(FlowState.EnteringPin entering, ResourceBundle text) {
        int typed = model.digitsTyped().get();
        String dots = "●".repeat(typed) + "○".repeat(4 - typed);
        VBox box = column(label(text.getString("pin.title"), "title", "pin-title"),
                label(text.getString("pin.subtitle"), "subtitle", null),
                label(dots, "pin-dots", "pin-dots"));
        if (entering.malformed()) {
            box.getChildren().add(label(text.getString("pin.malformed"), "warning", "pin-malformed"));
        }
        if (entering.lastAttemptWrong()) {
            box.getChildren().add(label(text.getString("pin.wrong"), "warning", "pin-wrong"));
        }
        if (entering.triesLeft() < 3) {
            box.getChildren().add(label(MessageFormat.format(text.getString("pin.triesLeft"), entering.triesLeft()),
                    "warning", "pin-tries-left"));
        }
        if (entering.triesLeft() == 1) {
            box.getChildren().add(label(text.getString("pin.lastTry"), "warning", "pin-last-try"));
        }
        GridPane pad = new GridPane();
        pad.setHgap(12);
        pad.setVgap(12);
        pad.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            pad.add(digit((char) ('0' + d)), (d - 1) % 3, (d - 1) / 3);
        }
        pad.add(button(text.getString("pin.clear"), "pin-clear", model::clearPin), 0, 3);
        pad.add(digit('0'), 1, 3);
        Button ok = button(text.getString("pin.ok"), "pin-ok", model::submitPin);
        ok.getStyleClass().add("primary");
        ok.setDisable(typed != 4);
        pad.add(ok, 2, 3);
        box.getChildren().addAll(pad, button(text.getString("cancel"), "cancel", model::cancel));
        return box;
    }

    private Button digit(char d) {
        Button button = button(String.valueOf(d), "digit-" + d, () -> model.typeDigit(d));
        button.getStyleClass().add("digit");
        return button;
    }

    private Node menu(FlowState.ChoosingDocument choosing, ResourceBundle text) {
        VBox box = column(label(text.getString("menu.title"), "title", "menu-title"),
                label(choosing.session().menu().municipalityName(), "subtitle", "menu-municipality"));
        for (DocumentOffer offer : choosing.session().menu().documents()) {
            String caption = offer.title() + "   " + MessageFormat.format(text.getString("menu.fee"), offer.feeYen());
            Button button = button(caption, "doc-" + offer.type().name(), () -> model.choose(offer.type()));
            button.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(button);
        }
        box.getChildren().add(button(text.getString("cancel"), "cancel", model::cancel));
        return box;
    }

    private Node result(Outcome outcome, ResourceBundle text) {
        return column(label(outcomeMessage(outcome, text), "message", "result-message"),
                label(text.getString("result.takeCard"), "title", "result-take-card"),
                button(text.getString("result.removeCard"), "remove-card", model::removeCard));
    }

    static String outcomeMessage(Outcome outcome, ResourceBundle text) {
        String key = "outcome." + outcome.code();
        if (text.containsKey(key)) {
            return text.getString(key);
        }
        return outcome instanceof Outcome.Refused ? text.getString("outcome.REFUSED") : outcome.code();
    }

    private Node busy(FlowState state, ResourceBundle text) {
        String key = "busy." + switch (state.getClass().getSimpleName()) {
            case "ReadingCard" -> "reading";
            case "VerifyingPin" -> "verifying";
            case "Authenticating" -> "authenticating";
            case "Reserving" -> "reserving";
            case "Printing" -> "printing";
            default -> "confirming";
        };
        return column(label(text.getString(key), "title", "busy-message"));
    }

    private static VBox column(Node... children) {
        VBox box = new VBox(24, children);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Label label(String text, String style, String id) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
