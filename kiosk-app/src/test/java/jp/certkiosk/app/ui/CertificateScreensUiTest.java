package jp.certkiosk.app.ui;

import static jp.certkiosk.app.ui.KioskUiTest.click;
import static jp.certkiosk.app.ui.KioskUiTest.shown;
import static jp.certkiosk.app.ui.KioskUiTest.text;
import static jp.certkiosk.app.ui.KioskUiTest.typePin;
import static jp.certkiosk.app.ui.KioskUiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.app.testing.ManualClock;
import jp.certkiosk.app.testing.SimulatedEnvironment;
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
 * Residents at the real screens over the demo environment (simulator over HTTPS, virtual cards,
 * file printer, H2 journal) for the family register, the tax certificate of a fiscal year, and a
 * registered domicile in another municipality: what each screen says, what the flow ends with, and
 * what the printed certificate holds. Screens go to docs/screens/ as in {@link KioskUiTest}.
 */
@ExtendWith(ApplicationExtension.class)
class CertificateScreensUiTest {
    @TempDir Path dir;
    SimulatedEnvironment demo;
    ExecutorService background;
    KioskModel model;
    Scene scene;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T01:00:00Z"));

    @Start
    void start(Stage stage) throws IOException {
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemDefaultZone(), () -> { });
        background = Executors.newSingleThreadExecutor();
        Parts demoParts = KioskUi.parts(demo.kiosk());
        Parts parts = new Parts(demoParts.engine(), demoParts.payment(), demoParts.staff(),
                StaffPin.load(dir.resolve("var").resolve("staff-pin"), clock), demoParts.demo());
        model = new KioskModel(parts, new KioskModel.Setup(background, Platform::runLater, clock, Duration.ofSeconds(60),
                Duration.ofSeconds(90), cue -> { }, (language, key) -> { }));
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

    @Test
    void aFamilyRegisterOfOnePersonInJapaneseAndOfEveryoneInEnglish(FxRobot robot) throws Exception {
        // Japanese: 山田 太郎 asks for 花子's 個人事項証明書
        Messages ja = Messages.of(Language.JAPANESE);
        signIn(robot, "adult", Language.JAPANESE);
        shoot(robot, "80-menu-family-register-ja");
        click(robot, "#doc-FAMILY_REGISTER");
        waitFor(robot, "#register-title");
        assertEquals(ja.text("registerOptions.title"), text(robot, "#register-title"));
        assertFalse(shown(robot, "#person-0"), "the persons show only for one person's certificate");
        shoot(robot, "81-register-options-ja");
        click(robot, "#register-individual");
        waitFor(robot, "#person-0");
        assertTrue(robot.lookup("#register-next").queryButton().isDisabled(), "one person's certificate needs the person");
        click(robot, "#person-" + personIndex("山田 花子"));
        shoot(robot, "82-register-person-ja");
        click(robot, "#register-next");
        waitFor(robot, "#copies-title");
        assertEquals("個人事項証明書：山田 花子", text(robot, "#copies-detail"));
        assertEquals("合計：450円", text(robot, "#copies-total"));
        shoot(robot, "83-register-copies-ja");
        String single = payAndCollect(robot, 450, 500);
        assertTrue(single.contains("戸籍個人事項証明書") && single.contains("【名】花子"), single);
        assertFalse(single.contains("【名】一郎"), "only the person chosen: " + single);
        assertTrue(single.contains("戸籍中の一部の者について記録されている事項の全部を証明した書面である"), single);
        takeCardAndDocuments(robot);

        // English: the whole register (全部事項証明書)
        Messages en = Messages.of(Language.ENGLISH);
        signIn(robot, "adult", Language.ENGLISH);
        shoot(robot, "80-menu-family-register-en");
        click(robot, "#doc-FAMILY_REGISTER");
        waitFor(robot, "#register-title");
        assertEquals(en.text("registerOptions.title"), text(robot, "#register-title"));
        click(robot, "#register-individual");
        waitFor(robot, "#person-0");
        shoot(robot, "82-register-person-en");
        click(robot, "#register-all");
        assertFalse(robot.lookup("#register-next").queryButton().isDisabled());
        shoot(robot, "81-register-options-en");
        click(robot, "#register-next");
        waitFor(robot, "#copies-title");
        assertEquals(en.text("registerOptions.all"), text(robot, "#copies-detail"));
        shoot(robot, "83-register-copies-en");
        String whole = payAndCollect(robot, 450, 500);
        assertTrue(whole.contains("戸籍全部事項証明書") && whole.contains("【名】花子") && whole.contains("【名】一郎"), whole);
        assertTrue(whole.contains("これは、戸籍に記録されている事項の全部を証明した書面である。"), whole);
        shoot(robot, "84-register-issued-en");
        takeCardAndDocuments(robot);
        assertEquals(2, demo.journal().entries().stream().filter(e -> e.stage() == JournalStage.PAID
                && e.yen() != null && e.yen() == 450).count(), "two registers paid, 450 yen each");
    }

