package jp.certkiosk.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.ui.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every screen's view-model, without JavaFX: what it shows, in which language, and what a touch or a key sends to the flow. */
class ScreenModelsTest {
    @TempDir Path dir;

    ScreenFixture kiosk(boolean demo) {
        return new ScreenFixture(dir, demo);
    }

    @Test
    void welcomeChoosesTheLanguageByTouchOrKeyAndStarts() {
        ScreenFixture f = kiosk(false);
        KioskModel m = f.model;
        assertEquals(Screen.WELCOME, m.screen.get());
        assertEquals("各種証明書を発行できます", m.welcome.title.get());
        m.welcome.choose(Language.ENGLISH);
        assertEquals("Certificates issued here", m.welcome.title.get());
        assertEquals(Language.ENGLISH, m.welcome.chosen.get());
        assertEquals(Optional.empty(), m.step.get(), "no step indicator before a transaction");

        m.key(KeypadKey.D5);
        assertTrue(m.voiceOn.get(), "the first key of the keypad turns voice guidance on");
        assertEquals(Language.ENGLISH, m.language.get(), "and does nothing else");
        m.key(KeypadKey.D5);
        assertEquals(Language.KOREAN, m.language.get(), "5 is the fifth language shown");
        m.key(KeypadKey.ENTER);
        assertEquals(Screen.TERMS, m.screen.get());
        assertTrue(f.spoken.contains("ko:voice.terms"), f.spoken.toString());
    }

    @Test
    void termsAgreeOrGoBack() {
        KioskModel m = kiosk(false).model;
        m.welcome.start();
        assertEquals(Messages.of(Language.JAPANESE).text("terms.title"), m.terms.title.get());
        m.terms.back();
        assertEquals(Screen.WELCOME, m.screen.get());
        m.welcome.start();
        m.terms.agree();
        assertEquals(Screen.PLACE_CARD, m.screen.get());
        assertEquals(Optional.of(Step.CARD), m.step.get(), "placing the card is the first step");
    }

    @Test
    void placeCardOffersVirtualCardsOnlyInADemo() {
        ScreenFixture store = kiosk(false);
        assertEquals(List.of(), store.model.placeCard.cardProfiles());
        ScreenFixture demo = new ScreenFixture(dir.resolve("demo"), true);
        assertEquals(List.of("adult", "spouse"), demo.model.placeCard.cardProfiles());
        demo.model.welcome.start();
        demo.model.terms.agree();
        demo.model.placeCard.place("adult");
        assertEquals(List.of("place adult"), demo.demoActions);
        assertInstanceOf(FlowEvent.CardInserted.class, demo.lastEvent(), "a card placed starts a transaction");
    }

    @Test
    void pinPadShowsDotsSendsExactlyTheDigitsAndNeverSaysThem() {
        ScreenFixture f = kiosk(false);
        KioskModel m = f.model;
        m.toggleVoice();
        f.enteringPin(3, false);
        assertEquals(Screen.PIN, m.screen.get());
        assertEquals(Optional.of(Step.PIN), m.step.get());
        assertEquals("○○○○", m.pin.dots.get());
        assertFalse(m.pin.okEnabled.get());
        for (char d : "1234".toCharArray()) {
            m.pin.digit(d);
        }
        m.pin.digit('5');
        assertEquals("●●●●", m.pin.dots.get(), "four digits at most");
        m.key(KeypadKey.BACKSPACE);
        assertEquals("●●●○", m.pin.dots.get());
        m.key(KeypadKey.D9);
        assertTrue(m.pin.okEnabled.get());
        assertEquals("", m.pin.triesLeft.get(), "tries left show only below three");
        m.key(KeypadKey.ENTER);
        FlowEvent.PinEntered entered = assertInstanceOf(FlowEvent.PinEntered.class, f.lastEvent());
        assertEquals("1239", new String(entered.pin().digits()));
        assertEquals(0, m.pin.digitsTyped(), "the typed digits are gone once handed over");
        assertEquals(5, f.spoken.stream().filter(s -> s.equals("ja:voice.digitEntered")).count(), "one per digit typed: " + f.spoken);
        assertTrue(f.spoken.stream().allMatch(s -> s.matches("[a-zA-Z-]+:voice\\.[a-zA-Z]+")), "only prompts are said: " + f.spoken);

        f.enteringPin(1, true);
        assertEquals("暗証番号が違います。", m.pin.problem.get());
        assertEquals("残り回数：1", m.pin.triesLeft.get());
        assertTrue(m.pin.lastTry.get().startsWith("あと1回"), m.pin.lastTry.get());
        assertTrue(f.spoken.containsAll(List.of("ja:voice.pinWrong", "ja:voice.pinLastTry")), f.spoken.toString());
        m.key(KeypadKey.ESCAPE);
        assertInstanceOf(FlowEvent.Cancelled.class, f.lastEvent());
    }

