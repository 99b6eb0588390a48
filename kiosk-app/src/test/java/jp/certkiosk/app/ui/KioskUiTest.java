package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.testing.ManualClock;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.app.ui.model.KioskModel;
import jp.certkiosk.app.ui.model.Messages;
import jp.certkiosk.app.ui.view.KioskView;
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
    KioskModel model;
    Parts parts;
    final List<String> spoken = Collections.synchronizedList(new ArrayList<>());
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
        Parts demoParts = KioskUi.parts(demo.kiosk());
        parts = new Parts(demoParts.engine(), demoParts.payment(), demoParts.staff(),
                StaffPin.load(dir.resolve("var").resolve("staff-pin"), clock), demoParts.demo());
        model = new KioskModel(parts, new KioskModel.Setup(background, Platform::runLater, clock, Duration.ofSeconds(60),
                Duration.ofSeconds(90), cues::add, (language, key) -> spoken.add(language.locale().toLanguageTag() + ":" + key)));
        scene = new Scene(new KioskView(model).root(), 1080, 1920);
        stage.setScene(scene);
        KioskUi.lockDown(stage, model::key);
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
        Messages en = messages(Language.ENGLISH);
        shoot(robot, "01-welcome-ja");
        click(robot, "#lang-en");
        assertEquals(en.text("welcome.title"), text(robot, "#welcome-title"));
        shoot(robot, "02-welcome-en");
        click(robot, "#start");
        waitFor(robot, "#terms-title");
        shoot(robot, "03-terms-en");
        click(robot, "#terms-agree");
        waitFor(robot, "#welcome-prompt");
        assertEquals(en.text("welcome.prompt"), text(robot, "#welcome-prompt"));
        shoot(robot, "04-place-card-en");

        click(robot, "#card-adult");
        waitFor(robot, "#pin-title");
        shoot(robot, "05-pin-en");
        typePin(robot, pin("adult"));
        assertEquals("●●●●", text(robot, "#pin-dots"));
        shoot(robot, "06-pin-typed-en");
        click(robot, "#pin-ok");

        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        shoot(robot, "07-menu-en");
        click(robot, "#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-title");
        shoot(robot, "075-options-en");
        click(robot, "#options-next");
        waitFor(robot, "#copies-title");
        assertEquals(en.format("copies.total", 200), text(robot, "#copies-total"));
        shoot(robot, "08-copies-en");
        click(robot, "#copies-pay");

        waitFor(robot, "#pay-title");
        assertEquals(en.format("pay.due", 200), text(robot, "#pay-due"));
        shoot(robot, "09-payment-en");
        try (Stream<Path> printed = Files.list(dir.resolve("out"))) {
            assertEquals(0, printed.count(), "nothing is printed before the fee is paid");
        } catch (java.nio.file.NoSuchFileException none) {
            // not even the output directory exists yet
        }
        click(robot, "#cash-100");
        waitForText(robot, "#pay-due", en.format("pay.due", 100));
        shoot(robot, "10-payment-part-en");
        click(robot, "#cash-100");

        waitFor(robot, "#result-message");
        assertEquals(en.text("outcome.ISSUED"), text(robot, "#result-message"));
        shoot(robot, "11-take-card-en");
        assertEquals(1, pdfs(), "one document printed");
        assertEquals(400, demo.payment().takenYen() + 200, "200 yen taken");

        click(robot, "#remove-card");
        waitFor(robot, "#documents-title");
        shoot(robot, "12-take-documents-en");
        click(robot, "#documents-taken");
        waitFor(robot, "#welcome-title");
        assertEquals(messages(Language.JAPANESE).text("welcome.title"), text(robot, "#welcome-title"),
                "the next resident starts in Japanese: nothing of the last one is left");
        assertYen("PAID", 200);
    }

    @Test
    void aResidentIssuesTwoCopiesInJapaneseAndGetsChange(FxRobot robot) throws Exception {
        Messages ja = messages(Language.JAPANESE);
        click(robot, "#lang-ja");
        click(robot, "#start");
        click(robot, "#terms-agree");
        waitFor(robot, "#welcome-prompt");
        shoot(robot, "04-place-card-ja");
        click(robot, "#card-spouse");
        waitFor(robot, "#pin-title");
        shoot(robot, "05-pin-ja");
        typePin(robot, pin("spouse"));
        click(robot, "#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        shoot(robot, "07-menu-ja");
        click(robot, "#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-title");
        shoot(robot, "075-options-ja");
        click(robot, "#options-next");
        waitFor(robot, "#copies-plus");
        click(robot, "#copies-plus");
        assertEquals("2通", text(robot, "#copies-count"));
        assertEquals("合計：400円", text(robot, "#copies-total"));
        shoot(robot, "08-copies-ja");
        click(robot, "#copies-pay");
        waitFor(robot, "#pay-title");
        assertEquals("残り：400円", text(robot, "#pay-due"));
        shoot(robot, "09-payment-ja");
        click(robot, "#cash-500");
        waitFor(robot, "#result-message");
        assertEquals(ja.text("outcome.ISSUED"), text(robot, "#result-message"));
        shoot(robot, "11-take-card-ja");
        assertEquals(1, pdfs());
        assertEquals(100, demo.payment().paidOutYen(), "100 yen change");
        assertYen("CHANGE_GIVEN", 100);
        click(robot, "#remove-card");
        waitFor(robot, "#documents-title");
        shoot(robot, "12-take-documents-ja");
    }

    @Test
    void aResidentChoosesMembersAndItemsAndTheCopyShowsOnlyThem(FxRobot robot) throws Exception {
        placeCardIn(robot, "adult", Language.ENGLISH);
        typePin(robot, pin("adult"));
        click(robot, "#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        click(robot, "#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-selected");
        click(robot, "#options-selected");
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
        click(robot, "#member-" + spouse);
        if (shown(robot, "#item-HEAD_AND_RELATIONSHIP")) {
            click(robot, "#item-HEAD_AND_RELATIONSHIP");
        }
        shoot(robot, "076-options-selected-en");
        click(robot, "#options-next");
        waitFor(robot, "#copies-pay");
        click(robot, "#copies-pay");
        waitFor(robot, "#cash-100");
        click(robot, "#cash-100");
        waitForText(robot, "#pay-due", messages(Language.ENGLISH).format("pay.due", 100));
        click(robot, "#cash-100");
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
        Messages ja = messages(Language.JAPANESE);
        Messages en = messages(Language.ENGLISH);
        placeCard(robot, "single");
        String right = pin("single");
        typePin(robot, wrong(right, 1));
        click(robot, "#pin-ok");
        waitFor(robot, "#pin-problem");
        assertEquals(ja.text("pin.wrong"), text(robot, "#pin-problem"));
        assertEquals("残り回数：2", text(robot, "#pin-tries-left"));
        assertFalse(shown(robot, "#pin-last-try"));
        assertTrue(robot.lookup("#pin-ok").queryButton().isDisabled(), "OK needs four digits");
        shoot(robot, "06-pin-wrong-ja");

        typePin(robot, wrong(right, 2));
        click(robot, "#pin-ok");
        waitFor(robot, "#pin-last-try");
        assertEquals("残り回数：1", text(robot, "#pin-tries-left"));
        assertEquals(ja.text("pin.lastTry"), text(robot, "#pin-last-try"));
        shoot(robot, "06-pin-last-try-ja");
        assertTrue(cues.contains(AudioCues.Cue.ATTENTION), "a wrong PIN is heard too");
        click(robot, "#text-size");
        assertTrue(model.largeText.get());
        // the language can only be chosen on the welcome screen: switch in the model for the English picture
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        assertEquals(en.text("pin.lastTry"), text(robot, "#pin-last-try"));
        shoot(robot, "06-pin-last-try-en-large");

        typePin(robot, wrong(right, 3));
        click(robot, "#pin-ok");
        waitFor(robot, "#result-message");
        assertEquals(en.text("outcome.PIN_BLOCKED"), text(robot, "#result-message"));
        shoot(robot, "20-error-pin-blocked-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "20-error-pin-blocked-ja");
        assertEquals(0, demo.slot().triesLeft("single"));
        click(robot, "#remove-card");
        waitFor(robot, "#welcome-title");
    }

    @Test
    void cardsThatCannotBeUsedSayWhatToDoNext(FxRobot robot) throws Exception {
        for (String language : List.of("en", "ja")) {
            Language lang = language.equals("en") ? Language.ENGLISH : Language.JAPANESE;
            Messages text = messages(lang);
            placeCardIn(robot, VirtualCardSlot.NOT_MY_NUMBER_CARD, lang);
            waitFor(robot, "#result-message");
            assertEquals(text.text("outcome.NOT_MY_NUMBER_CARD"), text(robot, "#result-message"));
            shoot(robot, "21-error-not-my-number-card-" + language);
            click(robot, "#remove-card");
            waitFor(robot, "#welcome-title");

            placeCardIn(robot, "expired", lang);
            waitFor(robot, "#result-message");
            assertEquals(text.text("outcome.REFUSED_CERTIFICATE_EXPIRED"), text(robot, "#result-message"));
            shoot(robot, "22-error-expired-" + language);
            click(robot, "#remove-card");
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
                click(robot, "#pin-ok");
                waitFor(robot, "#result-message");
                assertEquals(messages(lang).text(c[1]), text(robot, "#result-message"), c[0]);
                shoot(robot, c[2] + "-" + lang.locale().getLanguage());
                click(robot, "#remove-card");
                waitFor(robot, "#welcome-title");
            }
        }
    }

    @Test
    void aPrinterThatCannotPrintRefusesTheOrderBeforeTheFeeAndSaysSo(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("out"), "a file where the printer wants a directory: the printer cannot print");
        Messages en = messages(Language.ENGLISH);
        placeCardIn(robot, "adult", Language.ENGLISH);
        typePin(robot, pin("adult"));
        click(robot, "#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        click(robot, "#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-next");
        click(robot, "#options-next");
        waitFor(robot, "#copies-pay");
        click(robot, "#copies-pay");
        waitFor(robot, "#result-message");
        assertEquals(en.text("outcome.PRINTER_OUT_OF_SERVICE"), text(robot, "#result-message"));
        shoot(robot, "23-error-printer-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "23-error-printer-ja");
        assertEquals(0, demo.payment().takenYen(), "the fee was never asked for");
        assertEquals(0, demo.payment().paidOutYen());
    }

    @Test
    void anUnreachableEndpointSaysTryLater(FxRobot robot) throws Exception {
        demo.simulator().close();
        placeCardIn(robot, "adult", Language.ENGLISH);
        typePin(robot, pin("adult"));
        click(robot, "#pin-ok");
        waitFor(robot, "#result-message");
        assertEquals(messages(Language.ENGLISH).text("outcome.SERVICE_UNAVAILABLE"),
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
                assertEquals(messages(lang).text(c.key()), text(robot, "#result-message"), c.name());
                shoot(robot, c.name() + "-" + lang.locale().getLanguage());
            }
        }
        assertEquals(messages(Language.JAPANESE).text("result.problem"), text(robot, "#result-heading"),
                "a refusal is headed as not issued");
        assertFalse(robot.lookup("#steps").query().isVisible(), "no step indicator once a transaction was refused");
        Issuance issuance = new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200,
                new DocumentBinding("i-1", "s", "c"), new byte[] {1});
        for (Language lang : List.of(Language.ENGLISH, Language.JAPANESE)) {
            robot.interact(() -> {
                model.chooseLanguage(lang);
                model.preview(new FlowState.Printing("tx", null, null, issuance, true));
            });
            assertTrue(shown(robot, "#print-progress"));
            shoot(robot, "13-printing-" + lang.locale().getLanguage());
            robot.interact(() -> model.preview(new FlowState.VerifyingPin("tx", null, 3)));
            assertEquals(messages(lang).text("busy.verifying"), text(robot, "#busy-message"));
            shoot(robot, "14-checking-" + lang.locale().getLanguage());
        }
    }

    @Test
    void everyLanguageDrawsTheWelcomeAndThePinPad(FxRobot robot) throws Exception {
        for (Language lang : Language.values()) {
            click(robot, "#" + lang.buttonId());
            assertEquals(messages(lang).text("welcome.title"), text(robot, "#welcome-title"));
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
        click(robot, "#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        ScreenShots.shoot(robot, landscape.get(), "62-landscape-menu-en");
    }

    // --- voice guidance and the tactile keypad

    /**
     * A resident who cannot read the screen: the keypad alone, voice on, from the welcome screen to
     * the documents. Placing the card and inserting coins are what hands do at the reader and the
     * acceptor (the demo's virtual card and coins).
     */
    @Test
    void aWholeIssuanceByTheKeypadAloneWithVoiceGuidance(FxRobot robot) throws Exception {
        press(robot, KeyCode.F4, true);
        press(robot, KeyCode.A, false);
        assertFalse(model.voiceOn.get(), "keys that are not the keypad's mean nothing");
        press(robot, KeyCode.NUMPAD2, false);
        assertTrue(model.voiceOn.get(), "the first keypad key turns voice guidance on");
        assertEquals(List.of("ja:voice.on", "ja:voice.welcome"), List.copyOf(spoken));
        press(robot, KeyCode.NUMPAD2, false);
        waitForText(robot, "#welcome-title", messages(Language.ENGLISH).text("welcome.title"));
        shoot(robot, "44-welcome-voice-en");
        press(robot, KeyCode.ENTER, false);
        waitFor(robot, "#terms-title");
        press(robot, KeyCode.ENTER, false);
        waitFor(robot, "#welcome-prompt");
        // the hand places the card; the reader reports it (on a PC/SC reader its watcher does)
        background.execute(() -> {
            parts.demo().orElseThrow().placeCard("adult");
            demo.engine().dispatch(new FlowEvent.CardInserted("tx-keypad"));
        });
        waitFor(robot, "#pin-title");
        for (char digit : pin("adult").toCharArray()) {
            press(robot, KeyCode.valueOf("NUMPAD" + digit), false);
        }
        assertEquals("●●●●", text(robot, "#pin-dots"));
        press(robot, KeyCode.ENTER, false);
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        press(robot, KeyCode.DIGIT1, false);
        waitFor(robot, "#options-title");
        press(robot, KeyCode.ENTER, false);
        waitFor(robot, "#copies-title");
        press(robot, KeyCode.ENTER, false);
        waitFor(robot, "#pay-title");
        background.execute(() -> parts.demo().orElseThrow().insertMoney(100));
        waitForText(robot, "#pay-due", messages(Language.ENGLISH).format("pay.due", 100));
        background.execute(() -> parts.demo().orElseThrow().insertMoney(100));
        waitFor(robot, "#result-message");
        assertEquals(messages(Language.ENGLISH).text("outcome.ISSUED"), text(robot, "#result-message"));
        assertEquals(1, pdfs());
        background.execute(() -> {
            parts.demo().orElseThrow().removeCard();
            demo.engine().dispatch(new FlowEvent.CardRemoved());
        });
        waitFor(robot, "#documents-title");
        press(robot, KeyCode.ENTER, false);
        waitFor(robot, "#welcome-title");

        List<String> said = List.copyOf(spoken);
        for (String prompt : List.of("en:voice.welcome", "en:voice.terms", "en:voice.placeCard", "en:voice.pin",
                "en:voice.menu", "en:voice.options", "en:voice.copies", "en:voice.payment", "en:voice.done",
                "en:voice.takeDocuments")) {
            assertTrue(said.contains(prompt), prompt + " in " + said);
        }
        assertEquals(4, said.stream().filter("en:voice.digitEntered"::equals).count(), "one word per digit: " + said);
        for (String line : said) {
            String key = line.substring(line.indexOf(':') + 1);
            assertTrue(messages(Language.ENGLISH).has(key) && key.startsWith("voice."), "only recorded prompts: " + line);
        }
    }

    /** A key from the keypad (or any keyboard), as the window receives it. */
    void press(FxRobot robot, KeyCode code, boolean alt) {
        robot.interact(() -> scene.getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, alt, false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The idle tick changes the words that change, and rebuilds nothing. */
    @Test
    void theIdleTickUpdatesTheWarningWithoutRebuildingTheScreen(FxRobot robot) throws Exception {
        placeCardIn(robot, "adult", Language.ENGLISH);
        waitFor(robot, "#pin-title");
        Node title = onFx(() -> robot.lookup("#pin-title").query());
        Node five = onFx(() -> robot.lookup("#digit-5").query());
        clock.advance(Duration.ofSeconds(61));
        robot.interact(model::tick);
        waitFor(robot, "#idle-body");
        String before = text(robot, "#idle-body");
        Node body = onFx(() -> robot.lookup("#idle-body").query());
        clock.advance(Duration.ofSeconds(5));
        robot.interact(model::tick);
        assertFalse(before.equals(text(robot, "#idle-body")), "the seconds count down");
        assertSame(title, onFx(() -> robot.lookup("#pin-title").query()));
        assertSame(five, onFx(() -> robot.lookup("#digit-5").query()));
        assertSame(body, onFx(() -> robot.lookup("#idle-body").query()));
        robot.interact(model::tick);
        assertSame(title, onFx(() -> robot.lookup("#pin-title").query()));
    }

    // --- accessibility, idle, card left

    @Test
    void textSizeAndContrastToggleOnTheScreen(FxRobot robot) throws Exception {
        click(robot, "#lang-en");
        click(robot, "#text-size");
        click(robot, "#contrast");
        assertTrue(scene.getRoot().getStyleClass().contains("high-contrast"));
        assertTrue(scene.getRoot().getStyleClass().contains("large-text"));
        shoot(robot, "41-welcome-en-large-high-contrast");
        click(robot, "#start");
        click(robot, "#terms-agree");
        waitFor(robot, "#card-adult");
        click(robot, "#card-adult");
        waitFor(robot, "#pin-title");
        assertTrue(scene.getRoot().getStyleClass().contains("high-contrast"), "the choice holds through the session");
        shoot(robot, "42-pin-en-large-high-contrast");
        click(robot, "#contrast");
        assertFalse(scene.getRoot().getStyleClass().contains("high-contrast"));
        click(robot, "#cancel");
        waitFor(robot, "#remove-card");
        click(robot, "#remove-card");
        waitFor(robot, "#welcome-title");
        assertFalse(scene.getRoot().getStyleClass().contains("large-text"), "the next resident starts with normal text");
    }

    @Test
    void anIdleResidentIsWarnedThenTheSessionIsWipedAndALeftCardAlarms(FxRobot robot) throws Exception {
        Messages en = messages(Language.ENGLISH);
        placeCardIn(robot, "adult", Language.ENGLISH);
        click(robot, "#digit-1");
        click(robot, "#digit-2");
        clock.advance(Duration.ofSeconds(61));
        robot.interact(model::tick);
        waitFor(robot, "#idle-title");
        assertEquals(en.text("idle.title"), text(robot, "#idle-title"));
        assertTrue(cues.contains(AudioCues.Cue.ATTENTION));
        shoot(robot, "43-idle-warning-en");
        click(robot, "#idle-still-here");
        assertFalse(shown(robot, "#idle-title"), "a touch keeps the session");
        assertEquals(2, model.pin.digitsTyped());

        clock.advance(Duration.ofSeconds(91));
        robot.interact(model::tick);
        waitFor(robot, "#result-message");
        assertEquals(0, model.pin.digitsTyped(), "the typed digits are gone");
        assertEquals(messages(Language.JAPANESE).text("outcome.TIMED_OUT"), text(robot, "#result-message"),
                "the session is wiped, language too");
        assertJournal("TIMED_OUT", null);

        cues.clear();
        clock.advance(Duration.ofSeconds(KioskModel.CARD_LEFT_AFTER_SECONDS + 2));
        robot.interact(model::tick);
        waitFor(robot, "#card-left");
        assertEquals(messages(Language.JAPANESE).text("result.cardLeft"), text(robot, "#card-left"));
        robot.interact(model::tick);
        clock.advance(Duration.ofSeconds(1));
        robot.interact(model::tick);
        assertTrue(cues.contains(AudioCues.Cue.CARD_LEFT), "the alarm sounds: " + cues);
        if (!scene.getRoot().getStyleClass().contains("flash")) {
            robot.interact(model::tick);
        }
        assertTrue(scene.getRoot().getStyleClass().contains("flash"), "the screen flashes");
        shoot(robot, "15-card-left-ja");
        click(robot, "#remove-card");
        waitFor(robot, "#welcome-title");
    }

    // --- staff mode and lockdown

    @Test
    void staffOpenTheHiddenPanelWithThePinAndEveryActionIsJournaled(FxRobot robot) throws Exception {
        Messages ja = messages(Language.JAPANESE);
        for (int i = 0; i < KioskModel.STAFF_GESTURE_TAPS - 1; i++) {
            click(robot, "#staff-corner");
        }
        assertFalse(shown(robot, "#staff-title"), "four taps are not enough");
        click(robot, "#staff-corner");
        waitFor(robot, "#staff-title");
        shoot(robot, "50-staff-pin-ja");

        typeStaffPin(robot, "999999");
        click(robot, "#staff-pin-ok");
        waitForText(robot, "#staff-notice", ja.format("staff.wrongPin", 1));
        typeStaffPin(robot, SimulatedEnvironment.STAFF_PIN);
        click(robot, "#staff-pin-ok");
        waitForText(robot, "#staff-notice", ja.format("staff.tooSoon", 1));
        assertFalse(shown(robot, "#staff-panel-title"),
                "within the backoff even the right PIN is not checked");
        shoot(robot, "51-staff-pin-backoff-ja");
        clock.advance(Duration.ofSeconds(2));
        typeStaffPin(robot, SimulatedEnvironment.STAFF_PIN);
        click(robot, "#staff-pin-ok");
        waitFor(robot, "#staff-panel-title");
        String working = ja.text("staff.working");
        waitForText(robot, "#staff-endpoint", ja.format("staff.endpoint", working + " (" + demo.config().endpoint().baseUri() + ")"));
        assertEquals(ja.format("staff.printer", working), text(robot, "#staff-printer"));
        assertEquals(ja.format("staff.summary", 0, 0, 0, 0, 0), text(robot, "#staff-summary"));

        click(robot, "#staff-test-print");
        waitForText(robot, "#staff-notice", ja.text("staff.testPrinted"));
        assertEquals(1, pdfs());
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        assertEquals(messages(Language.ENGLISH).format("staff.printer", messages(Language.ENGLISH).text("staff.working")),
                text(robot, "#staff-printer"), "the staff panel speaks the screen's language too");
        shoot(robot, "52-staff-panel-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "52-staff-panel-ja");

        click(robot, "#staff-out-of-service");
        click(robot, "#staff-leave");
        waitFor(robot, "#out-of-service");
        assertFalse(shown(robot, "#card-adult"), "no card is taken out of service");
        shoot(robot, "53-out-of-service-ja");
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        shoot(robot, "53-out-of-service-en");

        for (int i = 0; i < KioskModel.STAFF_GESTURE_TAPS; i++) {
            click(robot, "#staff-corner");
        }
        typeStaffPin(robot, SimulatedEnvironment.STAFF_PIN);
        click(robot, "#staff-pin-ok");
        waitFor(robot, "#staff-panel-title");
        click(robot, "#staff-out-of-service");
        click(robot, "#staff-restart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> restarts.get() == 1);
        click(robot, "#staff-leave");
        waitFor(robot, "#welcome-title");

        List<String> expected = List.of("wrong staff PIN", "staff mode entered", "test print: completed",
                "out of service switched on", "staff mode left", "staff mode entered", "out of service switched off",
                "restart requested", "staff mode left");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> staffRows().size() == expected.size());
        assertEquals(expected, staffRows());
        assertFalse(Files.readString(dir.resolve("var").resolve("staff-pin")).contains(SimulatedEnvironment.STAFF_PIN),
                "the staff PIN is stored only as a hash");
    }

    @Test
    void anUncaughtErrorShowsOutOfServiceNotAStackTraceThenExitsForARestart(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<Integer> exitCode = new java.util.concurrent.CompletableFuture<>();
        KioskUi.fatal(model, new IllegalStateException("something broke"), Duration.ofMillis(200), exitCode::complete);
        waitFor(robot, "#out-of-service-reason");
        assertEquals(messages(Language.JAPANESE).text("outOfService.fault"),
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
        click(robot, "#pin-ok");
        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        assertNoTextField();
        click(robot, "#doc-RESIDENT_RECORD_COPY");
        waitFor(robot, "#options-next");
        click(robot, "#options-next");
        waitFor(robot, "#copies-pay");
        assertNoTextField();
        click(robot, "#copies-pay");
        waitFor(robot, "#pay-title");
        assertNoTextField();
        click(robot, "#cancel");
        waitFor(robot, "#result-message");
        assertEquals(messages(Language.ENGLISH).text("outcome.CANCELLED"), text(robot, "#result-message"));
        assertTrue(pdfs() == 0, "cancelled at payment: nothing printed");
        assertNoTextField();
    }

    // --- helpers

    List<String> staffRows() {
        return demo.journal().entries().stream().filter(e -> e.stage() == JournalStage.STAFF
                || e.stage() == JournalStage.STAFF_OUT_OF_SERVICE || e.stage() == JournalStage.STAFF_BACK_IN_SERVICE).map(JournalEntry::detail).toList();
    }

    static Messages messages(Language language) {
        return Messages.of(language);
    }

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
            click(robot, "#digit-" + digit);
        }
    }

    static void typeStaffPin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            click(robot, "#staff-digit-" + digit);
        }
    }

    void placeCard(FxRobot robot, String profile) throws Exception {
        click(robot, "#start");
        click(robot, "#terms-agree");
        waitFor(robot, "#card-" + profile);
        click(robot, "#card-" + profile);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !(model.state() instanceof FlowState.Welcome)
                && !(model.state() instanceof FlowState.ReadingCard));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void placeCardIn(FxRobot robot, String profile, Language lang) throws Exception {
        click(robot, "#" + lang.buttonId());
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

    /** A row of the stage with that amount in its typed yen column. */
    void assertYen(String stage, int yen) {
        assertTrue(demo.journal().entries().stream().anyMatch(e -> e.stage().name().equals(stage)
                && e.yen() != null && e.yen() == yen), stage + " " + yen + " yen in " + demo.journal().entries());
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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, query));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a node is on the screen now: in the current screen's view, and visible. */
    static boolean shown(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(KioskUiTest::onScreen).orElse(false));
    }

    /** In the scene and visible, its ancestors too. */
    static boolean onScreen(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A touch where the node is now: the layout is brought up to date first (a new language or
     * text size moves things at the next pulse, and a touch aimed before it would land elsewhere).
     */
    static void click(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Parent root = robot.lookup(query).query().getScene().getRoot();
            root.applyCss();
            root.layout();
        });
        robot.clickOn(query);
    }

    static void waitForText(FxRobot robot, String query, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(query).tryQuery()
                .map(n -> expected.equals(((Label) n).getText())).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

}