    @Test
    void aTaxYearTheResidentDidNotLiveHereIsRefusedBeforeTheFeeAndAnotherIsIssued(FxRobot robot) throws Exception {
        Messages en = Messages.of(Language.ENGLISH);
        // 林 美香 moved here in October 2025: her domicile takes no part, and FY2025 is not this municipality's
        signIn(robot, "domicile-outside", Language.ENGLISH);
        shoot(robot, "85-menu-domicile-elsewhere-en");
        assertTrue(shown(robot, "#doc-domicile"), "the menu shows the family register of her domicile");
        click(robot, "#doc-domicile");
        waitFor(robot, "#domicileNotParticipating-title");
        assertEquals(en.text("domicileNotParticipating.title"), text(robot, "#domicileNotParticipating-title"));
        assertTrue(text(robot, "#domicileNotParticipating-message").contains("緑山市"),
                text(robot, "#domicileNotParticipating-message"));
        shoot(robot, "86-domicile-not-participating-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "86-domicile-not-participating-ja");
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        click(robot, "#domicileNotParticipating-back");

        waitFor(robot, "#doc-TAX_CERTIFICATE");
        click(robot, "#doc-TAX_CERTIFICATE");
        waitFor(robot, "#tax-title");
        assertEquals(List.of(2026, 2025, 2024), menuYears(), "the years the municipality offers");
        assertTrue(shown(robot, "#year-2024") && !shown(robot, "#year-2023"));
        click(robot, "#year-2025");
        click(robot, "#tax-INCOME");
        assertTrue(text(robot, "#tax-year-note").contains("January 1, 2025"), text(robot, "#tax-year-note"));
        shoot(robot, "87-tax-options-en");
        click(robot, "#tax-next");
        waitFor(robot, "#copies-detail");
        assertEquals("Income certificate, FY 2025 (Reiwa 7)", text(robot, "#copies-detail"));
        click(robot, "#copies-pay");
        waitFor(robot, "#result-message");
        assertFalse(shown(robot, "#pay-title"));
        assertEquals(new Outcome.Refused(ErrorCode.NOT_RESIDENT_ON_JANUARY_FIRST), outcome());
        assertEquals(en.text("result.title.REFUSED_NOT_RESIDENT_ON_JANUARY_FIRST"), text(robot, "#result-heading"));
        assertEquals(en.text("outcome.REFUSED_NOT_RESIDENT_ON_JANUARY_FIRST"), text(robot, "#result-message"));
        assertEquals(0, demo.payment().takenYen(), "refused before any fee");
        assertTrue(demo.journal().entries().stream().noneMatch(e -> e.stage() == JournalStage.RESERVED),
                "nothing was reserved");
        shoot(robot, "88-tax-not-resident-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        shoot(robot, "88-tax-not-resident-ja");
        click(robot, "#remove-card");
        waitFor(robot, "#welcome-title");

        // FY2026: she lived here on 1 January 2026
        signIn(robot, "domicile-outside", Language.JAPANESE);
        click(robot, "#doc-TAX_CERTIFICATE");
        waitFor(robot, "#tax-title");
        shoot(robot, "87-tax-options-ja");
        click(robot, "#tax-next");
        waitFor(robot, "#copies-detail");
        assertEquals("所得・課税証明書　2026年度（令和8年度）", text(robot, "#copies-detail"));
        String tax = payAndCollect(robot, 300, 500);
        assertTrue(tax.contains("令和8年度") && tax.contains("所得・課税証明書") && tax.contains("林美香"), tax);
    }

    @Test
    void aDomicileElsewhereIsRegisteredForUseThenPendingThenApprovedThenIssued(FxRobot robot) throws Exception {
        Messages ja = Messages.of(Language.JAPANESE);
        // 木村 拓也 lives here; his register is kept in 青葉町, which has not registered him for use
        signIn(robot, "domicile-aoba", Language.JAPANESE);
        assertFalse(shown(robot, "#doc-FAMILY_REGISTER"), "not printable before the use registration");
        assertTrue(buttonText(robot, "#doc-domicile").contains("青葉町"));
        shoot(robot, "90-menu-use-registration-ja");
        click(robot, "#doc-domicile");
        waitFor(robot, "#use-registration-title");
        assertEquals(ja.text("useRegistration.free"), text(robot, "#use-registration-free"));
        assertTrue(text(robot, "#use-registration-message").contains("青葉町"));
        shoot(robot, "91-use-registration-offer-ja");
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        shoot(robot, "91-use-registration-offer-en");
        robot.interact(() -> model.chooseLanguage(Language.JAPANESE));
        click(robot, "#use-registration-apply");
        waitFor(robot, "#result-message");
        Outcome.UseRegistrationFiled filed = assertInstanceOf(Outcome.UseRegistrationFiled.class, outcome());
        assertEquals(jp.certkiosk.api.UseRegistration.Status.PENDING, filed.status());
        assertEquals(ja.text("result.title.USE_REGISTRATION_FILED"), text(robot, "#result-heading"));
        assertTrue(text(robot, "#result-message").contains("青葉町"), text(robot, "#result-message"));
        assertEquals(0, demo.payment().takenYen(), "filing is free");
        assertEquals(0, pdfs(), "nothing printed");
        assertTrue(journal().stream().anyMatch(e -> e.stage() == JournalStage.USE_REGISTRATION_FILED
                && e.detail().endsWith("PENDING")), journal().toString());
        shoot(robot, "93-use-registration-filed-ja");
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        shoot(robot, "93-use-registration-filed-en");
        click(robot, "#remove-card");
        waitFor(robot, "#welcome-title");

        // back before 青葉町 approved it: pending, its own screen
        signIn(robot, "domicile-aoba", Language.JAPANESE);
        click(robot, "#doc-domicile");
        waitFor(robot, "#useRegistrationPending-title");
        assertEquals(ja.text("useRegistrationPending.title"), text(robot, "#useRegistrationPending-title"));
        assertTrue(text(robot, "#useRegistrationPending-message").contains("青葉町"));
        shoot(robot, "94-use-registration-pending-ja");
        robot.interact(() -> model.chooseLanguage(Language.ENGLISH));
        shoot(robot, "94-use-registration-pending-en");
        click(robot, "#useRegistrationPending-finish");
        waitFor(robot, "#result-message");
        assertEquals(new Outcome.Cancelled(), outcome());
        click(robot, "#remove-card");
        waitFor(robot, "#welcome-title");

        // 青葉町 approves (as its office does after some days); the register is printed here now
        assertEquals(1, demo.simulator().approveUseRegistrations());
        signIn(robot, "domicile-aoba", Language.JAPANESE);
        assertFalse(shown(robot, "#doc-domicile"));
        assertTrue(buttonText(robot, "#doc-FAMILY_REGISTER").contains("青葉町"), "who issues it: " + buttonText(robot, "#doc-FAMILY_REGISTER"));
        shoot(robot, "95-menu-approved-ja");
        click(robot, "#doc-FAMILY_REGISTER");
        waitFor(robot, "#register-next");
        click(robot, "#register-next");
        waitFor(robot, "#copies-pay");
        String register = payAndCollect(robot, 450, 500);
        assertTrue(register.contains("戸籍全部事項証明書") && register.contains("木村拓也"), register);
        assertTrue(register.contains("青葉町"), "本籍 and the issuing mayor of 青葉町: " + register);
        shoot(robot, "96-register-from-domicile-issued-ja");

        // the filing screen, as shown while the endpoint files it
        robot.interact(() -> model.preview(new FlowState.FilingUseRegistration("tx", null, sessionOfDomicileElsewhere())));
        assertTrue(text(robot, "#use-registration-filing").contains("青葉町"), text(robot, "#use-registration-filing"));
        shoot(robot, "92-use-registration-filing-ja");
    }

    // --- helpers

    /** A session whose menu names 青葉町 as the domicile needing use registration, for the screen's picture. */
    static jp.certkiosk.api.Session sessionOfDomicileElsewhere() {
        var access = new jp.certkiosk.api.FamilyRegisterAccess(
                jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED, "999002", "青葉町", List.of());
        return new jp.certkiosk.api.Session("s", Instant.now(), new jp.certkiosk.api.Menu("999001", "桜川市", List.of(),
                null, null, access, null));
    }

    void signIn(FxRobot robot, String card, Language language) throws Exception {
        click(robot, "#" + language.buttonId());
        click(robot, "#start");
        click(robot, "#terms-agree");
        waitFor(robot, "#card-" + card);
        click(robot, "#card-" + card);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.state() instanceof FlowState.EnteringPin);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(robot, "#pin-title");
        typePin(robot, demo.simulator().card(card).orElseThrow().pin());
        click(robot, "#pin-ok");
        waitFor(robot, "#menu-title");
    }

    /** Pays with coins and bills of these values, waits for the result and returns the printed certificate's text. */
    String payAndCollect(FxRobot robot, int fee, int... cash) throws Exception {
        click(robot, "#copies-pay");
        waitFor(robot, "#pay-title");
        assertEquals(Messages.of(model.language.get()).format("pay.due", fee), text(robot, "#pay-due"));
        for (int yen : cash) {
            click(robot, "#cash-" + yen);
        }
        waitFor(robot, "#result-message");
        Outcome.Issued issued = assertInstanceOf(Outcome.Issued.class, outcome());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                Files.readAllBytes(Path.of(issued.location())))) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("[ 　\\t]", "");
        }
    }

    void takeCardAndDocuments(FxRobot robot) throws Exception {
        click(robot, "#remove-card");
        waitFor(robot, "#documents-taken");
        click(robot, "#documents-taken");
        waitFor(robot, "#welcome-title");
    }

    static String buttonText(FxRobot robot, String query) {
        return KioskUiTest.onFx(() -> robot.lookup(query).queryButton().getText());
    }

    Outcome outcome() {
        return ((FlowState.TakeCard) model.state()).outcome();
    }

    int personIndex(String name) {
        List<HouseholdMember> persons = ((FlowState.ChoosingDocument) model.state()).session().menu()
                .familyRegister().persons();
        for (int i = 0; i < persons.size(); i++) {
            if (persons.get(i).displayName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in " + persons);
    }

    List<Integer> menuYears() {
        return ((FlowState.ChoosingDocument) model.state()).session().menu().fiscalYears();
    }

    List<JournalEntry> journal() {
        return demo.journal().entries();
    }

    long pdfs() throws IOException {
        if (!Files.isDirectory(dir.resolve("out"))) {
            return 0;
        }
        try (var printed = Files.list(dir.resolve("out"))) {
            return printed.filter(p -> p.toString().endsWith(".pdf")).count();
        }
    }

    void shoot(FxRobot robot, String name) {
        ScreenShots.shoot(robot, scene, name);
    }
}