    @Test
    void busyScreensSayWhatTheKioskIsDoing() {
        ScreenFixture f = kiosk(false);
        f.language(Language.ENGLISH);
        f.flowTo(new FlowState.VerifyingPin("tx", null, 3));
        assertEquals(Screen.BUSY, f.model.screen.get());
        assertEquals("Checking your PIN…", f.model.busy.title.get());
        assertEquals(Optional.of(Step.PIN), f.model.step.get());
        f.flowTo(new FlowState.Reserving("tx", null, ScreenFixture.SESSION, DocumentType.RESIDENT_RECORD_COPY, 1));
        assertEquals("Preparing your document…", f.model.busy.title.get());
        assertEquals(Optional.of(Step.DOCUMENT), f.model.step.get());
    }

    @Test
    void menuListsTheMunicipalitysDocumentsAndChoosesByNumber() {
        ScreenFixture f = kiosk(false);
        f.language(Language.ENGLISH);
        f.choosing();
        KioskModel m = f.model;
        assertEquals(Screen.MENU, m.screen.get());
        assertEquals("Issued by 千代田区", m.menu.municipality.get());
        assertEquals(List.of("doc-RESIDENT_RECORD_COPY", "doc-SEAL_REGISTRATION"),
                m.menu.documents.get().stream().map(MenuModel.Choice::id).toList());
        assertEquals("Copy of resident record (住民票の写し)", m.menu.documents.get().get(0).name());
        assertEquals("300 yen", m.menu.documents.get().get(1).fee());
        m.toggleVoice();
        m.key(KeypadKey.D2);
        assertEquals(Screen.COPIES, m.screen.get(), "a seal certificate has no options");
        m.key(KeypadKey.ESCAPE);
        assertEquals(Screen.MENU, m.screen.get());
        m.key(KeypadKey.D1);
        assertEquals(Screen.OPTIONS, m.screen.get());
    }

    @Test
    void optionsShowWhatIsChosenAndNeedAMemberWhenSelecting() {
        ScreenFixture f = kiosk(false);
        f.language(Language.ENGLISH);
        f.choosing();
        KioskModel m = f.model;
        m.menu.choose(ScreenFixture.MENU.documents().get(0));
        assertTrue(m.options.wholeChosen.get());
        assertEquals(List.of(), m.options.members.get(), "members show only for selected members");
        assertEquals(List.of("item-HEAD_AND_RELATIONSHIP"), m.options.items.get().stream().map(OptionsModel.Option::id).toList());
        m.options.chooseWholeHousehold(false);
        assertFalse(m.options.nextEnabled.get(), "selected members need a member");
        assertEquals(2, m.options.members.get().size());
        m.options.members.get().get(1).toggle().run();
        assertTrue(m.options.members.get().get(1).chosen());
        assertFalse(m.options.members.get().get(0).chosen());
        m.options.items.get().get(0).toggle().run();
        assertTrue(m.options.items.get().get(0).chosen());
        m.options.next();
        assertEquals(Screen.COPIES, m.screen.get());
        m.copies.pay();
        FlowEvent.DocumentChosen chosen = assertInstanceOf(FlowEvent.DocumentChosen.class, f.lastEvent());
        assertEquals(List.of("m2"), chosen.options().memberRefs());
        assertEquals(java.util.Set.of(IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP), chosen.options().items());
    }

