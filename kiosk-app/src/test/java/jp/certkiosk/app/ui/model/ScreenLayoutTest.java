package jp.certkiosk.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.ui.Language;
import jp.certkiosk.app.ui.view.KioskView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen at every panel size a kiosk ships with, in normal and large text, in Japanese and
 * in Portuguese (long words): no two controls overlap, none leaves the panel, no text is cut
 * short, and every button is a touch target of at least 88 pixels each way.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenLayoutTest {
    static final int[][] PANELS = {{1080, 1920}, {1920, 1080}, {1280, 1024}, {1280, 720}};
    static final double MIN_TARGET = 88;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    /** The screens, each reached from a fresh kiosk the way the flow and the resident reach it. */
    static Map<String, Consumer<ScreenFixture>> screens() {
        Map<String, Consumer<ScreenFixture>> screens = new LinkedHashMap<>();
        screens.put("welcome", f -> { });
        screens.put("terms", f -> f.model.welcome.start());
        screens.put("place-card", f -> {
            f.model.welcome.start();
            f.model.terms.agree();
        });
        screens.put("pin-last-try", f -> {
            f.enteringPin(1, true);
            f.model.pin.digit('1');
        });
        screens.put("busy", f -> f.flowTo(new FlowState.Authenticating("tx", null)));
        screens.put("menu", ScreenFixture::choosing);
        screens.put("options-members", f -> {
            f.choosing();
            f.model.menu.choose(ScreenFixture.MENU.documents().get(0));
            f.model.options.chooseWholeHousehold(false);
            f.model.options.members.get().get(0).toggle().run();
        });
        screens.put("copies", f -> {
            f.choosing();
            f.model.menu.choose(ScreenFixture.MENU.documents().get(1));
            f.model.copies.more();
        });
        screens.put("payment", f -> f.flowTo(new FlowState.Paying("tx", null, ScreenFixture.SESSION, ScreenFixture.ISSUANCE, 50)));
        screens.put("printing", f -> f.flowTo(new FlowState.Printing("tx", null, ScreenFixture.SESSION, ScreenFixture.ISSUANCE, true)));
        screens.put("suspended-card-left", f -> {
            f.flowTo(new FlowState.TakeCard("tx", new Outcome.Refused(ErrorCode.CERTIFICATE_SUSPENDED)));
            f.clock.advance(Duration.ofSeconds(KioskModel.CARD_LEFT_AFTER_SECONDS + 1));
            f.model.tick();
        });
        screens.put("take-documents", f -> {
            f.flowTo(new FlowState.TakeCard("tx", new Outcome.Issued("i-1", jp.certkiosk.api.DocumentType.RESIDENT_RECORD_COPY, "x")));
            f.flowTo(new FlowState.Welcome());
        });
        screens.put("out-of-service", f -> f.model.outOfService("outOfService.fault"));
        screens.put("staff-pin", f -> {
            for (int i = 0; i < KioskModel.STAFF_GESTURE_TAPS; i++) {
                f.model.cornerTapped();
            }
            f.model.staffPinScreen.digit('1');
            f.model.staffPinScreen.submit();
        });
        screens.put("staff-panel", f -> {
            for (int i = 0; i < KioskModel.STAFF_GESTURE_TAPS; i++) {
                f.model.cornerTapped();
            }
            for (char d : ScreenFixture.STAFF_PIN.toCharArray()) {
                f.model.staffPinScreen.digit(d);
            }
            f.model.staffPinScreen.submit();
        });
        screens.put("register-options-person", f -> {
            f.flowTo(new FlowState.ChoosingDocument("tx", null, RegisterAndTaxScreensTest.session(
                    jp.certkiosk.api.FamilyRegisterAccess.Status.AVAILABLE, "999001", "桜川市")));
            f.model.menu.choose(RegisterAndTaxScreensTest.REGISTER);
            f.model.registerOptions.chooseExtent(jp.certkiosk.api.IssuanceOptions.RegisterExtent.INDIVIDUAL);
            f.model.registerOptions.persons.get().get(1).toggle().run();
        });
        screens.put("tax-options", f -> {
            f.flowTo(new FlowState.ChoosingDocument("tx", null, RegisterAndTaxScreensTest.session(
                    jp.certkiosk.api.FamilyRegisterAccess.Status.NONE, null, null)));
            f.model.menu.choose(RegisterAndTaxScreensTest.TAX);
        });
        for (var status : List.of(jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED,
                jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_PENDING,
                jp.certkiosk.api.FamilyRegisterAccess.Status.DOMICILE_NOT_PARTICIPATING)) {
            screens.put("domicile " + status, f -> {
                f.flowTo(new FlowState.ChoosingDocument("tx", null, RegisterAndTaxScreensTest.session(status, "999002",
                        "若葉県青葉町")));
                f.model.menu.choose(f.model.menu.documents.get().stream()
                        .filter(c -> c.id().equals(MenuModel.DOMICILE_ID)).findFirst().orElseThrow());
            });
        }
        screens.put("use-registration-filing", f -> f.flowTo(new FlowState.FilingUseRegistration("tx", null,
                RegisterAndTaxScreensTest.session(jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED,
                        "999002", "若葉県青葉町"))));
        screens.put("use-registration-filed", f -> f.flowTo(new FlowState.TakeCard("tx",
                new Outcome.UseRegistrationFiled("若葉県青葉町", jp.certkiosk.api.UseRegistration.Status.PENDING))));
        screens.put("idle-warning", f -> {
            f.enteringPin(3, false);
            f.clock.advance(Duration.ofSeconds(61));
            f.model.tick();
        });
        return screens;
    }

    @Test
    void everyScreenFitsEveryPanelInNormalAndLargeText() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int[] panel : PANELS) {
            for (boolean large : new boolean[] {false, true}) {
                for (Language language : List.of(Language.JAPANESE, Language.PORTUGUESE)) {
                    for (Map.Entry<String, Consumer<ScreenFixture>> screen : screens().entrySet()) {
                        Path home = Files.createTempDirectory(dir, "kiosk");
                        String name = screen.getKey() + " " + panel[0] + "x" + panel[1] + (large ? " large" : "") + " "
                                + language.locale().toLanguageTag();
                        problems.addAll(WaitForAsyncUtils.asyncFx(() -> {
                            ScreenFixture f = new ScreenFixture(home, false);
                            f.model.chooseLanguage(language);
                            if (large) {
                                f.model.toggleLargeText();
                            }
                            screen.getValue().accept(f);
                            Scene scene = new Scene(new KioskView(f.model).root(), panel[0], panel[1]);
                            scene.getRoot().applyCss();
                            scene.getRoot().layout();
                            return check(name, scene);
                        }).get(60, TimeUnit.SECONDS));
                        checked++;
                    }
                }
            }
        }
        assertEquals("", String.join("\n", problems), checked + " layouts checked");
    }

    /** What is wrong with one laid-out screen. */
    static List<String> check(String name, Scene scene) {
        List<Labeled> controls = new ArrayList<>();
        collect(scene.getRoot(), controls);
        Node overlay = scene.getRoot().lookup(".shade");
        if (overlay != null && overlay.isVisible()) {
            controls.removeIf(c -> !isInside(c, overlay));
        }
        List<String> problems = new ArrayList<>();
        for (Labeled control : controls) {
            Bounds b = control.localToScene(control.getLayoutBounds());
            String id = describe(control);
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5
                    || b.getMaxY() > scene.getHeight() + 0.5) {
                problems.add(name + ": " + id + " leaves the panel " + b);
            }
            Node text = control.lookup(".text");
            if (text instanceof Text shown && control.getText() != null && !control.getText().isEmpty()
                    && !shown.getText().equals(control.getText())) {
                problems.add(name + ": " + id + " is cut short: '" + shown.getText() + "'");
            }
            if (control instanceof Button && (b.getWidth() < MIN_TARGET - 0.5 || b.getHeight() < MIN_TARGET - 0.5)) {
                problems.add(name + ": " + id + " is too small to touch: " + (int) b.getWidth() + "x" + (int) b.getHeight());
            }
        }
        for (int i = 0; i < controls.size(); i++) {
            for (int j = i + 1; j < controls.size(); j++) {
                Bounds a = controls.get(i).localToScene(controls.get(i).getLayoutBounds());
                Bounds b = controls.get(j).localToScene(controls.get(j).getLayoutBounds());
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > 1 && h > 1) {
                    problems.add(name + ": " + describe(controls.get(i)) + " overlaps " + describe(controls.get(j)));
                }
            }
        }
        return problems;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Labeled control) {
        return (control.getId() != null ? "#" + control.getId() : control.getClass().getSimpleName())
                + " '" + control.getText() + "'";
    }

    /** The visible labels and buttons (a button's own text is not a separate control). */
    static void collect(Node node, List<Labeled> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            out.add(labeled);
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
