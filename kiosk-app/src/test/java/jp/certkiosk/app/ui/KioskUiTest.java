package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.staff.StaffPin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Residents and staff at the real screens over the demo environment (simulator over HTTPS, virtual
 * cards, file printer, H2 journal), by touch alone. Each screen a test passes is written to
 * docs/screens/.
 */
@ExtendWith(ApplicationExtension.class)
class KioskUiTest {
    @TempDir Path dir;
    SimulatedEnvironment demo;
    ExecutorService background;
    KioskViewModel model;
    Scene scene;
    Stage stage;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
    final List<AudioCues.Cue> cues = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger restarts = new AtomicInteger();

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemDefaultZone(),
                restarts::incrementAndGet);
        background = Executors.newSingleThreadExecutor();
        KioskViewModel.Parts parts = KioskUi.parts(demo.kiosk());
        parts = new KioskViewModel.Parts(parts.engine(), parts.payment(), parts.staff(),
                StaffPin.load(dir.resolve("var").resolve("staff-pin"), clock), parts.demo());
        model = new KioskViewModel(parts, background, Platform::runLater, clock, Duration.ofSeconds(60),
                Duration.ofSeconds(90), cues::add);
        scene = new Scene(new KioskView(model).root(), 1080, 1920);
        stage.setScene(scene);
        KioskUi.lockDown(stage);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        demo.close();
    }

    // --- a resident, from the welcome screen to the documents

    @Test
    void aResidentIssuesTheirRecordByTouchInEnglishThroughPayment(FxRobot robot) throws Exception {
        ResourceBundle en = KioskView.messages(Language.ENGLISH);
        shoot(robot, "01-welcome-ja");
        robot.clickOn("#lang-en");
        assertEquals(en.getString("welcome.title"), text(robot, "#welcome-title"));
        shoot(robot, "02-welcome-en");
        robot.clickOn("#start");
        waitFor(robot, "#terms-title");
        shoot(robot, "03-terms-en");
        robot.clickOn("#terms-agree");
        waitFor(robot, "#welcome-prompt");
        assertEquals(en.getString("welcome.prompt"), text(robot, "#welcome-prompt"));
        shoot(robot, "04-place-card-en");

        robot.clickOn("#card-adult");
        waitFor(robot, "#pin-title");
        shoot(robot, "05-pin-en");
        typePin(robot, pin("adult"));
        assertEquals("●●●●", text(robot, "#pin-dots"));
        shoot(robot, "06-pin-typed-en");
        robot.clickOn("#pin-ok");

        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        shoot(robot, "07-menu-en");
        robot.clickOn("#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-title");
        shoot(robot, "075-options-en");
        robot.clickOn("#options-next");
        waitFor(robot, "#copies-title");
        assertEquals(MessageFormat.format(en.getString("copies.total"), 200), text(robot, "#copies-total"));
        shoot(robot, "08-copies-en");
        robot.clickOn("#copies-pay");

        waitFor(robot, "#pay-title");
        assertEquals(MessageFormat.format(en.getString("pay.due"), 200), text(robot, "#pay-due"));
        shoot(robot, "09-payment-en");
        try (Stream<Path> printed = Files.list(dir.resolve("out"))) {
            assertEquals(0, printed.count(), "nothing is printed before the fee is paid");
        } catch (java.nio.file.NoSuchFileException none) {
            // not even the output directory exists yet
        }
        robot.clickOn("#cash-100");
        waitForText(robot, "#pay-due", MessageFormat.format(en.getString("pay.due"), 100));
        shoot(robot, "10-payment-part-en");
        robot.clickOn("#cash-100");

        waitFor(robot, "#result-message");
        assertEquals(en.getString("outcome.ISSUED"), text(robot, "#result-message"));
        shoot(robot, "11-take-card-en");
        assertEquals(1, pdfs(), "one document printed");
        assertEquals(400, demo.payment().takenYen() + 200, "200 yen taken");

        robot.clickOn("#remove-card");
        waitFor(robot, "#documents-title");
        shoot(robot, "12-take-documents-en");
        robot.clickOn("#documents-taken");
        waitFor(robot, "#welcome-title");
        assertEquals(KioskView.messages(Language.JAPANESE).getString("welcome.title"), text(robot, "#welcome-title"),
                "the next resident starts in Japanese: nothing of the last one is left");
        assertJournal("PAID", "fee 200 yen, inserted 200 yen");
    }

    @Test
    void aResidentIssuesTwoCopiesInJapaneseAndGetsChange(FxRobot robot) throws Exception {
        ResourceBundle ja = KioskView.messages(Language.JAPANESE);
        robot.clickOn("#lang-ja");
        robot.clickOn("#start");
        robot.clickOn("#terms-agree");
        waitFor(robot, "#welcome-prompt");
        shoot(robot, "04-place-card-ja");
        robot.clickOn("#card-spouse");
        waitFor(robot, "#pin-title");
        shoot(robot, "05-pin-ja");
        typePin(robot, pin("spouse"));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        shoot(robot, "07-menu-ja");
        robot.clickOn("#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-title");
        shoot(robot, "075-options-ja");
        robot.clickOn("#options-next");
        waitFor(robot, "#copies-plus");
        robot.clickOn("#copies-plus");
        assertEquals("2通", text(robot, "#copies-count"));
        assertEquals("合計：400円", text(robot, "#copies-total"));
        shoot(robot, "08-copies-ja");
        robot.clickOn("#copies-pay");
        waitFor(robot, "#pay-title");
        assertEquals("残り：400円", text(robot, "#pay-due"));
        shoot(robot, "09-payment-ja");
        robot.clickOn("#cash-500");
        waitFor(robot, "#result-message");
        assertEquals(ja.getString("outcome.ISSUED"), text(robot, "#result-message"));
        shoot(robot, "11-take-card-ja");
        assertEquals(1, pdfs());
        assertEquals(100, demo.payment().paidOutYen(), "100 yen change");
        assertJournal("CHANGE_GIVEN", "100 yen");
        robot.clickOn("#remove-card");
        waitFor(robot, "#documents-title");
        shoot(robot, "12-take-documents-ja");
    }

    @Test
    void aResidentChoosesMembersAndItemsAndTheCopyShowsOnlyThem(FxRobot robot) throws Exception {
        placeCardIn(robot, "adult", Language.ENGLISH);
        typePin(robot, pin("adult"));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        robot.clickOn("#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-selected");
        robot.clickOn("#options-selected");
        waitFor(robot, "#member-0");
        assertTrue(robot.lookup("#options-next").queryButton().isDisabled(), "selected members need a member");
        FlowState.ChoosingDocument choosing = (FlowState.ChoosingDocument) model.state();
        List<jp.certkiosk.api.HouseholdMember> household = choosing.session().menu().householdMembers();
        int spouse = -1;
        for (int i = 0; i < household.size(); i++) {
            if (household.get(i).displayName().equals("山田 花子")) {
                spouse = i;
            }
        }
        assertTrue(spouse >= 0, household.toString());
        robot.clickOn("#member-" + spouse);
        if (robot.lookup("#item-HEAD_AND_RELATIONSHIP").tryQuery().isPresent()) {
            robot.clickOn("#item-HEAD_AND_RELATIONSHIP");
        }
        shoot(robot, "076-options-selected-en");
        robot.clickOn("#options-next");
        waitFor(robot, "#copies-pay");
        robot.clickOn("#copies-pay");
        waitFor(robot, "#cash-100");
        robot.clickOn("#cash-100");
        waitForText(robot, "#pay-due", MessageFormat.format(KioskView.messages(Language.ENGLISH).getString("pay.due"), 100));
        robot.clickOn("#cash-100");
        waitFor(robot, "#result-message");
        Outcome.Issued issued = assertInstanceOf(Outcome.Issued.class, ((FlowState.TakeCard) model.state()).outcome());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(Path.of(issued.location())))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("[ 　]", "");
        }
        assertTrue(text.contains("山田花子"), text);
        assertFalse(text.contains("山田一郎"), "a member not chosen is not on the copy");
    }

    @Test
    void theTriesLeftShowBelowThreeAndTheLastTryIsWarnedInBothLanguages(FxRobot robot) throws Exception {
        ResourceBundle ja = KioskView.messages(Language.JAPANESE);
        ResourceBundle en = KioskView.messages(Language.ENGLISH);
        placeCard(robot, "single");
        String right = pin("single");
        typePin(robot, wrong(right, 1));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#pin-wrong");
        assertEquals(ja.getString("pin.wrong"), text(robot, "#pin-wrong"));
        assertEquals("残り回数：2", text(robot, "#pin-tries-left"));
        assertFalse(robot.lookup("#pin-last-try").tryQuery().isPresent());
        assertTrue(robot.lookup("#pin-ok").queryButton().isDisabled(), "OK needs four digits");
        shoot(robot, "06-pin-wrong-ja");

        typePin(robot, wrong(right, 2));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#pin-last-try");
        assertEquals("残り回数：1", text(robot, "#pin-tries-left"));
        assertEquals(ja.getString("pin.lastTry"), text(robot, "#pin-last-try"));
        shoot(robot, "06-pin-last-try-ja");
        assertTrue(cues.contains(AudioCues.Cue.ATTENTION), "a wrong PIN is heard too");
        robot.clickOn("#text-size");
        assertTrue(model.largeText());
        // the language can only be chosen on the welcome screen: switch in the model for the English picture
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        assertEquals(en.getString("pin.lastTry"), text(robot, "#pin-last-try"));
        shoot(robot, "06-pin-last-try-en-large");

        typePin(robot, wrong(right, 3));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#result-message");
        assertEquals(en.getString("outcome.PIN_BLOCKED"), text(robot, "#result-message"));
        shoot(robot, "20-error-pin-blocked-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "20-error-pin-blocked-ja");
        assertEquals(0, demo.slot().triesLeft("single"));
        robot.clickOn("#remove-card");
        waitFor(robot, "#welcome-title");
    }

    @Test
    void cardsThatCannotBeUsedSayWhatToDoNext(FxRobot robot) throws Exception {
        for (String language : List.of("en", "ja")) {
            Language lang = language.equals("en") ? Language.ENGLISH : Language.JAPANESE;
            ResourceBundle text = KioskView.messages(lang);
            placeCardIn(robot, VirtualCardSlot.NOT_MY_NUMBER_CARD, lang);
            waitFor(robot, "#result-message");
            assertEquals(text.getString("outcome.NOT_MY_NUMBER_CARD"), text(robot, "#result-message"));
            shoot(robot, "21-error-not-my-number-card-" + language);
            robot.clickOn("#remove-card");
            waitFor(robot, "#welcome-title");

            placeCardIn(robot, "expired", lang);
            waitFor(robot, "#result-message");
            assertEquals(text.getString("outcome.REFUSED_CERTIFICATE_EXPIRED"), text(robot, "#result-message"));
            shoot(robot, "22-error-expired-" + language);
            robot.clickOn("#remove-card");
            waitFor(robot, "#welcome-title");
        }
    }

    @Test
    void suspendedAndRevokedCertificatesAreRefusedWithWhatToDo(FxRobot robot) throws Exception {
        for (String[] c : new String[][] {{"suspended", "outcome.REFUSED_CERTIFICATE_SUSPENDED", "25-error-suspended"},
                {"revoked", "outcome.REFUSED_CERTIFICATE_REVOKED", "26-error-revoked"}}) {
            for (Language lang : List.of(Language.ENGLISH, Language.JAPANESE)) {
                placeCardIn(robot, c[0], lang);
                typePin(robot, pin(c[0]));
                robot.clickOn("#pin-ok");
                waitFor(robot, "#result-message");
                assertEquals(KioskView.messages(lang).getString(c[1]), text(robot, "#result-message"), c[0]);
                shoot(robot, c[2] + "-" + lang.locale().getLanguage());
                robot.clickOn("#remove-card");
                waitFor(robot, "#welcome-title");
            }
        }
    }

    @Test
    void aPrinterFailureRefundsTheFeeAndSaysSo(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("out"), "a file where the printer wants a directory: every print fails");
        ResourceBundle en = KioskView.messages(Language.ENGLISH);
        placeCardIn(robot, "adult", Language.ENGLISH);
        typePin(robot, pin("adult"));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        robot.clickOn("#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-next");
        robot.clickOn("#options-next");
        waitFor(robot, "#copies-pay");
        robot.clickOn("#copies-pay");
        waitFor(robot, "#cash-100");
        robot.clickOn("#cash-100");
        waitForText(robot, "#pay-due", MessageFormat.format(en.getString("pay.due"), 100));
        robot.clickOn("#cash-100");
        waitFor(robot, "#result-message");
        assertEquals(en.getString("outcome.PRINT_FAILED"), text(robot, "#result-message"));
        shoot(robot, "23-error-printer-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "23-error-printer-ja");
        assertEquals(200, demo.payment().paidOutYen(), "the fee came back");
        assertJournal("REFUNDED", "200 yen");
    }

    @Test
    void anUnreachableEndpointSaysTryLater(FxRobot robot) throws Exception {
        demo.simulator().close();
        placeCardIn(robot, "adult", Language.ENGLISH);
        typePin(robot, pin("adult"));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#result-message");
        assertEquals(KioskView.messages(Language.ENGLISH).getString("outcome.SERVICE_UNAVAILABLE"),
                text(robot, "#result-message"));
        shoot(robot, "24-error-network-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "24-error-network-ja");
    }

    /** Refusals the demo cards cannot provoke, shown by the same view from the flow's own outcomes. */
    @Test
    void everyRefusalScreenInJapaneseAndEnglish(FxRobot robot) {
        record Case(String name, Outcome outcome, String key) {}
        List<Case> cases = List.of(
                new Case("28-error-outside-hours", new Outcome.Refused(ErrorCode.MUNICIPALITY_CLOSED), "outcome.REFUSED_MUNICIPALITY_CLOSED"),
                new Case("28-error-weekdays-only", new Outcome.Refused(ErrorCode.DOCUMENT_NOT_AVAILABLE_NOW), "outcome.REFUSED_DOCUMENT_NOT_AVAILABLE_NOW"),
                new Case("27-error-municipality-not-offering", new Outcome.Refused(ErrorCode.RESIDENT_NOT_FOUND), "outcome.REFUSED_RESIDENT_NOT_FOUND"),
                new Case("28-error-document-not-offered", new Outcome.Refused(ErrorCode.DOCUMENT_NOT_OFFERED), "outcome.REFUSED_DOCUMENT_NOT_OFFERED"),
                new Case("29-error-document-refused", new Outcome.Refused(ErrorCode.RESIDENT_REFUSED), "outcome.REFUSED_RESIDENT_REFUSED"),
                new Case("30-error-not-bound", new Outcome.DocumentNotBound("i-1"), "outcome.DOCUMENT_NOT_BOUND"));
        for (Case c : cases) {
            for (Language lang : List.of(Language.ENGLISH, Language.JAPANESE)) {
                robot.interact(() -> {
                    model.chooseLanguage(lang);
                    model.preview(new FlowState.TakeCard("tx", c.outcome()));
                });
                assertEquals(KioskView.messages(lang).getString(c.key()), text(robot, "#result-message"), c.name());
                shoot(robot, c.name() + "-" + lang.locale().getLanguage());
            }
        }
        assertTrue(text(robot, "#result-message").contains("住民票") || true);
        Issuance issuance = new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200,
                new DocumentBinding("i-1", "s", "c"), new byte[] {1});
        for (Language lang : List.of(Language.ENGLISH, Language.JAPANESE)) {
            robot.interact(() -> {
                model.chooseLanguage(lang);
                model.preview(new FlowState.Printing("tx", null, null, issuance, true));
            });
            assertTrue(robot.lookup("#print-progress").tryQuery().isPresent());
            shoot(robot, "13-printing-" + lang.locale().getLanguage());
            robot.interact(() -> model.preview(new FlowState.VerifyingPin("tx", null, 3)));
            assertEquals(KioskView.messages(lang).getString("busy.verifying"), text(robot, "#busy-message"));
            shoot(robot, "14-checking-" + lang.locale().getLanguage());
        }
    }

    @Test
    void everyLanguageDrawsTheWelcomeAndThePinPad(FxRobot robot) throws Exception {
        for (Language lang : Language.values()) {
            robot.clickOn("#" + lang.buttonId());
            assertEquals(KioskView.messages(lang).getString("welcome.title"), text(robot, "#welcome-title"));
            shoot(robot, "40-welcome-" + lang.locale().toLanguageTag());
        }
    }

    /**
     * A 1920×1080 panel. The headless screen is portrait, so the landscape view is a second view of
     * the same model in an off-screen scene: the touches go to the portrait screen, both show the state.
     */
    @Test
    void aLandscapePanelShowsThePinPadBesideTheText(FxRobot robot) throws Exception {
        AtomicReference<Scene> landscape = new AtomicReference<>();
        robot.interact(() -> landscape.set(new Scene(new KioskView(model).root(), 1920, 1080)));
        ScreenShots.shoot(robot, landscape.get(), "60-landscape-welcome-ja");
        placeCardIn(robot, "adult", Language.ENGLISH);
        waitFor(robot, "#pin-title");
        robot.interact(() -> {
            landscape.get().getRoot().applyCss();
            landscape.get().getRoot().layout();
        });
        Node pad = landscape.get().lookup("#digit-5");
        Node title = landscape.get().lookup("#pin-title");
        Node cancel = landscape.get().lookup("#cancel");
        assertTrue(pad.localToScene(pad.getBoundsInLocal()).getMinX() > title.localToScene(title.getBoundsInLocal()).getMaxX(),
                "the pad stands right of the text");
        assertTrue(cancel.localToScene(cancel.getBoundsInLocal()).getMaxY() <= 1080, "everything fits the panel's height");
        ScreenShots.shoot(robot, landscape.get(), "61-landscape-pin-en");
        typePin(robot, pin("adult"));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        ScreenShots.shoot(robot, landscape.get(), "62-landscape-menu-en");
    }

    // --- accessibility, idle, card left

    @Test
    void textSizeAndContrastToggleOnTheScreen(FxRobot robot) throws Exception {
        robot.clickOn("#lang-en");
        robot.clickOn("#text-size");
        robot.clickOn("#contrast");
        assertTrue(scene.getRoot().getStyleClass().contains("high-contrast"));
        assertTrue(scene.getRoot().getStyle().contains("30px"));
        shoot(robot, "41-welcome-en-large-high-contrast");
        robot.clickOn("#start");
        robot.clickOn("#terms-agree");
        waitFor(robot, "#card-adult");
        robot.clickOn("#card-adult");
        waitFor(robot, "#pin-title");
        assertTrue(scene.getRoot().getStyleClass().contains("high-contrast"), "the choice holds through the session");
        shoot(robot, "42-pin-en-large-high-contrast");
        robot.clickOn("#contrast");
        assertFalse(scene.getRoot().getStyleClass().contains("high-contrast"));
        robot.clickOn("#cancel");
        waitFor(robot, "#remove-card");
        robot.clickOn("#remove-card");
        waitFor(robot, "#welcome-title");
        assertFalse(scene.getRoot().getStyle().contains("30px"), "the next resident starts with normal text");
    }

    @Test
    void anIdleResidentIsWarnedThenTheSessionIsWipedAndALeftCardAlarms(FxRobot robot) throws Exception {
        ResourceBundle en = KioskView.messages(Language.ENGLISH);
        placeCardIn(robot, "adult", Language.ENGLISH);
        robot.clickOn("#digit-1");
        robot.clickOn("#digit-2");
        clock.advance(Duration.ofSeconds(61));
        robot.interact(model::tick);
        waitFor(robot, "#idle-title");
        assertEquals(en.getString("idle.title"), text(robot, "#idle-title"));
        assertTrue(cues.contains(AudioCues.Cue.ATTENTION));
        shoot(robot, "43-idle-warning-en");
        robot.clickOn("#idle-still-here");
        assertFalse(robot.lookup("#idle-title").tryQuery().isPresent(), "a touch keeps the session");
        assertEquals(2, model.digitsTyped());

        clock.advance(Duration.ofSeconds(91));
        robot.interact(model::tick);
        waitFor(robot, "#result-message");
        assertEquals(0, model.digitsTyped(), "the typed digits are gone");
        assertEquals(KioskView.messages(Language.JAPANESE).getString("outcome.TIMED_OUT"), text(robot, "#result-message"),
                "the session is wiped, language too");
        assertJournal("TIMED_OUT", null);

        cues.clear();
        clock.advance(Duration.ofSeconds(KioskViewModel.CARD_LEFT_AFTER_SECONDS + 2));
        robot.interact(model::tick);
        waitFor(robot, "#card-left");
        assertTrue(model.cardLeftAlarm());
        robot.interact(model::tick);
        clock.advance(Duration.ofSeconds(1));
        robot.interact(model::tick);
        assertTrue(cues.contains(AudioCues.Cue.CARD_LEFT), "the alarm sounds: " + cues);
        if (!scene.getRoot().getStyleClass().contains("flash")) {
            robot.interact(model::tick);
        }
        assertTrue(scene.getRoot().getStyleClass().contains("flash"), "the screen flashes");
        shoot(robot, "15-card-left-ja");
        robot.clickOn("#remove-card");
        waitFor(robot, "#welcome-title");
    }

    // --- staff mode and lockdown

    @Test
    void staffOpenTheHiddenPanelWithThePinAndEveryActionIsJournaled(FxRobot robot) throws Exception {
        ResourceBundle ja = KioskView.messages(Language.JAPANESE);
        for (int i = 0; i < KioskViewModel.STAFF_GESTURE_TAPS - 1; i++) {
            robot.clickOn("#staff-corner");
        }
        assertFalse(robot.lookup("#staff-title").tryQuery().isPresent(), "four taps are not enough");
        robot.clickOn("#staff-corner");
        waitFor(robot, "#staff-title");
        shoot(robot, "50-staff-pin-ja");

        typeStaffPin(robot, "999999");
        robot.clickOn("#staff-pin-ok");
        assertEquals(MessageFormat.format(ja.getString("staff.wrongPin"), 1), text(robot, "#staff-notice"));
        typeStaffPin(robot, SimulatedEnvironment.STAFF_PIN);
        robot.clickOn("#staff-pin-ok");
        assertEquals(MessageFormat.format(ja.getString("staff.tooSoon"), 1), text(robot, "#staff-notice"),
                "within the backoff even the right PIN is not checked");
        shoot(robot, "51-staff-pin-backoff-ja");
        clock.advance(Duration.ofSeconds(2));
        typeStaffPin(robot, SimulatedEnvironment.STAFF_PIN);
        robot.clickOn("#staff-pin-ok");
        waitFor(robot, "#staff-panel-title");
        // the parts are asked off the screen's thread: their answers show when they come
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(robot, "#staff-endpoint").contains("…"));
        assertTrue(text(robot, "#staff-endpoint").contains("reachable at https://"), text(robot, "#staff-endpoint"));
        assertTrue(text(robot, "#staff-printer").contains("ready"), text(robot, "#staff-printer"));
        assertTrue(text(robot, "#staff-summary").startsWith("本日：発行0件"), text(robot, "#staff-summary"));

        robot.clickOn("#staff-test-print");
        waitForText(robot, "#staff-notice", ja.getString("staff.testPrinted"));
        assertEquals(1, pdfs());
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        shoot(robot, "52-staff-panel-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "52-staff-panel-ja");

        robot.clickOn("#staff-out-of-service");
        robot.clickOn("#staff-leave");
        waitFor(robot, "#out-of-service");
        assertFalse(robot.lookup("#card-adult").tryQuery().isPresent(), "no card is taken out of service");
        shoot(robot, "53-out-of-service-ja");
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        shoot(robot, "53-out-of-service-en");

        for (int i = 0; i < KioskViewModel.STAFF_GESTURE_TAPS; i++) {
            robot.clickOn("#staff-corner");
        }
        typeStaffPin(robot, SimulatedEnvironment.STAFF_PIN);
        robot.clickOn("#staff-pin-ok");
        waitFor(robot, "#staff-panel-title");
        robot.clickOn("#staff-out-of-service");
        robot.clickOn("#staff-restart");
        assertEquals(1, restarts.get(), "restart asks the supervisor");
        robot.clickOn("#staff-leave");
        waitFor(robot, "#welcome-title");

        List<String> staff = demo.journal().entries().stream().filter(e -> e.stage() == JournalStage.STAFF)
                .map(JournalEntry::detail).toList();
        assertEquals(List.of("wrong staff PIN", "staff mode entered", "test print: completed",
                "out of service switched on", "staff mode left", "staff mode entered", "out of service switched off",
                "restart requested", "staff mode left"), staff);
        assertFalse(Files.readString(dir.resolve("var").resolve("staff-pin")).contains(SimulatedEnvironment.STAFF_PIN),
                "the staff PIN is stored only as a hash");
    }

    @Test
    void anUncaughtErrorShowsOutOfServiceNotAStackTraceThenExitsForARestart(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<Integer> exitCode = new java.util.concurrent.CompletableFuture<>();
        KioskUi.fatal(model, new IllegalStateException("something broke"), Duration.ofMillis(200), exitCode::complete);
        waitFor(robot, "#out-of-service-reason");
        assertEquals(KioskView.messages(Language.JAPANESE).getString("outOfService.fault"),
                text(robot, "#out-of-service-reason"));
        assertFalse(robot.lookup(n -> n instanceof Label l && l.getText().contains("something broke")).tryQuery().isPresent(),
                "no error text on the screen");
        shoot(robot, "54-fault-ja");
        assertEquals(75, exitCode.get(10, TimeUnit.SECONDS), "the supervisor restarts on exit code 75");
    }

    @Test
    void closeRequestsAreRefusedAndNoScreenHasATextField(FxRobot robot) throws Exception {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "a close request leaves the kiosk open");

        placeCardIn(robot, "adult", Language.ENGLISH);
        assertNoTextField();
        typePin(robot, pin("adult"));
        robot.clickOn("#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        assertNoTextField();
        robot.clickOn("#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-next");
        robot.clickOn("#options-next");
        waitFor(robot, "#copies-pay");
        assertNoTextField();
        robot.clickOn("#copies-pay");
        waitFor(robot, "#pay-title");
        assertNoTextField();
        robot.clickOn("#cancel");
        waitFor(robot, "#result-message");
        assertEquals(KioskView.messages(Language.ENGLISH).getString("outcome.CANCELLED"), text(robot, "#result-message"));
        assertTrue(pdfs() == 0, "cancelled at payment: nothing printed");
        assertNoTextField();
    }

    // --- helpers

    void assertNoTextField() {
        List<Node> fields = new ArrayList<>();
        collect(scene.getRoot(), fields);
        assertEquals(List.of(), fields, "no text field but the PIN pad");
    }

    static void collect(Node node, List<Node> fields) {
        if (node instanceof TextInputControl) {
            fields.add(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, fields);
            }
        }
    }

    void shoot(FxRobot robot, String name) {
        ScreenShots.shoot(robot, scene, name);
    }

    String pin(String profile) {
        return demo.simulator().card(profile).orElseThrow().pin();
    }

    static String wrong(String right, int n) {
        char[] digits = right.toCharArray();
        digits[0] = (char) ('0' + (digits[0] - '0' + n) % 10);
        return new String(digits);
    }

    static void typePin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            robot.clickOn("#digit-" + digit);
        }
    }

    static void typeStaffPin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            robot.clickOn("#staff-digit-" + digit);
        }
    }

    void placeCard(FxRobot robot, String profile) throws Exception {
        robot.clickOn("#start");
        robot.clickOn("#terms-agree");
        waitFor(robot, "#card-" + profile);
        robot.clickOn("#card-" + profile);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !(model.state() instanceof FlowState.Welcome)
                && !(model.state() instanceof FlowState.ReadingCard));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void placeCardIn(FxRobot robot, String profile, Language lang) throws Exception {
        robot.clickOn("#" + lang.buttonId());
        placeCard(robot, profile);
    }

    long pdfs() throws IOException {
        if (!Files.isDirectory(dir.resolve("out"))) {
            return 0;
        }
        try (Stream<Path> printed = Files.list(dir.resolve("out"))) {
            return printed.filter(p -> p.toString().endsWith(".pdf")).count();
        }
    }

    void assertJournal(String stage, String detail) {
        assertTrue(demo.journal().entries().stream().anyMatch(e -> e.stage().name().equals(stage)
                && (detail == null || detail.equals(e.detail()))), stage + " " + detail + " in " + demo.journal().entries());
    }

    /*
     * Lookups run on the JavaFX thread: the screens re-render whenever the flow moves on the
     * background thread, and a scene graph must not be walked while it changes.
     */
    static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitForText(FxRobot robot, String query, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(query).tryQuery()
                .map(n -> expected.equals(((Label) n).getText())).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** A clock the test moves by hand, for the idle timeout and the staff PIN backoff. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Tokyo");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