    @Test
    void copiesUsePluralRulesAndTheFeeFollows() {
        ScreenFixture f = kiosk(false);
        f.language(Language.ENGLISH);
        f.choosing();
        KioskModel m = f.model;
        m.menu.choose(ScreenFixture.MENU.documents().get(1));
        assertEquals("1 copy", m.copies.count.get());
        assertEquals("Total: 300 yen", m.copies.total.get());
        assertFalse(m.copies.fewerEnabled.get());
        m.copies.more();
        assertEquals("2 copies", m.copies.count.get());
        assertEquals("Total: 600 yen", m.copies.total.get());
        m.chooseLanguage(Language.SPANISH);
        assertEquals("2 copias", m.copies.count.get());
        m.copies.fewer();
        assertEquals("1 copia", m.copies.count.get());
        m.chooseLanguage(Language.JAPANESE);
        assertEquals("1通", m.copies.count.get());
        m.toggleVoice();
        m.key(KeypadKey.D3);
        assertEquals(3, m.copies.copies());
        m.key(KeypadKey.ENTER);
        FlowEvent.DocumentChosen chosen = assertInstanceOf(FlowEvent.DocumentChosen.class, f.lastEvent());
        assertEquals(3, chosen.copies());
        assertEquals(DocumentType.SEAL_REGISTRATION, chosen.type());
    }

    @Test
    void paymentShowsWhatIsDueAndOnlyADemoHasCoins() {
        ScreenFixture f = kiosk(false);
        f.language(Language.ENGLISH);
        f.flowTo(new FlowState.Paying("tx", null, ScreenFixture.SESSION, ScreenFixture.ISSUANCE, 100));
        assertEquals(Screen.PAYMENT, f.model.screen.get());
        assertEquals(Optional.of(Step.PAY), f.model.step.get());
        assertEquals("Still due: 100 yen", f.model.paymentScreen.due.get());
        assertEquals(List.of(), f.model.paymentScreen.demoCash.get());
        f.payment.startAccepting(100);
        f.payment.insert(100);
        assertEquals(new FlowEvent.CashInserted(100), f.lastEvent(), "money taken goes to the flow");

        ScreenFixture demo = new ScreenFixture(dir.resolve("demo"), true);
        demo.flowTo(new FlowState.Paying("tx", null, ScreenFixture.SESSION, ScreenFixture.ISSUANCE, 0));
        assertEquals(5, demo.model.paymentScreen.demoCash.get().size());
        demo.model.paymentScreen.insert(500);
        assertEquals(List.of("insert 500"), demo.demoActions);
    }

    @Test
    void printingAskToLeaveTheCard() {
        ScreenFixture f = kiosk(false);
        f.flowTo(new FlowState.Printing("tx", null, ScreenFixture.SESSION, ScreenFixture.ISSUANCE, true));
        assertEquals(Screen.PRINTING, f.model.screen.get());
        assertEquals(Optional.of(Step.PRINT), f.model.step.get());
        assertTrue(f.model.printing.wait.get().contains("カード"), f.model.printing.wait.get());
    }

