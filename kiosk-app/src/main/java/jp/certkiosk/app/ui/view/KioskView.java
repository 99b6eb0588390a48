package jp.certkiosk.app.ui.view;

import static jp.certkiosk.app.ui.view.Widgets.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import jp.certkiosk.app.ui.Language;
import jp.certkiosk.app.ui.model.ChromeModel;
import jp.certkiosk.app.ui.model.IdleModel;
import jp.certkiosk.app.ui.model.KioskModel;
import jp.certkiosk.app.ui.model.Screen;
import jp.certkiosk.app.ui.model.Step;

/**
 * The kiosk's window: the top bar (hidden staff corner, text size, contrast, voice), the step
 * indicator, the current screen's view and the idle overlay. Each screen's view is built once, the
 * first time its screen shows, and from then on only its bound values change; moving to another
 * screen swaps which view is shown. The type scale follows the panel: sizes are in em of a root
 * font size set from the panel's shorter side (and the large-text choice).
 */
public final class KioskView {
    /** The root font size per pixel of the panel's shorter side, and its bounds. */
    private static final double FONT_PER_PIXEL = 1.0 / 42;
    private static final double MIN_FONT = 16;
    private static final double MAX_FONT = 28;
    /** How much larger text is with the text-size toggle on. */
    public static final double LARGE_TEXT = 1.3;

    private final KioskModel model;
    private final StackPane root = new StackPane();
    private final StackPane center = new StackPane();
    private final Map<Screen, ScreenView> views = new EnumMap<>(Screen.class);
    private final Map<Screen, Function<KioskModel, ScreenView>> factories = new EnumMap<>(Screen.class);
    private boolean landscape;
    private boolean wide;
    private double font = 25.7;
    private final HBox topBar;
    private final HBox steps;
    private final VBox top;

    public KioskView(KioskModel model) {
        this.model = model;
        factories.put(Screen.WELCOME, m -> new WelcomeView(m.welcome));
        factories.put(Screen.TERMS, m -> new TermsView(m.terms));
        factories.put(Screen.PLACE_CARD, m -> new PlaceCardView(m.placeCard));
        factories.put(Screen.PIN, m -> new PinView(m.pin));
        factories.put(Screen.BUSY, m -> new BusyView(m.busy));
        factories.put(Screen.MENU, m -> new MenuView(m.menu));
        factories.put(Screen.OPTIONS, m -> new OptionsView(m.options));
        factories.put(Screen.REGISTER_OPTIONS, m -> new RegisterOptionsView(m.registerOptions));
        factories.put(Screen.TAX_OPTIONS, m -> new TaxOptionsView(m.taxOptions));
        factories.put(Screen.USE_REGISTRATION, m -> new UseRegistrationView(m.useRegistration));
        factories.put(Screen.USE_REGISTRATION_FILING, m -> new UseRegistrationFilingView(m.useRegistrationFiling));
        factories.put(Screen.USE_REGISTRATION_PENDING, m -> new DomicileNoticeView(m.useRegistrationPending));
        factories.put(Screen.DOMICILE_NOT_PARTICIPATING, m -> new DomicileNoticeView(m.domicileNotParticipating));
        factories.put(Screen.COPIES, m -> new CopiesView(m.copies));
        factories.put(Screen.PAYMENT, m -> new PaymentView(m.paymentScreen));
        factories.put(Screen.PRINTING, m -> new PrintingView(m.printing));
        factories.put(Screen.RESULT, m -> new ResultView(m.result));
        factories.put(Screen.TAKE_DOCUMENTS, m -> new TakeDocumentsView(m.takeDocuments));
        factories.put(Screen.OUT_OF_SERVICE, m -> new OutOfServiceView(m.outOfService));
        factories.put(Screen.STAFF_PIN, m -> new StaffPinView(m.staffPinScreen));
        factories.put(Screen.STAFF_PANEL, m -> new StaffPanelView(m.staffPanel));

        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskView.class.getResource("/jp/certkiosk/app/ui/kiosk.css").toExternalForm());
        center.getStyleClass().add("stage");
        BorderPane frame = new BorderPane();
        frame.getStyleClass().add("frame");
        topBar = topBar(model.chrome);
        steps = stepIndicator(model);
        top = new VBox(topBar, steps);
        frame.setTop(top);
        frame.setCenter(center);
        root.getChildren().addAll(frame, idleOverlay(model.idleModel));

