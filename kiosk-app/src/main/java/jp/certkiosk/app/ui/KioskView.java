package jp.certkiosk.app.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;

/**
 * The kiosk's screens, one per state of the flow (and per step of the welcome, the menu and
 * staff mode). The view only shows and forwards touches; what to show is decided by the state,
 * what a touch means by {@link KioskViewModel}. No text field anywhere: the PIN pads are buttons.
 */
public final class KioskView {
    private final KioskViewModel model;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();

    public KioskView(KioskViewModel model) {
        this.model = model;
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        frame.setPadding(new Insets(32));
        root.getChildren().add(frame);
        model.revision().addListener((obs, old, now) -> render());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.widthProperty().addListener((o, was, now) -> render());
                scene.heightProperty().addListener((o, was, now) -> render());
                render();
            }
        });
        render();
    }

    public Parent root() {
        return root;
    }

    public static ResourceBundle messages(Language language) {
        return ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", language.locale());
    }

    private void render() {
        Language language = model.language();
        ResourceBundle text = messages(language);
        root.setStyle("-fx-font-family: \"" + language.fontFamily() + "\"; -fx-font-size: "
                + (model.largeText() ? 30 : 22) + "px;");
        // the scene gives its root the "root" class (modena's colours hang on it): keep it
        root.getStyleClass().removeAll("high-contrast", "flash");
        if (model.highContrast()) {
            root.getStyleClass().add("high-contrast");
        }
        if (model.cardLeftAlarm() && model.flashOn()) {
            root.getStyleClass().add("flash");
        }
        frame.setTop(topBar(text));
        frame.setCenter(screen(text));
        if (model.idleWarning()) {
            root.getChildren().setAll(frame, idleOverlay(text));
        } else {
            root.getChildren().setAll(frame);
        }
    }

    private Node screen(ResourceBundle text) {
        if (model.staffStep() == KioskViewModel.StaffStep.PIN) {
            return staffPinPad(text);
        }
        if (model.staffStep() == KioskViewModel.StaffStep.PANEL) {
            return staffPanel(text);
        }
        FlowState state = model.state();
        if (state instanceof FlowState.Welcome) {
            if (model.outOfService() != null) {
                return outOfService(text);
            }
            if (model.takeDocuments()) {
                return takeDocuments(text);
            }
            switch (model.welcomeStep()) {
                case TERMS:
                    return terms(text);
                case PLACE_CARD:
                    return placeCard(text);
                default:
                    return welcome(text);
            }
        }
        if (state instanceof FlowState.EnteringPin entering) {
            return pinPad(entering, text);
        }
        if (state instanceof FlowState.ChoosingDocument choosing) {
            if (model.chosen() == null) {
                return menu(choosing, text);
            }
            return model.choosingOptions() ? options(choosing, text) : copiesAndFee(text);
        }
        if (state instanceof FlowState.Paying paying) {
            return payment(paying, text);
        }
        if (state instanceof FlowState.Printing) {
            return printing(text);
        }
        if (state instanceof FlowState.TakeCard take) {
            return result(take.outcome(), text);
        }
        return busy(state, text);
    }

    /** On every screen: the hidden staff corner, and the text-size and contrast toggles. */
    private Node topBar(ResourceBundle text) {
        Region corner = new Region();
        corner.setId("staff-corner");
        corner.setMinSize(120, 80);
        corner.setOnMouseClicked(e -> model.cornerTapped());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button size = button(text.getString("a11y.textSize"), "text-size", model::toggleLargeText);
        Button contrast = button(text.getString("a11y.contrast"), "contrast", model::toggleHighContrast);
        size.getStyleClass().add("toggle");
        contrast.getStyleClass().add("toggle");
        HBox bar = new HBox(12, corner, spacer, size, contrast);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private Node welcome(ResourceBundle text) {
        VBox box = column(label(text.getString("welcome.title"), "title", "welcome-title"),
                label(text.getString("welcome.chooseLanguage"), "subtitle", "welcome-choose-language"));
        FlowPane languages = new FlowPane(16, 16);
        languages.setAlignment(Pos.CENTER);
        languages.setPrefWrapLength(900);
        for (Language language : Language.values()) {
            Button button = button(language.nativeName(), language.buttonId(), () -> model.chooseLanguage(language));
            button.setStyle("-fx-font-family: \"" + language.fontFamily() + "\";");
            button.getStyleClass().add("lang");
            if (language == model.language()) {
                button.getStyleClass().add("selected");
            }
            languages.getChildren().add(button);
        }
        Button start = button(text.getString("welcome.start"), "start", model::start);
        start.getStyleClass().add("primary");
        box.getChildren().addAll(languages, start);
        return box;
    }

    private Node terms(ResourceBundle text) {
        Button agree = button(text.getString("terms.agree"), "terms-agree", model::acceptTerms);
        agree.getStyleClass().add("primary");
        return column(label(text.getString("terms.title"), "title", "terms-title"),
                label(text.getString("terms.body"), "message", "terms-body"),
                row(button(text.getString("back"), "terms-back", model::backToLanguage), agree));
    }

    private Node placeCard(ResourceBundle text) {
        VBox box = column(label(text.getString("welcome.prompt"), "title", "welcome-prompt"),
                label(text.getString("welcome.cardHint"), "message", null));
        if (model.demo()) {
            box.getChildren().add(label(text.getString("welcome.demoCards"), "subtitle", null));
            FlowPane cards = new FlowPane(16, 16);
            cards.setAlignment(Pos.CENTER);
            cards.setPrefWrapLength(900);
            for (String profile : model.demoCards()) {
                cards.getChildren().add(button(profile, "card-" + profile, () -> model.placeCard(profile)));
            }
            box.getChildren().add(cards);
        }
        box.getChildren().add(button(text.getString("back"), "place-back", model::backToLanguage));
        return box;
    }

    private Node pinPad(FlowState.EnteringPin entering, ResourceBundle text) {
        int typed = model.digitsTyped();
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
            Label last = label(text.getString("pin.lastTry"), "alert", "pin-last-try");
            box.getChildren().add(last);
        }
        GridPane pad = digitPad(this::digit, text.getString("pin.clear"), "pin-clear", model::clearPin,
                text.getString("pin.ok"), "pin-ok", model::submitPin, typed != 4);
        Button cancel = button(text.getString("cancel"), "cancel", model::cancel);
        if (landscape()) {
            box.getChildren().add(cancel);
            box.setMaxWidth(800);
            return row(box, pad);
        }
        box.getChildren().addAll(pad, cancel);
        return box;
    }

    /** A landscape panel puts the PIN pad beside the text: stacked it would not fit 1080 pixels. */
    private boolean landscape() {
        return root.getScene() != null && root.getScene().getWidth() > root.getScene().getHeight();
    }

    private interface DigitButton {
        Button make(char digit);
    }

    private static GridPane digitPad(DigitButton digit, String clear, String clearId, Runnable onClear, String ok,
                                     String okId, Runnable onOk, boolean okDisabled) {
        GridPane pad = new GridPane();
        pad.setHgap(16);
        pad.setVgap(16);
        pad.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            pad.add(digit.make((char) ('0' + d)), (d - 1) % 3, (d - 1) / 3);
        }
        pad.add(button(clear, clearId, onClear), 0, 3);
        pad.add(digit.make('0'), 1, 3);
        Button okButton = button(ok, okId, onOk);
        okButton.getStyleClass().add("primary");
        okButton.setDisable(okDisabled);
        pad.add(okButton, 2, 3);
        return pad;
    }

    private Button digit(char d) {
        Button button = button(String.valueOf(d), "digit-" + d, () -> model.typeDigit(d));
        button.getStyleClass().add("digit");
        return button;
    }

    private Node menu(FlowState.ChoosingDocument choosing, ResourceBundle text) {
        VBox box = column(label(text.getString("menu.title"), "title", "menu-title"),
                label(MessageFormat.format(text.getString("menu.municipality"), choosing.session().menu().municipalityName()),
                        "subtitle", "menu-municipality"));
        for (DocumentOffer offer : choosing.session().menu().documents()) {
            String caption = documentName(offer, text) + "   " + MessageFormat.format(text.getString("menu.fee"), offer.feeYen());
            Button button = button(caption, "doc-" + offer.type().name(), () -> model.choose(offer));
            button.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(button);
        }
        box.getChildren().add(button(text.getString("cancel"), "cancel", model::cancel));
        return box;
    }

    /** The document's name in the screen's language, with its official Japanese title. */
    static String documentName(DocumentOffer offer, ResourceBundle text) {
        String key = "document." + offer.type().name();
        String local = text.containsKey(key) ? text.getString(key) : offer.title();
        return local.equals(offer.title()) ? local : local + " (" + offer.title() + ")";
    }

    /** Whole household or chosen members, and the optional items the municipality allows. */
    private Node options(FlowState.ChoosingDocument choosing, ResourceBundle text) {
        Button whole = button(text.getString("options.whole"), "options-whole", () -> model.chooseWholeHousehold(true));
        Button some = button(text.getString("options.selected"), "options-selected", () -> model.chooseWholeHousehold(false));
        (model.wholeHousehold() ? whole : some).getStyleClass().add("selected");
        VBox box = column(label(text.getString("options.title"), "title", "options-title"),
                label(documentName(model.chosen(), text), "subtitle", null), row(whole, some));
        if (!model.wholeHousehold()) {
            box.getChildren().add(label(text.getString("options.members"), "message", null));
            FlowPane people = new FlowPane(16, 16);
            people.setAlignment(Pos.CENTER);
            people.setPrefWrapLength(900);
            int i = 0;
            for (jp.certkiosk.api.HouseholdMember member : choosing.session().menu().householdMembers()) {
                Button b = button(member.displayName(), "member-" + i++, () -> model.toggleMember(member.memberRef()));
                b.setStyle("-fx-font-family: \"Noto Sans CJK JP\";");
                if (model.memberChosen(member.memberRef())) {
                    b.getStyleClass().add("selected");
                }
                people.getChildren().add(b);
            }
            box.getChildren().add(people);
        }
        if (!choosing.session().menu().allowedItems().isEmpty()) {
            box.getChildren().add(label(text.getString("options.items"), "message", null));
            FlowPane items = new FlowPane(16, 16);
            items.setAlignment(Pos.CENTER);
            items.setPrefWrapLength(900);
            for (jp.certkiosk.api.IssuanceOptions.RecordItem item : jp.certkiosk.api.IssuanceOptions.RecordItem.values()) {
                if (choosing.session().menu().allowedItems().contains(item)) {
                    Button b = button(text.getString("item." + item.name()), "item-" + item.name(), () -> model.toggleItem(item));
                    if (model.itemChosen(item)) {
                        b.getStyleClass().add("selected");
                    }
                    items.getChildren().add(b);
                }
            }
            box.getChildren().add(items);
        }
        Button next = button(text.getString("options.next"), "options-next", model::optionsDone);
        next.getStyleClass().add("primary");
        next.setDisable(!model.optionsComplete());
        box.getChildren().addAll(row(button(text.getString("back"), "options-back", model::backToMenu), next),
                button(text.getString("cancel"), "cancel", model::cancel));
        return box;
    }

    private Node copiesAndFee(ResourceBundle text) {
        DocumentOffer offer = model.chosen();
        HBox copies = row(button("−", "copies-minus", model::fewerCopies),
                label(MessageFormat.format(text.getString("copies.count"), model.copies()), "title", "copies-count"),
                button("+", "copies-plus", model::moreCopies));
        Button pay = button(text.getString("copies.pay"), "copies-pay", model::confirmDocument);
        pay.getStyleClass().add("primary");
        return column(label(text.getString("copies.title"), "title", "copies-title"),
                label(documentName(offer, text), "subtitle", "copies-document"),
                label(MessageFormat.format(text.getString("copies.perCopy"), offer.feeYen()), "message", null),
                copies,
                label(MessageFormat.format(text.getString("copies.total"), model.feeShown()), "title", "copies-total"),
                label(text.getString("copies.japaneseOnly"), "message", null),
                row(button(text.getString("back"), "copies-back", model::backToMenu), pay),
                button(text.getString("cancel"), "cancel", model::cancel));
    }

    private Node payment(FlowState.Paying paying, ResourceBundle text) {
        VBox box = column(label(text.getString("pay.title"), "title", "pay-title"),
                label(MessageFormat.format(text.getString("pay.fee"), paying.issuance().feeYen()), "subtitle", "pay-fee"),
                label(MessageFormat.format(text.getString("pay.inserted"), paying.paidYen()), "message", "pay-inserted"),
                label(MessageFormat.format(text.getString("pay.due"), paying.dueYen()), "title", "pay-due"),
                label(text.getString("pay.hint"), "message", null));
        if (model.demo()) {
            box.getChildren().add(label(text.getString("pay.demo"), "subtitle", null));
            FlowPane cash = new FlowPane(16, 16);
            cash.setAlignment(Pos.CENTER);
            cash.setPrefWrapLength(900);
            for (int yen : SimulatedPaymentDevice.DENOMINATIONS) {
                cash.getChildren().add(button(MessageFormat.format(text.getString("menu.fee"), yen), "cash-" + yen,
                        () -> model.insertCash(yen)));
            }
            box.getChildren().add(cash);
        }
        box.getChildren().add(button(text.getString("cancel"), "cancel", model::cancel));
        return box;
    }

    private Node printing(ResourceBundle text) {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(700);
        progress.setId("print-progress");
        return column(label(text.getString("busy.printing"), "title", "busy-message"),
                progress, label(text.getString("printing.wait"), "message", null));
    }

    private Node result(Outcome outcome, ResourceBundle text) {
        boolean issued = outcome instanceof Outcome.Issued;
        Label heading = label(text.getString(issued ? "result.done" : "result.problem"), issued ? "title" : "error-title",
                "result-heading");
        VBox box = column(heading, label(outcomeMessage(outcome, text), "message", "result-message"),
                label(text.getString("result.takeCard"), "title", "result-take-card"));
        if (model.cardLeftAlarm()) {
            box.getChildren().add(label(text.getString("result.cardLeft"), "alert", "card-left"));
        }
        if (model.demo()) {
            box.getChildren().add(button(text.getString("result.removeCard"), "remove-card", model::removeCard));
        }
        return box;
    }

    private Node takeDocuments(ResourceBundle text) {
        Button done = button(text.getString("documents.done"), "documents-taken", model::documentsTaken);
        done.getStyleClass().add("primary");
        return column(label(text.getString("documents.title"), "title", "documents-title"),
                label(text.getString("documents.body"), "message", null), done);
    }

    private Node outOfService(ResourceBundle text) {
        return column(label(text.getString("outOfService.title"), "error-title", "out-of-service"),
                label(text.getString(model.outOfService()), "message", "out-of-service-reason"));
    }

    /** The message for how a transaction ended: what happened and what to do next. */
    static String outcomeMessage(Outcome outcome, ResourceBundle text) {
        String key = "outcome." + outcome.code();
        if (text.containsKey(key)) {
            return text.getString(key);
        }
        if (outcome instanceof Outcome.Refused refused && refused.reason() == ErrorCode.INTERNAL) {
            return text.getString("outcome.SERVICE_UNAVAILABLE");
        }
        return text.getString("outcome.REFUSED");
    }

    private Node busy(FlowState state, ResourceBundle text) {
        String key = "busy." + switch (state.getClass().getSimpleName()) {
            case "ReadingCard" -> "reading";
            case "VerifyingPin" -> "verifying";
            case "Authenticating" -> "authenticating";
            case "Reserving" -> "reserving";
            default -> "confirming";
        };
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(500);
        return column(label(text.getString(key), "title", "busy-message"), progress);
    }

    private Node idleOverlay(ResourceBundle text) {
        Button here = button(text.getString("idle.stillHere"), "idle-still-here", model::stillHere);
        here.getStyleClass().add("primary");
        VBox box = column(label(text.getString("idle.title"), "title", "idle-title"),
                label(MessageFormat.format(text.getString("idle.body"), model.idleSecondsLeft()), "message", "idle-body"),
                here);
        box.getStyleClass().add("overlay");
        box.setMaxSize(900, 600);
        StackPane shade = new StackPane(box);
        shade.getStyleClass().add("shade");
        return shade;
    }

    // --- staff mode

    private Node staffPinPad(ResourceBundle text) {
        VBox box = column(label(text.getString("staff.title"), "title", "staff-title"),
                label(text.getString("staff.enterPin"), "subtitle", null),
                label("●".repeat(model.staffDigits()), "pin-dots", "staff-pin-dots"));
        if (model.staffNotice() != null) {
            box.getChildren().add(label(notice(model.staffNotice(), text), "warning", "staff-notice"));
        }
        box.getChildren().addAll(digitPad(d -> button(String.valueOf(d), "staff-digit-" + d, () -> model.staffDigit(d)),
                        text.getString("back"), "staff-leave", model::leaveStaff,
                        text.getString("pin.ok"), "staff-pin-ok", model::staffSubmit, model.staffDigits() == 0));
        return box;
    }

    private Node staffPanel(ResourceBundle text) {
        StaffConsole.Status status = model.staffStatus();
        StaffConsole.Summary summary = model.staffSummary();
        VBox box = column(label(text.getString("staff.title"), "title", "staff-panel-title"),
                label(MessageFormat.format(text.getString("staff.reader"), status.reader()), "message", "staff-reader"),
                label(MessageFormat.format(text.getString("staff.printer"), status.printer(),
                        status.printerReasons().isEmpty() ? "-" : String.join(", ", status.printerReasons())),
                        "message", "staff-printer"),
                label(MessageFormat.format(text.getString("staff.payment"), status.payment()), "message", "staff-payment"),
                label(MessageFormat.format(text.getString("staff.endpoint"), status.endpoint()), "message", "staff-endpoint"),
                label(MessageFormat.format(text.getString("staff.clock"), status.clock()), "message", "staff-clock"),
                label(MessageFormat.format(text.getString("staff.summary"), summary.issued(), summary.feesYen(),
                        summary.refundsYen(), summary.failures(), summary.inDoubt()), "subtitle", "staff-summary"));
        if (model.staffNotice() != null) {
            box.getChildren().add(label(notice(model.staffNotice(), text), "warning", "staff-notice"));
        }
        FlowPane actions = new FlowPane(16, 16);
        actions.setAlignment(Pos.CENTER);
        actions.setPrefWrapLength(900);
        actions.getChildren().addAll(
                button(text.getString("staff.testPrint"), "staff-test-print", model::staffTestPrint),
                button(text.getString(model.outOfService() == null ? "staff.outOfServiceOn" : "staff.outOfServiceOff"),
                        "staff-out-of-service", model::staffToggleOutOfService),
                button(text.getString("staff.restart"), "staff-restart", model::staffRestart),
                button(text.getString("staff.refresh"), "staff-refresh", model::refreshStaff),
                button(text.getString("staff.leave"), "staff-leave", model::leaveStaff));
        box.getChildren().add(actions);
        return box;
    }

    /** A notice key, optionally with one argument after a colon. */
    private static String notice(String notice, ResourceBundle text) {
        int colon = notice.indexOf(':');
        return colon < 0 ? text.getString(notice)
                : MessageFormat.format(text.getString(notice.substring(0, colon)), notice.substring(colon + 1));
    }

    // --- building blocks

    private static VBox column(Node... children) {
        VBox box = new VBox(24, children);
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(false);
        box.setMaxWidth(1000);
        return box;
    }

    private static HBox row(Node... children) {
        HBox box = new HBox(24, children);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Label label(String text, String style, String id) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(1000);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setWrapText(true);
        button.setOnAction(e -> action.run());
        return button;
    }

}