    @Test
    void resultSaysWhatHappenedAndAlarmsWhenTheCardIsLeft() {
        ScreenFixture f = kiosk(false);
        f.language(Language.ENGLISH);
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.Refused(ErrorCode.CERTIFICATE_SUSPENDED)));
        KioskModel m = f.model;
        assertEquals(Screen.RESULT, m.screen.get());
        assertEquals(Optional.empty(), m.step.get(), "a refusal ends the steps");
        assertFalse(m.result.issued.get());
        assertTrue(m.result.message.get().contains("0120-95-0178"), m.result.message.get());
        assertEquals("", m.result.cardLeft.get());
        f.clock.advance(Duration.ofSeconds(KioskModel.CARD_LEFT_AFTER_SECONDS + 2));
        m.tick();
        assertEquals("Your card is still on the reader! Please take it.", m.result.cardLeft.get());
        assertTrue(m.flash.get());
        m.tick();
        assertFalse(m.flash.get(), "the screen flashes on every other second");
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.Issued("i-1", DocumentType.RESIDENT_RECORD_COPY, "x")));
        assertTrue(m.result.issued.get());
        assertEquals(Optional.of(Step.PRINT), m.step.get());
    }

    @Test
    void takeDocumentsFollowsAnIssuedTransactionOnly() {
        ScreenFixture f = kiosk(false);
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.Cancelled()));
        f.flowTo(new FlowState.Welcome());
        assertEquals(Screen.WELCOME, f.model.screen.get());
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.Issued("i-1", DocumentType.RESIDENT_RECORD_COPY, "x")));
        f.flowTo(new FlowState.Welcome());
        assertEquals(Screen.TAKE_DOCUMENTS, f.model.screen.get());
        assertEquals(Messages.of(Language.JAPANESE).text("documents.title"), f.model.takeDocuments.title.get());
        f.model.takeDocuments.done();
        assertEquals(Screen.WELCOME, f.model.screen.get());
    }

    @Test
    void outOfServiceTakesNoCard() {
        ScreenFixture f = new ScreenFixture(dir, true);
        f.model.outOfService("outOfService.staff");
        assertEquals(Screen.OUT_OF_SERVICE, f.model.screen.get());
        assertFalse(f.model.outOfService.reason.get().isEmpty());
        f.model.placeCard.place("adult");
        assertEquals(List.of(), f.demoActions);
        f.model.backInService();
        assertEquals(Screen.WELCOME, f.model.screen.get());
    }

    @Test
    void staffPinBacksOffThenOpensThePanelInTheScreensLanguage() {
        ScreenFixture f = kiosk(false);
        KioskModel m = f.model;
        m.chooseLanguage(Language.ENGLISH);
        for (int i = 0; i < KioskModel.STAFF_GESTURE_TAPS; i++) {
            m.cornerTapped();
        }
        assertEquals(Screen.STAFF_PIN, m.screen.get());
        for (char d : "999999".toCharArray()) {
            m.staffPinScreen.digit(d);
        }
        m.staffPinScreen.submit();
        assertEquals("Wrong staff PIN. Wait 1 second before trying again.", m.staffPinScreen.notice.get());
        f.clock.advance(Duration.ofSeconds(2));
        for (char d : ScreenFixture.STAFF_PIN.toCharArray()) {
            m.staffPinScreen.digit(d);
        }
        m.staffPinScreen.submit();
        assertEquals(Screen.STAFF_PANEL, m.screen.get());
        assertEquals("Card reader: working (Virtual PCD 00 00)", m.staffPanel.reader.get());
        assertEquals("Municipal endpoint: NOT WORKING (https://localhost:1/)", m.staffPanel.endpoint.get());
        assertEquals("Clock: 2026-11-28 19:00:02", m.staffPanel.clock.get());
        m.chooseLanguage(Language.JAPANESE);
        assertEquals("カード読み取り機：正常 (Virtual PCD 00 00)", m.staffPanel.reader.get());
        m.staffPanel.toggleOutOfService();
        assertEquals(Messages.of(Language.JAPANESE).text("staff.outOfServiceOff"), m.staffPanel.outOfService.get());
        m.staffPanel.restart();
        assertEquals(1, f.restarts[0]);
        m.staffPanel.leave();
        assertEquals(Screen.OUT_OF_SERVICE, m.screen.get());
    }

    @Test
    void anIdleResidentIsWarnedThenWiped() {
        ScreenFixture f = kiosk(false);
        KioskModel m = f.model;
        m.chooseLanguage(Language.ENGLISH);
        f.enteringPin(3, false);
        m.pin.digit('1');
        f.clock.advance(Duration.ofSeconds(61));
        m.tick();
        assertTrue(m.idleModel.shown.get());
        assertEquals("For your privacy this session ends in 29 seconds.", m.idleModel.body.get());
        m.idleModel.stillHere();
        assertFalse(m.idleModel.shown.get());
        f.clock.advance(Duration.ofSeconds(91));
        m.tick();
        assertInstanceOf(FlowEvent.IdleTimeout.class, f.lastEvent());
        assertEquals(Language.JAPANESE, m.language.get(), "the session's choices are wiped");
        assertEquals(0, m.pin.digitsTyped());
    }

    @Test
    void aWelcomeBackResetsTheResidentsChoices() {
        ScreenFixture f = kiosk(false);
        KioskModel m = f.model;
        m.chooseLanguage(Language.VIETNAMESE);
        m.toggleLargeText();
        m.toggleHighContrast();
        m.toggleVoice();
        f.enteringPin(3, false);
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.Cancelled()));
        f.flowTo(new FlowState.Welcome());
        assertEquals(Language.JAPANESE, m.language.get());
        assertFalse(m.largeText.get());
        assertFalse(m.highContrast.get());
        assertFalse(m.voiceOn.get());
    }
}
