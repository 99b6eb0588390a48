package jp.certkiosk.app.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.Menu;
import jp.certkiosk.api.Session;
import jp.certkiosk.app.flow.FlowEvent.*;
import jp.certkiosk.app.flow.FlowState.*;
import jp.certkiosk.app.journal.JournalStage;
import org.junit.jupiter.api.Test;

class FlowTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final CardInfo CARD = new CardInfo(new byte[] {1}, "aa11", NOW.minus(400, ChronoUnit.DAYS), NOW.plus(900, ChronoUnit.DAYS));
    static final Session SESSION = new Session("s-1", NOW.plusSeconds(600),
            new Menu("999001", "桜川市", List.of(new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200))));

    final Flow flow = new Flow(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void oneCompleteIssuanceRunsEveryStepInOrder() {
        Transition t = flow.next(Flow.initial(), new CardInserted("tx-1"));
        assertEquals(List.of(new Effect.ReadCard()), t.effects());

        t = flow.next(t.state(), new CardRead(CARD, 3));
        assertEquals(new EnteringPin("tx-1", CARD, 3, false, false), t.state());

        Pin pin = Pin.typed("1234".toCharArray());
        t = flow.next(t.state(), new PinEntered(pin));
        assertInstanceOf(VerifyingPin.class, t.state());
        assertEquals(List.of(new Effect.VerifyPin(pin)), t.effects());

        t = flow.next(t.state(), new PinVerified());
        assertEquals(List.of(new Effect.Authenticate(CARD)), t.effects());

        t = flow.next(t.state(), new Authenticated(SESSION));
        assertInstanceOf(ChoosingDocument.class, t.state());

        t = flow.next(t.state(), new DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));
        Effect.Reserve reserve = (Effect.Reserve) t.effects().get(0);
        assertEquals("s-1", reserve.sessionId());
        assertEquals("tx-1-RESIDENT_RECORD_COPY", reserve.request().idempotencyKey());

        t = flow.next(t.state(), reserved(issuance("i-1", "s-1", "aa11")));
        assertEquals(JournalStage.RESERVED, journalStages(t).get(0));
        assertEquals(new Effect.CollectPayment(200), t.effects().get(1));
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.Print), "nothing prints before the fee is paid");

        t = flow.next(t.state(), new CashInserted(100));
        assertEquals(100, ((Paying) t.state()).paidYen());
        assertEquals(List.of(JournalStage.CASH_TAKEN), journalStages(t), "each coin is journaled as it is taken");
        assertEquals(100, ((Effect.Record) t.effects().get(0)).entry().yen());
        t = flow.next(t.state(), new CashInserted(100));
        assertInstanceOf(Printing.class, t.state());
        assertEquals(List.of(JournalStage.CASH_TAKEN, JournalStage.PAID, JournalStage.PRINT_SENDING), journalStages(t),
                "the print is journaled before it is sent");
        assertEquals(200, ((Effect.Record) t.effects().get(2)).entry().yen(), "PAID holds the fee");
        assertEquals(new Effect.StopPayment(), t.effects().get(1));
        assertInstanceOf(Effect.Print.class, t.effects().get(t.effects().size() - 1));
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.PayOut), "exact fee: no change");

        t = flow.next(t.state(), new PrintSubmitted(7));
        assertInstanceOf(Printing.class, t.state());
        assertEquals(List.of(JournalStage.PRINT_SUBMITTED), journalStages(t));
        assertEquals(7, ((Effect.Record) t.effects().get(0)).entry().printerJobId());
        assertEquals(new Effect.FollowPrint("i-1", 7), t.effects().get(1));

        t = flow.next(t.state(), new Printed("/out/i-1.pdf", 7));
        assertEquals(List.of(JournalStage.PRINTED, JournalStage.CONFIRM_SENT), journalStages(t),
                "the confirmation is journaled before it is sent");
        assertEquals(new Effect.Confirm("i-1", Confirmation.printed()), t.effects().get(2));

        t = flow.next(t.state(), new Confirmed());
        assertEquals(new TakeCard("tx-1", new Outcome.Issued("i-1", DocumentType.RESIDENT_RECORD_COPY, "/out/i-1.pdf")),
                t.state());

        t = flow.next(t.state(), new CardRemoved());
        assertEquals(new Welcome(), t.state());
        assertEquals(List.of(JournalStage.CARD_TAKEN), journalStages(t));
    }

    @Test
    void aPinThatIsNotFourDigitsNeverReachesTheCard() {
        FlowState entering = new EnteringPin("tx", CARD, 3, false, false);
        for (String typed : new String[] {"123", "12345", "12a4", ""}) {
            Transition t = flow.next(entering, new PinEntered(Pin.typed(typed.toCharArray())));
            assertEquals(new EnteringPin("tx", CARD, 3, false, true), t.state(), typed);
            assertTrue(t.effects().isEmpty(), typed);
        }
    }

    @Test
    void wrongPinsCountDownAndTheThirdEndsAtTheMunicipalOffice() {
        FlowState verifying = new VerifyingPin("tx", CARD, 3);
        Transition t = flow.next(verifying, new PinRejected(2));
        assertEquals(new EnteringPin("tx", CARD, 2, true, false), t.state());
        assertEquals(List.of(JournalStage.PIN_WRONG), journalStages(t));

        t = flow.next(new VerifyingPin("tx", CARD, 1), new PinBlocked());
        assertEquals(new TakeCard("tx", new Outcome.PinBlocked()), t.state());
        assertEquals(List.of(JournalStage.PIN_BLOCKED), journalStages(t));
    }

    @Test
    void aBlockedCardGetsNoPinPadAndNoVerify() {
        Transition t = flow.next(new ReadingCard("tx"), new CardRead(CARD, 0));
        assertEquals(new TakeCard("tx", new Outcome.PinBlocked()), t.state());
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.VerifyPin));
    }

    @Test
    void anExpiredCertificateIsRefusedBeforeThePinSoNoTryIsSpent() {
        CardInfo expired = new CardInfo(new byte[] {1}, "aa11", NOW.minus(2000, ChronoUnit.DAYS), NOW.minusSeconds(1));
        Transition t = flow.next(new ReadingCard("tx"), new CardRead(expired, 3));
        assertEquals(new TakeCard("tx", new Outcome.Refused(ErrorCode.CERTIFICATE_EXPIRED)), t.state());
    }

    @Test
    void aDocumentBoundToAnotherSessionCardOrIssuanceIsNeverPrinted() {
        Reserving reserving = new Reserving("tx", CARD, SESSION, DocumentType.RESIDENT_RECORD_COPY, 1);
        Issuance right = issuance("i-9", "s-1", "aa11");
        for (FlowEvent foreign : List.of(
                reserved(issuance("i-9", "s-other", "aa11")),
                reserved(issuance("i-9", "s-1", "bb22")),
                reserved(new Issuance("i-9", DocumentType.RESIDENT_RECORD_COPY, 1, 200, new DocumentBinding("i-8", "s-1", "aa11"), new byte[] {1})),
                reserved(new Issuance("i-9", DocumentType.SEAL_REGISTRATION, 1, 200, new DocumentBinding("i-9", "s-1", "aa11"), new byte[] {1})),
                new IssuanceReserved(right, null),
                // the unsigned binding is right, the signed statement names another session: the signature wins
                new IssuanceReserved(right, statement("i-9", "s-other", "aa11", DocumentType.RESIDENT_RECORD_COPY, "999001")),
                new IssuanceReserved(right, statement("i-9", "s-1", "aa11", DocumentType.RESIDENT_RECORD_COPY, "999002")),
                new DocumentUnverified("i-9", "the signer does not chain to the municipal anchor"))) {
            Transition t = flow.next(reserving, foreign);
            assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.Print), foreign.toString());
            assertEquals(List.of(JournalStage.BINDING_REFUSED, JournalStage.CONFIRM_SENT), journalStages(t));
            Effect.Confirm confirm = t.effects().stream().filter(Effect.Confirm.class::isInstance)
                    .map(Effect.Confirm.class::cast).findFirst().orElseThrow();
            assertEquals(Confirmation.Outcome.FAILED, confirm.confirmation().outcome());
            assertEquals(new Outcome.DocumentNotBound("i-9"), ((Confirming) t.state()).outcome());
        }
    }

    @Test
    void aPrinterThatCannotPrintRefusesTheReservedDocumentBeforeAnyFee() {
        Reserving reserving = new Reserving("tx", CARD, SESSION, DocumentType.RESIDENT_RECORD_COPY, 1);
        Transition t = flow.next(reserving, new PrinterNotReady("i-9", "media-empty"));

        assertEquals(new Outcome.PrinterOutOfService("i-9", "media-empty"), ((Confirming) t.state()).outcome());
        assertEquals(List.of(JournalStage.PRINTER_NOT_READY, JournalStage.CONFIRM_SENT), journalStages(t));
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.CollectPayment || e instanceof Effect.Print),
                t.effects().toString());
        Effect.Confirm confirm = t.effects().stream().filter(Effect.Confirm.class::isInstance)
                .map(Effect.Confirm.class::cast).findFirst().orElseThrow();
        assertEquals(Confirmation.Outcome.FAILED, confirm.confirmation().outcome(), "the reservation is released");
    }

    @Test
    void aFailedPrintRefundsTheFeeAndIsReportedAsFailedToTheEndpoint() {
        Printing printing = new Printing("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), true);
        Transition t = flow.next(printing, new PrintFailed("media-empty"));
        assertEquals(List.of(JournalStage.PRINT_FAILED, JournalStage.REFUND_DUE, JournalStage.CONFIRM_SENT), journalStages(t));
        assertEquals(new Effect.PayOut("tx", "i-1", 200, Effect.PayOutPurpose.REFUND), t.effects().get(2));
        assertEquals(new Effect.Confirm("i-1", Confirmation.failed("media-empty")), t.effects().get(4));

        t = flow.next(t.state(), new PaidOut("tx", "i-1", 200, Effect.PayOutPurpose.REFUND, true, null));
        assertEquals(List.of(JournalStage.REFUNDED), journalStages(t));
        assertEquals(200, ((Effect.Record) t.effects().get(0)).entry().yen());
        t = flow.next(t.state(), new Confirmed());
        assertEquals(new TakeCard("tx", new Outcome.PrintFailed("i-1", "media-empty")), t.state());
    }

    @Test
    void overpaymentGivesChangeAndAnEmptyHopperIsJournaledForStaff() {
        Paying paying = new Paying("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), 0);
        Transition t = flow.next(paying, new CashInserted(1000));
        assertTrue(t.effects().contains(new Effect.PayOut("tx", "i-1", 800, Effect.PayOutPurpose.CHANGE)));
        t = flow.next(t.state(), new PaidOut("tx", "i-1", 800, Effect.PayOutPurpose.CHANGE, false, "hopper empty"));
        assertInstanceOf(Printing.class, t.state());
        assertEquals(List.of(JournalStage.PAYOUT_FAILED), journalStages(t));
        assertEquals(paying, flow.next(paying, new CashInserted(0)).state(), "nothing inserted, nothing paid");
    }

    @Test
    void leavingThePaymentRefundsWhatWasInsertedAndPrintsNothing() {
        Paying paying = new Paying("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), 100);
        for (FlowEvent leave : List.of(new Cancelled(), new IdleTimeout(), new CardRemoved())) {
            Transition t = flow.next(paying, leave);
            assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.Print), leave.toString());
            assertTrue(t.effects().contains(new Effect.StopPayment()), leave.toString());
            assertTrue(t.effects().contains(new Effect.PayOut("tx", "i-1", 100, Effect.PayOutPurpose.REFUND)), leave.toString());
            Effect.Confirm confirm = t.effects().stream().filter(Effect.Confirm.class::isInstance)
                    .map(Effect.Confirm.class::cast).findFirst().orElseThrow();
            assertEquals(Confirmation.Outcome.FAILED, confirm.confirmation().outcome());
            assertInstanceOf(Confirming.class, t.state());
        }
        Confirming afterIdle = (Confirming) flow.next(paying, new IdleTimeout()).state();
        assertEquals(new Outcome.TimedOut(), afterIdle.outcome());
        Transition t = flow.next(new Paying("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), 0), new Cancelled());
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.PayOut), "nothing inserted, nothing refunded");
    }

    @Test
    void anIdleResidentIsTimedOutWhereverTheKioskWaitsForThem() {
        for (FlowState waiting : List.of(new EnteringPin("tx", CARD, 3, false, false), new ChoosingDocument("tx", CARD, SESSION))) {
            Transition t = flow.next(waiting, new IdleTimeout());
            assertEquals(new TakeCard("tx", new Outcome.TimedOut()), t.state());
            assertEquals(List.of(JournalStage.TIMED_OUT), journalStages(t));
        }
        assertEquals(new Welcome(), flow.next(new Welcome(), new IdleTimeout()).state());
    }

    @Test
    void pullingTheCardBeforeThePrintAbortsTheWholeRequest() {
        List<FlowState> early = List.of(new ReadingCard("tx"), new EnteringPin("tx", CARD, 3, false, false),
                new VerifyingPin("tx", CARD, 3), new Authenticating("tx", CARD),
                new ChoosingDocument("tx", CARD, SESSION),
                new Reserving("tx", CARD, SESSION, DocumentType.RESIDENT_RECORD_COPY, 1));
        for (FlowState state : early) {
            Transition t = flow.next(state, new CardRemoved());
            assertEquals(new Welcome(), t.state(), state.toString());
            assertEquals(List.of(JournalStage.ABORTED), journalStages(t));
        }
    }

    @Test
    void aCardPulledDuringPrintingStillGetsItsPrintConfirmedButNoTakeCardWait() {
        Printing printing = new Printing("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), true);
        Transition t = flow.next(printing, new CardRemoved());
        t = flow.next(t.state(), new Printed("/out/i-1.pdf"));
        t = flow.next(t.state(), new Confirmed());
        assertEquals(new Welcome(), t.state());
        assertEquals(List.of(JournalStage.CONFIRMED, JournalStage.CARD_TAKEN), journalStages(t));
    }

    @Test
    void endpointRefusalsBecomeTheirOwnOutcomes() {
        for (ErrorCode code : List.of(ErrorCode.CERTIFICATE_SUSPENDED, ErrorCode.CERTIFICATE_REVOKED, ErrorCode.RESIDENT_REFUSED)) {
            Transition t = flow.next(new Authenticating("tx", CARD), new EndpointRefused(code));
            assertEquals(new TakeCard("tx", new Outcome.Refused(code)), t.state());
        }
        Transition t = flow.next(new Authenticating("tx", CARD), new EndpointUnavailable("connect timed out"));
        assertInstanceOf(Outcome.ServiceUnavailable.class, ((TakeCard) t.state()).outcome());
    }

    @Test
    void unexpectedEventsChangeNothing() {
        FlowState welcome = Flow.initial();
        for (FlowEvent e : List.of(new PinVerified(), new CardRemoved(), new Printed("x"), new Confirmed(),
                new DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1))) {
            Transition t = flow.next(welcome, e);
            assertEquals(welcome, t.state());
            assertTrue(t.effects().isEmpty());
        }
        ChoosingDocument choosing = new ChoosingDocument("tx", CARD, SESSION);
        assertEquals(choosing, flow.next(choosing, new DocumentChosen(DocumentType.FAMILY_REGISTER, 1)).state(),
                "a document the municipality does not offer cannot be chosen");
        assertEquals(choosing, flow.next(choosing, new DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 0)).state());
        assertEquals(choosing, flow.next(choosing, new DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1,
                new jp.certkiosk.api.IssuanceOptions(null, null,
                        java.util.Set.of(jp.certkiosk.api.IssuanceOptions.RecordItem.MY_NUMBER)))).state(),
                "an item the municipality does not allow cannot be chosen");
    }

    @Test
    void theChosenOptionsGoToTheEndpoint() {
        var items = java.util.Set.of(jp.certkiosk.api.IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP);
        Session session = new Session("s-1", NOW.plusSeconds(600), new Menu("999001", "桜川市",
                List.of(new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200)), items, List.of()));
        var options = jp.certkiosk.api.IssuanceOptions.selected(List.of("m-1"), items);
        Transition t = flow.next(new ChoosingDocument("tx", CARD, session),
                new DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1, options));
        assertEquals(options, ((Effect.Reserve) t.effects().get(0)).request().options());
    }

    @Test
    void thePinNeverAppearsInStatesEventsOrEffectsAsText() {
        Pin pin = Pin.typed("9753".toCharArray());
        Transition t = flow.next(new EnteringPin("tx", CARD, 3, false, false), new PinEntered(pin));
        String text = Stream.of(t.state(), t.effects(), new PinEntered(pin), pin).map(String::valueOf)
                .reduce("", String::concat);
        assertFalse(text.contains("9753"), text);
        pin.wipe();
        assertFalse(new String(pin.digits()).contains("9"));
    }

    @Test
    void thePrintIsBoundToTheSignedCardCertificate() {
        Reserving reserving = new Reserving("tx", CARD, SESSION, DocumentType.RESIDENT_RECORD_COPY, 1);
        Transition t = flow.next(reserving, reserved(issuance("i-1", "s-1", "aa11")));
        t = flow.next(t.state(), new CashInserted(200));
        Effect.Print print = (Effect.Print) t.effects().stream().filter(Effect.Print.class::isInstance).findFirst()
                .orElseThrow();
        assertEquals("aa11", print.certificateSha256());
    }

    @Test
    void anUnreachableRevocationServiceIsServiceUnavailableNotARefusal() {
        Transition t = flow.next(new Authenticating("tx", CARD), new EndpointRefused(ErrorCode.REVOCATION_STATUS_UNAVAILABLE));
        assertInstanceOf(Outcome.ServiceUnavailable.class, ((TakeCard) t.state()).outcome());
    }

    static Session domicileSession(jp.certkiosk.api.FamilyRegisterAccess.Status status) {
        List<DocumentOffer> documents = status == jp.certkiosk.api.FamilyRegisterAccess.Status.AVAILABLE
                ? List.of(new DocumentOffer(DocumentType.FAMILY_REGISTER, "戸籍証明書", 450)) : List.of();
        return new Session("s-1", NOW.plusSeconds(600), new Menu("999001", "桜川市", documents, null, null,
                new jp.certkiosk.api.FamilyRegisterAccess(status, "999002", "若葉県青葉町", List.of()), List.of()));
    }

    @Test
    void aFamilyRegisterTheMenuCannotIssueIsRefusedWithItsOwnReasonAndNothingIsReserved() {
        for (var status : List.of(jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED,
                jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_PENDING,
                jp.certkiosk.api.FamilyRegisterAccess.Status.DOMICILE_NOT_PARTICIPATING)) {
            Transition t = flow.next(new ChoosingDocument("tx", CARD, domicileSession(status)),
                    new DocumentChosen(DocumentType.FAMILY_REGISTER_ANNEX, 1));
            Outcome outcome = ((TakeCard) t.state()).outcome();
            assertEquals("REFUSED_" + switch (status) {
                case USE_REGISTRATION_REQUIRED -> "USE_REGISTRATION_REQUIRED";
                case USE_REGISTRATION_PENDING -> "USE_REGISTRATION_PENDING";
                default -> "DOMICILE_NOT_PARTICIPATING";
            }, outcome.code());
            assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.Reserve), status.name());
        }
    }

    @Test
    void theUseRegistrationIsFiledOnlyWhenTheMenuSaysItIsNeededAndEndsFree() {
        ChoosingDocument available = new ChoosingDocument("tx", CARD,
                domicileSession(jp.certkiosk.api.FamilyRegisterAccess.Status.AVAILABLE));
        assertEquals(available, flow.next(available, new UseRegistrationRequested()).state(), "nothing to file");

        Transition t = flow.next(new ChoosingDocument("tx", CARD,
                domicileSession(jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED)),
                new UseRegistrationRequested());
        assertInstanceOf(FilingUseRegistration.class, t.state());
        assertEquals(List.of(new Effect.FileUseRegistration("s-1")), t.effects());

        var filed = new jp.certkiosk.api.UseRegistration(jp.certkiosk.api.UseRegistration.Status.PENDING, "999002",
                "若葉県青葉町", NOW);
        Transition done = flow.next(t.state(), new UseRegistrationFiled(filed));
        assertEquals(new Outcome.UseRegistrationFiled("若葉県青葉町", jp.certkiosk.api.UseRegistration.Status.PENDING),
                ((TakeCard) done.state()).outcome());
        assertEquals(List.of(JournalStage.USE_REGISTRATION_FILED), journalStages(done));
        assertTrue(done.effects().stream().noneMatch(e -> e instanceof Effect.CollectPayment || e instanceof Effect.Print));
    }

    @Test
    void aCoinInsertedWhileTheUseRegistrationIsFiledIsPaidBackUnderThatTransaction() {
        FilingUseRegistration filing = new FilingUseRegistration("tx-filing", CARD,
                domicileSession(jp.certkiosk.api.FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED));
        Transition t = flow.next(filing, new CashInserted(100));
        assertEquals(filing, t.state(), "filing is free: a coin changes nothing");
        assertTrue(t.effects().stream().anyMatch(e -> e instanceof Effect.PayOut p && p.yen() == 100));
        assertTrue(t.effects().stream().filter(e -> e instanceof Effect.Record)
                .allMatch(e -> ((Effect.Record) e).entry().transactionId().equals("tx-filing")),
                "journaled under the resident's transaction, not between residents");
    }

    @Test
    void aFamilyRegisterIsSignedByTheDomicilesMunicipalityAndNothingElseIs() {
        Session session = domicileSession(jp.certkiosk.api.FamilyRegisterAccess.Status.AVAILABLE);
        Issuance register = new Issuance("i-1", DocumentType.FAMILY_REGISTER, 1, 450,
                new DocumentBinding("i-1", "s-1", "aa11"), new byte[] {1}, new byte[32]);
        Reserving reserving = new Reserving("tx", CARD, session, DocumentType.FAMILY_REGISTER, 1);
        assertInstanceOf(Paying.class, flow.next(reserving, new IssuanceReserved(register,
                statement("i-1", "s-1", "aa11", DocumentType.FAMILY_REGISTER, "999002", 450))).state());
        assertInstanceOf(Confirming.class, flow.next(reserving, new IssuanceReserved(register,
                statement("i-1", "s-1", "aa11", DocumentType.FAMILY_REGISTER, "999001", 450))).state(),
                "the resident's own municipality does not keep this register");
        Reserving copy = new Reserving("tx", CARD, session, DocumentType.RESIDENT_RECORD_COPY, 1);
        assertInstanceOf(Confirming.class, flow.next(copy, new IssuanceReserved(issuance("i-2", "s-1", "aa11"),
                statement("i-2", "s-1", "aa11", DocumentType.RESIDENT_RECORD_COPY, "999002"))).state(),
                "a resident record signed by the domicile's municipality is not bound");
    }

    /** The event of a reservation whose signed statement repeats the issuance's binding. */
    static IssuanceReserved reserved(Issuance issuance) {
        DocumentBinding b = issuance.binding();
        return new IssuanceReserved(issuance, statement(b.issuanceId(), b.sessionId(), b.certificateSha256(),
                issuance.documentType(), "999001"));
    }

    static DocumentStatement statement(String id, String session, String certHash, DocumentType type, String municipality) {
        return statement(id, session, certHash, type, municipality, 200);
    }

    /** A statement signing the fee for all copies: the menu's fee times the copies, or a wrong one. */
    static DocumentStatement statement(String id, String session, String certHash, DocumentType type, String municipality,
                                       int feeYen) {
        return new DocumentStatement(id, session, "kiosk-1", certHash, municipality, type, 1, feeYen, "00", NOW);
    }

    static Issuance issuance(String id, String session, String certHash) {
        return new Issuance(id, DocumentType.RESIDENT_RECORD_COPY, 1, 200, new DocumentBinding(id, session, certHash), new byte[] {1}, new byte[32]);
    }

    static List<JournalStage> journalStages(Transition t) {
        return t.effects().stream().filter(Effect.Record.class::isInstance)
                .map(e -> ((Effect.Record) e).entry().stage()).toList();
    }
}
