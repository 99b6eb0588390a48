package jp.certkiosk.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.IssuanceOptions.RegisterExtent;
import jp.certkiosk.api.IssuanceOptions.TaxCertificateKind;
import jp.certkiosk.api.Menu;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.UseRegistration;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.ui.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The family-register, tax and domicile screens without JavaFX: which screen the menu leads to,
 * what each shows, and exactly which choice reaches the flow.
 */
class RegisterAndTaxScreensTest {
    static final DocumentOffer REGISTER = new DocumentOffer(DocumentType.FAMILY_REGISTER, "戸籍証明書", 450);
    static final DocumentOffer ANNEX = new DocumentOffer(DocumentType.FAMILY_REGISTER_ANNEX, "戸籍の附票の写し", 300);
    static final DocumentOffer TAX = new DocumentOffer(DocumentType.TAX_CERTIFICATE, "所得・課税証明書", 300);
    static final DocumentOffer COPY = new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200);
    static final List<HouseholdMember> PERSONS = List.of(new HouseholdMember("p1", "山田 太郎"),
            new HouseholdMember("p2", "山田 花子"));

    @TempDir Path dir;

    static Session session(FamilyRegisterAccess.Status status, String domicileCode, String domicileName) {
        boolean available = status == FamilyRegisterAccess.Status.AVAILABLE;
        List<DocumentOffer> documents = available ? List.of(COPY, REGISTER, ANNEX, TAX) : List.of(COPY, TAX);
        Menu menu = new Menu("999001", "桜川市", documents, Set.of(), List.of(),
                new FamilyRegisterAccess(status, domicileCode, domicileName, available ? PERSONS : List.of()),
                List.of(2026, 2025, 2024));
        return new Session("s-1", Instant.parse("2026-11-28T11:00:00Z"), menu);
    }

    ScreenFixture at(Session session, Language language) {
        ScreenFixture f = new ScreenFixture(dir, false);
        f.language(language);
        f.flowTo(new FlowState.ChoosingDocument("tx", null, session));
        return f;
    }

    static MenuModel.Choice entry(KioskModel m, String id) {
        return m.menu.documents.get().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theWholeRegisterOrOnePersonOfItReachesTheFlow() {
        ScreenFixture f = at(session(FamilyRegisterAccess.Status.AVAILABLE, "999001", "桜川市"), Language.ENGLISH);
        KioskModel m = f.model;
        assertFalse(m.menu.documents.get().stream().anyMatch(c -> c.id().equals(MenuModel.DOMICILE_ID)),
                "an available register is listed as its documents");
        assertEquals("450 yen", entry(m, "doc-FAMILY_REGISTER").fee(), "the domicile is this municipality: no note");
        m.menu.choose(entry(m, "doc-FAMILY_REGISTER"));
        assertEquals(Screen.REGISTER_OPTIONS, m.screen.get());
        assertTrue(m.registerOptions.allChosen.get());
        assertEquals(List.of(), m.registerOptions.persons.get(), "persons show only for one person's certificate");

        m.registerOptions.chooseExtent(RegisterExtent.INDIVIDUAL);
        assertFalse(m.registerOptions.nextEnabled.get(), "one person's certificate needs the person");
        assertEquals(List.of("山田 太郎", "山田 花子"), m.registerOptions.persons.get().stream().map(o -> o.label()).toList());
        m.registerOptions.next();
        assertEquals(Screen.REGISTER_OPTIONS, m.screen.get(), "no person, no next");
        m.registerOptions.persons.get().get(0).toggle().run();
        m.registerOptions.persons.get().get(1).toggle().run();
        assertEquals(List.of(false, true), m.registerOptions.persons.get().stream().map(o -> o.chosen()).toList(),
                "one person only: the second replaces the first");
        m.registerOptions.next();
        assertEquals(Screen.COPIES, m.screen.get());
        assertEquals("One person: 山田 花子", m.copies.detail.get());
        m.copies.pay();
        assertEquals(new FlowEvent.DocumentChosen(DocumentType.FAMILY_REGISTER, 1, IssuanceOptions.registerPerson("p2")),
                f.lastEvent());

        m.copies.back();
        assertEquals(Screen.REGISTER_OPTIONS, m.screen.get(), "back from the copies to the register's options");
        m.registerOptions.chooseExtent(RegisterExtent.ALL);
        m.registerOptions.next();
        m.copies.pay();
        assertEquals(new FlowEvent.DocumentChosen(DocumentType.FAMILY_REGISTER, 1, IssuanceOptions.wholeRegister()),
                f.lastEvent());
    }

    @Test
    void theAnnexHasNoOptionsAndTheKeypadChoosesThePerson() {
        ScreenFixture f = at(session(FamilyRegisterAccess.Status.AVAILABLE, "999001", "桜川市"), Language.JAPANESE);
        KioskModel m = f.model;
        m.menu.choose(ANNEX);
        assertEquals(Screen.COPIES, m.screen.get());
        m.copies.pay();
        assertEquals(new FlowEvent.DocumentChosen(DocumentType.FAMILY_REGISTER_ANNEX, 1), f.lastEvent());
        m.copies.back();
        m.menu.choose(REGISTER);
        m.key(KeypadKey.D2); // turns voice on
        assertTrue(f.spoken.contains("ja:voice.registerOptions"), f.spoken.toString());
        m.key(KeypadKey.D2);
        m.key(KeypadKey.D4);
        m.key(KeypadKey.ENTER);
        assertEquals("個人事項証明書：山田 花子", m.copies.detail.get());
    }

    @Test
    void aRegisterKeptElsewhereAndApprovedSaysWhoIssuesIt() {
        KioskModel m = at(session(FamilyRegisterAccess.Status.AVAILABLE, "999002", "青葉町"), Language.JAPANESE).model;
        assertEquals("450円（青葉町が発行）", entry(m, "doc-FAMILY_REGISTER").fee());
        assertEquals("300円", entry(m, "doc-TAX_CERTIFICATE").fee());
    }

    @Test
    void theTaxCertificateAndItsFiscalYearAmongThoseOffered() {
        ScreenFixture f = at(session(FamilyRegisterAccess.Status.NONE, null, null), Language.ENGLISH);
        KioskModel m = f.model;
        m.menu.choose(TAX);
        assertEquals(Screen.TAX_OPTIONS, m.screen.get());
        assertEquals(List.of("FY 2026 (Reiwa 8)", "FY 2025 (Reiwa 7)", "FY 2024 (Reiwa 6)"),
                m.taxOptions.years.get().stream().map(o -> o.label()).toList());
        assertEquals(List.of(true, false, false), m.taxOptions.years.get().stream().map(o -> o.chosen()).toList(),
                "the newest year to begin with");
        assertEquals(3, m.taxOptions.kinds.get().size());
        m.taxOptions.chooseYear(2019);
        assertTrue(m.taxOptions.years.get().get(0).chosen(), "a year not offered cannot be chosen");
        m.taxOptions.years.get().get(1).toggle().run();
        m.taxOptions.kinds.get().get(0).toggle().run();
        assertTrue(m.taxOptions.yearNote.get().contains("income of 2024"), m.taxOptions.yearNote.get());
        assertTrue(m.taxOptions.yearNote.get().contains("January 1, 2025"), m.taxOptions.yearNote.get());
        m.taxOptions.next();
        assertEquals("Income certificate, FY 2025 (Reiwa 7)", m.copies.detail.get());
        m.copies.pay();
        assertEquals(new FlowEvent.DocumentChosen(DocumentType.TAX_CERTIFICATE, 1,
                IssuanceOptions.tax(2025, TaxCertificateKind.INCOME)), f.lastEvent());
    }

    @Test
    void aDomicileNeedingUseRegistrationOffersItFreeAndFilesIt() {
        ScreenFixture f = at(session(FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED, "999002", "青葉町"),
                Language.ENGLISH);
        KioskModel m = f.model;
        MenuModel.Choice domicile = entry(m, MenuModel.DOMICILE_ID);
        assertEquals("Kept by 青葉町: apply for use registration first (free)", domicile.fee());
        assertFalse(m.menu.documents.get().stream().anyMatch(c -> c.id().equals("doc-FAMILY_REGISTER")));
        m.menu.choose(domicile);
        assertEquals(Screen.USE_REGISTRATION, m.screen.get());
        assertTrue(m.useRegistration.message.get().contains("青葉町"), m.useRegistration.message.get());
        assertEquals("Free of charge. Nothing is printed.", m.useRegistration.free.get());
        m.useRegistration.back();
        assertEquals(Screen.MENU, m.screen.get());
        m.menu.choose(domicile);
        m.useRegistration.apply();
        assertEquals(new FlowEvent.UseRegistrationRequested(), f.lastEvent());

        FlowState.ChoosingDocument choosing = (FlowState.ChoosingDocument) f.state;
        f.flowTo(new FlowState.FilingUseRegistration("tx", null, choosing.session()));
        assertEquals(Screen.USE_REGISTRATION_FILING, m.screen.get());
        assertEquals("Filing your application with 青葉町…", m.useRegistrationFiling.title.get());
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.UseRegistrationFiled("青葉町", UseRegistration.Status.PENDING)));
        assertEquals(Screen.RESULT, m.screen.get());
        assertEquals("Application filed", m.result.title.get());
        assertTrue(m.result.succeeded.get());
        assertFalse(m.result.issued.get());
        assertTrue(m.result.message.get().startsWith("Your application for use registration with 青葉町 has been filed"),
                m.result.message.get());
    }

    @Test
    void aPendingRegistrationAndADomicileTakingNoPartEachHaveTheirOwnScreen() {
        for (var c : List.of(
                new Object[] {FamilyRegisterAccess.Status.USE_REGISTRATION_PENDING, Screen.USE_REGISTRATION_PENDING,
                        "Application awaiting approval"},
                new Object[] {FamilyRegisterAccess.Status.DOMICILE_NOT_PARTICIPATING, Screen.DOMICILE_NOT_PARTICIPATING,
                        "Please ask the municipality of your domicile"})) {
            ScreenFixture f = at(session((FamilyRegisterAccess.Status) c[0], "990001", "緑山市"), Language.ENGLISH);
            KioskModel m = f.model;
            m.menu.choose(entry(m, MenuModel.DOMICILE_ID));
            assertEquals(c[1], m.screen.get());
            DomicileNoticeModel notice = (DomicileNoticeModel) m.model((Screen) c[1]);
            assertEquals(c[2], notice.title.get());
            assertTrue(notice.message.get().contains("緑山市"), notice.message.get());
            int events = f.events.size();
            m.useRegistration.apply();
            assertEquals(events, f.events.size(), "nothing to file where the menu does not ask for it");
            notice.back();
            assertEquals(Screen.MENU, m.screen.get(), "the other documents can still be printed");
        }
    }

    @Test
    void aTaxYearRefusedBeforeAnyFeeHasItsOwnHeading() {
        ScreenFixture f = at(session(FamilyRegisterAccess.Status.NONE, null, null), Language.JAPANESE);
        f.flowTo(new FlowState.TakeCard("tx", new Outcome.Refused(ErrorCode.NOT_RESIDENT_ON_JANUARY_FIRST)));
        assertEquals("この年度の証明書は発行できません", f.model.result.title.get());
        assertEquals(Messages.of(Language.JAPANESE).text("outcome.REFUSED_NOT_RESIDENT_ON_JANUARY_FIRST"),
                f.model.result.message.get());
        assertInstanceOf(Outcome.Refused.class, ((FlowState.TakeCard) f.state).outcome());
    }
}