        model.language.bind(language -> restyle());
        model.largeText.bind(large -> restyle());
        model.highContrast.bind(on -> styleClass("high-contrast", on));
        model.flash.bind(on -> styleClass("flash", on));
        model.screen.bind(this::show);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.widthProperty().addListener((o, was, now) -> resized(scene));
                scene.heightProperty().addListener((o, was, now) -> resized(scene));
                resized(scene);
            }
        });
    }

    public Parent root() {
        return root;
    }

    private void styleClass(String name, boolean on) {
        root.getStyleClass().remove(name);
        if (on) {
            root.getStyleClass().add(name);
        }
    }

    private void show(Screen screen) {
        ScreenView view = views.computeIfAbsent(screen, s -> {
            ScreenView made = factories.get(s).apply(model);
            made.landscape(landscape);
            Illustrations.scale(made.root(), font, portrait());
            return made;
        });
        center.getChildren().setAll(view.root());
    }

    private void resized(Scene scene) {
        boolean nowLandscape = scene.getWidth() > scene.getHeight();
        styleClass("landscape", nowLandscape);
        styleClass("portrait", scene.getHeight() > scene.getWidth());
        if (nowLandscape != landscape) {
            landscape = nowLandscape;
            views.values().forEach(v -> v.landscape(nowLandscape));
        }
        // a wide panel (16:9) is short: the steps stand in the top bar, between the corner and the toggles
        boolean nowWide = scene.getWidth() >= 1.5 * scene.getHeight();
        if (nowWide != wide) {
            wide = nowWide;
            if (nowWide) {
                top.getChildren().remove(steps);
                topBar.getChildren().add(1, steps);
                HBox.setHgrow(steps, Priority.ALWAYS);
            } else {
                topBar.getChildren().remove(steps);
                top.getChildren().add(steps);
            }
        }
        restyle();
    }

    private boolean portrait() {
        return root.getStyleClass().contains("portrait");
    }

    /** The root font size (the type scale's unit) from the panel and the text-size choice, and the language's font. */
    private void restyle() {
        Scene scene = root.getScene();
        double side = scene == null ? 1080 : Math.min(scene.getWidth(), scene.getHeight());
        font = Math.max(MIN_FONT, Math.min(MAX_FONT, side * FONT_PER_PIXEL));
        if (model.largeText.get()) {
            font *= LARGE_TEXT;
        }
        for (ScreenView view : views.values()) {
            Illustrations.scale(view.root(), font, portrait());
        }
        Language language = model.language.get();
        styleClass("large-text", model.largeText.get());
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-family: \"%s\"; -fx-font-size: %.1fpx;",
                language.fontFamily(), font));
    }

    /** The hidden staff corner, and the toggles every screen offers. */
    private static HBox topBar(ChromeModel chrome) {
        Region corner = new Region();
        corner.setId("staff-corner");
        corner.getStyleClass().add("staff-corner");
        corner.setOnMouseClicked(e -> chrome.cornerTapped());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(corner, spacer,
                button(chrome.voice, "voice", chrome::toggleVoice, "toggle"),
                button(chrome.textSize, "text-size", chrome::toggleLargeText, "toggle"),
                button(chrome.contrast, "contrast", chrome::toggleHighContrast, "toggle"));
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    /** Card → PIN → document → pay → print, with the current step marked; hidden outside a transaction. */
    private static HBox stepIndicator(KioskModel model) {
        HBox bar = new HBox();
        bar.setId("steps");
        bar.getStyleClass().add("steps");
        bar.setAlignment(Pos.CENTER);
        List<Label> names = new ArrayList<>();
        List<HBox> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            Label number = new Label(String.valueOf(step.ordinal() + 1));
            number.getStyleClass().add("step-number");
            Label name = new Label();
            name.getStyleClass().add("step-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            names.add(name);
            HBox item = new HBox(number, name);
            item.setId("step-" + step.name());
            item.getStyleClass().add("step");
            item.setAlignment(Pos.CENTER);
            steps.add(item);
            bar.getChildren().add(item);
        }
        model.chrome.steps.bind(words -> {
            for (int i = 0; i < words.size(); i++) {
                names.get(i).setText(words.get(i));
            }
        });
        model.step.bind((Optional<Step> current) -> {
            showIf(bar, current.isPresent());
            for (Step step : Step.values()) {
                HBox item = steps.get(step.ordinal());
                item.getStyleClass().removeAll("step-done", "step-current");
                current.ifPresent(now -> {
                    if (step.ordinal() < now.ordinal()) {
                        item.getStyleClass().add("step-done");
                    } else if (step == now) {
                        item.getStyleClass().add("step-current");
                    }
                });
            }
        });
        return bar;
    }

    private static StackPane idleOverlay(IdleModel idle) {
        Button here = button(idle.stillHere, "idle-still-here", idle::stillHere, "primary", "wide");
        VBox box = column(label(idle.title, "title", "idle-title"), label(idle.body, "body", "idle-body"), here);
        box.getStyleClass().add("overlay");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane shade = new StackPane(box);
        shade.getStyleClass().add("shade");
        idle.shown.bind(shown -> showIf(shade, shown));
        return shade;
    }
}
