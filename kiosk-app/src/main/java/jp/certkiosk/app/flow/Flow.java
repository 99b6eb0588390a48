package jp.certkiosk.app.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.app.flow.Effect.Authenticate;
import jp.certkiosk.app.flow.Effect.CollectPayment;
import jp.certkiosk.app.flow.Effect.PayOut;
import jp.certkiosk.app.flow.Effect.StopPayment;
import jp.certkiosk.app.flow.Effect.Confirm;
import jp.certkiosk.app.flow.Effect.FollowPrint;
import jp.certkiosk.app.flow.Effect.Print;
import jp.certkiosk.app.flow.Effect.StopSelling;
import jp.certkiosk.app.flow.Effect.ReadCard;
import jp.certkiosk.app.flow.Effect.Record;
import jp.certkiosk.app.flow.Effect.Reserve;
import jp.certkiosk.app.flow.Effect.VerifyPin;
import jp.certkiosk.app.flow.FlowEvent.*;
import jp.certkiosk.app.flow.FlowState.*;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalEntry.PrintState;
import jp.certkiosk.app.journal.JournalStage;

/**
 * The transaction flow as a pure function: {@code next(state, event)} gives the new state and the
 * effects to run, journal entries among them. It does no I/O and holds no state of its own, so
 * every path a resident can take is a unit test.
 *
 * <p>Its two promises: a PIN is sent to the card only when the resident typed four digits on a
 * card that still has tries left; a document is printed only if its binding names this
 * transaction's session and the certificate of the card in the reader. And one more: the fee is
 * taken before printing, and given back (journaled as refunded) when the print fails or the
 * resident leaves the payment.
 *
 * <p>Money and paper are journaled before they move: each coin or bill as it is taken (in any
 * state: money no fee is due for is paid straight back), change and refunds before the hopper
 * runs, the print before it is sent, the confirmation before it is sent. A print is failed (and
 * refunded) only on the printer's word; a print nobody can vouch for is in doubt: the fee is held
 * and the kiosk stops selling until it is settled.
 */
public final class Flow {
    /** Copies a resident may ask for in one transaction. */
    public static final int MAX_COPIES = 10;

    private final Clock clock;

    public Flow(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public static FlowState initial() {
        return new Welcome();
    }

    public Transition next(FlowState state, FlowEvent event) {
        if (event instanceof PaidOut paid) {
            return new Transition(state, paidOut(paid));
        }
        if (event instanceof CashInserted cash && !(state instanceof Paying)) {
            return new Transition(state, cashNotDue(state, cash.yen()));
        }
        Transition transition = step(state, event);
        return transition != null ? transition : Transition.to(state);
    }

    /** The transition for this state and event, or null when the event means nothing here. */
    private Transition step(FlowState state, FlowEvent event) {
        if (state instanceof Welcome) {
            return event instanceof CardInserted e
                    ? Transition.to(new ReadingCard(e.transactionId()), new ReadCard())
                    : null;
        } else if (state instanceof ReadingCard s) {
            return readingCard(s, event);
        } else if (state instanceof EnteringPin s) {
            return enteringPin(s, event);
        } else if (state instanceof VerifyingPin s) {
            return verifyingPin(s, event);
        } else if (state instanceof Authenticating s) {
            return authenticating(s, event);
        } else if (state instanceof ChoosingDocument s) {
            return choosingDocument(s, event);
        } else if (state instanceof FilingUseRegistration s) {
            return filingUseRegistration(s, event);
        } else if (state instanceof Reserving s) {
            return reserving(s, event);
        } else if (state instanceof Paying s) {
            return paying(s, event);
        } else if (state instanceof Printing s) {
            return printing(s, event);
        } else if (state instanceof Confirming s) {
            return confirming(s, event);
        } else if (state instanceof TakeCard s) {
            return event instanceof CardRemoved
                    ? Transition.to(new Welcome(), journal(s.transactionId(), JournalStage.CARD_TAKEN, null, null))
                    : null;
        }
        throw new IllegalStateException("unknown state " + state);
    }

    private Transition readingCard(ReadingCard s, FlowEvent event) {
        String tx = s.transactionId();
        if (event instanceof CardRead e) {
            return afterCardRead(tx, e.card(), e.triesLeft());
        }
        if (event instanceof NotMyNumberCard) {
            return end(tx, new Outcome.NotMyNumberCard(), journal(tx, JournalStage.NOT_MY_NUMBER_CARD, null, null));
        }
        return cardTrouble(tx, event);
    }

    private Transition afterCardRead(String tx, CardInfo card, int triesLeft) {
        Instant now = clock.instant();
        if (now.isAfter(card.notAfter())) {
            return end(tx, new Outcome.Refused(ErrorCode.CERTIFICATE_EXPIRED),
                    journal(tx, JournalStage.REFUSED, null, ErrorCode.CERTIFICATE_EXPIRED + " (checked on the kiosk)"));
        }
        if (now.isBefore(card.notBefore())) {
            return end(tx, new Outcome.Refused(ErrorCode.CERTIFICATE_NOT_YET_VALID),
                    journal(tx, JournalStage.REFUSED, null, ErrorCode.CERTIFICATE_NOT_YET_VALID + " (checked on the kiosk)"));
        }
        if (triesLeft <= 0) {
            return end(tx, new Outcome.PinBlocked(), journal(tx, JournalStage.PIN_BLOCKED, null, "blocked before entry"));
        }
        return Transition.to(new EnteringPin(tx, card, triesLeft, false, false),
                journal(tx, JournalStage.CARD_READ, null, "tries left " + triesLeft));
    }

    private Transition enteringPin(EnteringPin s, FlowEvent event) {
        String tx = s.transactionId();
        if (event instanceof PinEntered e) {
            return e.pin().isWellFormed()
                    ? Transition.to(new VerifyingPin(tx, s.card(), s.triesLeft()), new VerifyPin(e.pin()))
                    : Transition.to(new EnteringPin(tx, s.card(), s.triesLeft(), false, true));
        }
        if (event instanceof Cancelled) {
            return cancelled(tx);
        }
        if (event instanceof IdleTimeout) {
            return timedOut(tx);
        }
        return cardTrouble(tx, event);
    }

    private Transition verifyingPin(VerifyingPin s, FlowEvent event) {
        String tx = s.transactionId();
        if (event instanceof PinVerified) {
            return Transition.to(new Authenticating(tx, s.card()), new Authenticate(s.card()));
        }
        if (event instanceof PinRejected e) {
            return Transition.to(new EnteringPin(tx, s.card(), e.triesLeft(), true, false),
                    journal(tx, JournalStage.PIN_WRONG, null, "tries left " + e.triesLeft()));
        }
        if (event instanceof PinBlocked) {
            return end(tx, new Outcome.PinBlocked(), journal(tx, JournalStage.PIN_BLOCKED, null, null));
        }
        return cardTrouble(tx, event);
    }

    private Transition authenticating(Authenticating s, FlowEvent event) {
        String tx = s.transactionId();
        if (event instanceof Authenticated e) {
            return Transition.to(new ChoosingDocument(tx, s.card(), e.session()),
                    journal(tx, JournalStage.AUTHENTICATED, null, null));
        }
        return endpointTrouble(tx, event);
    }

    private Transition choosingDocument(ChoosingDocument s, FlowEvent event) {
        String tx = s.transactionId();
        FamilyRegisterAccess.Status access = s.session().menu().familyRegister().status();
        if (event instanceof DocumentChosen e && e.type().fromFamilyRegister()
                && access != FamilyRegisterAccess.Status.AVAILABLE && access != FamilyRegisterAccess.Status.NONE) {
            var refusal = s.session().menu().familyRegister().refusal();
            if (refusal.isPresent()) {
                // the menu says why the domicile's register cannot be issued here: nothing is reserved
                return end(tx, new Outcome.Refused(refusal.get()),
                        journal(tx, JournalStage.REFUSED, null, refusal.get() + " (from the menu)"));
            }
        }
        if (event instanceof UseRegistrationRequested) {
            if (access != FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED) {
                return null;
            }
            return Transition.to(new FilingUseRegistration(tx, s.card(), s.session()),
                    new Effect.FileUseRegistration(s.session().sessionId()));
        }
        if (event instanceof DocumentChosen e) {
            boolean offered = s.session().menu().documents().stream().anyMatch(d -> d.type() == e.type());
            boolean allowed = s.session().menu().allowedItems().containsAll(e.options().items());
            if (!offered || !allowed || e.copies() < 1 || e.copies() > MAX_COPIES) {
                return null;
            }
            IssuanceRequest request = new IssuanceRequest(tx + "-" + e.type().name(), e.type(), e.copies(),
                    e.options());
            return Transition.to(new Reserving(tx, s.card(), s.session(), e.type(), e.copies()),
                    new Reserve(s.session().sessionId(), request));
        }
        if (event instanceof Cancelled) {
            return cancelled(tx);
        }
        if (event instanceof IdleTimeout) {
            return timedOut(tx);
        }
        return cardTrouble(tx, event);
    }

    /** Filing is free and prints nothing: the transaction ends with the registration on file. */
    private Transition filingUseRegistration(FilingUseRegistration s, FlowEvent event) {
        String tx = s.transactionId();
        if (event instanceof UseRegistrationFiled e) {
            return end(tx, new Outcome.UseRegistrationFiled(e.registration().municipalityName(), e.registration().status()),
                    journal(tx, JournalStage.USE_REGISTRATION_FILED, null,
                            e.registration().municipalityCode() + " " + e.registration().status()));
        }
        return endpointTrouble(tx, event);
    }

    private Transition reserving(Reserving s, FlowEvent event) {
        String tx = s.transactionId();
        if (event instanceof IssuanceReserved e) {
            Issuance issuance = e.issuance();
            String problem = bindingProblem(s, issuance, e.statement());
            if (problem != null) {
                return refuseDocument(tx, issuance.issuanceId(), problem);
            }
            Record reserved = money(tx, JournalStage.RESERVED, issuance.issuanceId(), issuance.feeYen(),
                    issuance.documentType().name() + " x" + issuance.copies());
            if (issuance.feeYen() > 0) {
                return Transition.to(new Paying(tx, s.card(), s.session(), issuance, 0), reserved,
                        new CollectPayment(issuance.feeYen()));
            }
            return Transition.to(new Printing(tx, s.card(), s.session(), issuance, true), reserved,
                    printRow(tx, JournalStage.PRINT_SENDING, issuance.issuanceId(), null, null, null),
                    new Print(issuance, e.statement().certificateSha256()));
        }
        if (event instanceof DocumentUnverified e) {
            return refuseDocument(tx, e.issuanceId(), e.reason());
        }
        if (event instanceof PrinterNotReady e) {
            // asked before the fee: nothing is taken, and the endpoint releases the reservation
            return Transition.to(new Confirming(tx, new Outcome.PrinterOutOfService(e.issuanceId(), e.reasons()), true),
                    printRow(tx, JournalStage.PRINTER_NOT_READY, e.issuanceId(), null, PrintState.FAILED, e.reasons()),
                    printRow(tx, JournalStage.CONFIRM_SENT, e.issuanceId(), null, PrintState.FAILED, null),
                    new Confirm(e.issuanceId(), Confirmation.failed("printer not ready: " + e.reasons())));
        }
        return endpointTrouble(tx, event);
    }

    /** Nothing is printed; the refusal is journaled and reported to the endpoint as a failed issuance. */
    private Transition refuseDocument(String tx, String issuanceId, String problem) {
        return Transition.to(new Confirming(tx, new Outcome.DocumentNotBound(issuanceId), true),
                printRow(tx, JournalStage.BINDING_REFUSED, issuanceId, null, PrintState.FAILED, problem),
                printRow(tx, JournalStage.CONFIRM_SENT, issuanceId, null, PrintState.FAILED, null),
                new Confirm(issuanceId, Confirmation.failed("document not bound: " + problem)));
    }

    /**
     * The fee is taken before a page is printed. Leaving the payment (cancel, idle, card pulled)
     * gives back what was inserted and tells the endpoint nothing was printed.
     */
    private Transition paying(Paying s, FlowEvent event) {
        String tx = s.transactionId();
        Issuance issuance = s.issuance();
        String id = issuance.issuanceId();
        if (event instanceof CashInserted e) {
            if (e.yen() <= 0) {
                return null;
            }
            int paid = s.paidYen() + e.yen();
            Record taken = money(tx, JournalStage.CASH_TAKEN, id, e.yen(), null);
            if (paid < issuance.feeYen()) {
                return Transition.to(new Paying(tx, s.card(), s.session(), issuance, paid), taken);
            }
            List<Effect> effects = new ArrayList<>();
            effects.add(taken);
            effects.add(new StopPayment());
            effects.add(money(tx, JournalStage.PAID, id, issuance.feeYen(), "inserted " + paid + " yen"));
            if (paid > issuance.feeYen()) {
                effects.add(money(tx, JournalStage.CHANGE_DUE, id, paid - issuance.feeYen(), null));
                effects.add(new PayOut(tx, id, paid - issuance.feeYen(), Effect.PayOutPurpose.CHANGE));
            }
            effects.add(printRow(tx, JournalStage.PRINT_SENDING, id, null, null, null));
            effects.add(new Print(issuance, s.card().certificateSha256())); // the signed statement named this card: checked on reservation
            return new Transition(new Printing(tx, s.card(), s.session(), issuance, true), effects);
        }
        if (event instanceof Cancelled) {
            return leavePayment(s, new Outcome.Cancelled(), true, JournalStage.CANCELLED, "cancelled at payment");
        }
        if (event instanceof IdleTimeout) {
            return leavePayment(s, new Outcome.TimedOut(), true, JournalStage.TIMED_OUT, "timed out at payment");
        }
        if (event instanceof CardRemoved || (event instanceof CardFailed f && f.removed())) {
            return leavePayment(s, new Outcome.CardRemovedEarly(), false, JournalStage.ABORTED, "card removed at payment");
        }
        if (event instanceof CardFailed f) {
            return leavePayment(s, new Outcome.CardUnreadable(f.step()), true, JournalStage.CARD_FAILED, f.step());
        }
        return null;
    }

    private Transition leavePayment(Paying s, Outcome outcome, boolean cardPresent, JournalStage stage, String why) {
        String tx = s.transactionId();
        String id = s.issuance().issuanceId();
        List<Effect> effects = new ArrayList<>();
        effects.add(new StopPayment());
        effects.add(printRow(tx, stage, id, null, PrintState.FAILED, why));
        if (s.paidYen() > 0) {
            effects.add(money(tx, JournalStage.REFUND_DUE, id, s.paidYen(), null));
            effects.add(new PayOut(tx, id, s.paidYen(), Effect.PayOutPurpose.REFUND));
        }
        effects.add(printRow(tx, JournalStage.CONFIRM_SENT, id, null, PrintState.FAILED, null));
        effects.add(new Confirm(id, Confirmation.failed(why)));
        return new Transition(new Confirming(tx, outcome, cardPresent, id), effects);
    }

    /**
     * Money paid back is journaled whatever the state: the drawer must add up. A payout that
     * stopped half-way is two rows: what was paid, and what staff owe the resident.
     */
    private List<Effect> paidOut(PaidOut e) {
        JournalStage paid = e.purpose() == Effect.PayOutPurpose.REFUND ? JournalStage.REFUNDED : JournalStage.CHANGE_GIVEN;
        if (e.done()) {
            return List.of(money(e.transactionId(), paid, e.issuanceId(), e.yen(), null));
        }
        Record owed = money(e.transactionId(), JournalStage.PAYOUT_FAILED, e.issuanceId(), e.yen() - e.paidYen(),
                e.purpose() + " not paid out: " + e.problem());
        return e.paidYen() > 0 && e.paidYen() < e.yen()
                ? List.of(money(e.transactionId(), paid, e.issuanceId(), e.paidYen(), "part of " + e.yen() + " yen"), owed)
                : List.of(owed);
    }

    /**
     * A coin or bill taken while no fee is due (before or after the payment, between residents):
     * journaled as taken, then paid straight back.
     */
    private List<Effect> cashNotDue(FlowState state, int yen) {
        if (yen <= 0) {
            return List.of();
        }
        String tx = transactionIdOf(state);
        return List.of(money(tx, JournalStage.CASH_TAKEN, null, yen, "no fee due"),
                money(tx, JournalStage.REFUND_DUE, null, yen, null),
                new PayOut(tx, null, yen, Effect.PayOutPurpose.REFUND));
    }

    /** The transaction a state belongs to; money between residents is journaled under {@code idle}. */
    static String transactionIdOf(FlowState state) {
        if (state instanceof ReadingCard s) return s.transactionId();
        if (state instanceof EnteringPin s) return s.transactionId();
        if (state instanceof VerifyingPin s) return s.transactionId();
        if (state instanceof Authenticating s) return s.transactionId();
        if (state instanceof ChoosingDocument s) return s.transactionId();
        if (state instanceof FilingUseRegistration s) return s.transactionId();
        if (state instanceof Reserving s) return s.transactionId();
        if (state instanceof Paying s) return s.transactionId();
        if (state instanceof Printing s) return s.transactionId();
        if (state instanceof Confirming s) return s.transactionId();
        if (state instanceof TakeCard s) return s.transactionId();
        return "idle";
    }

    /** Refusals and silence of the endpoint before anything was reserved, and card trouble. */
    private Transition endpointTrouble(String tx, FlowEvent event) {
        if (event instanceof EndpointRefused e) {
            if (e.code() == ErrorCode.REVOCATION_STATUS_UNAVAILABLE || e.code() == ErrorCode.INTERNAL) {
                return end(tx, new Outcome.ServiceUnavailable(e.code().name()),
                        journal(tx, JournalStage.ENDPOINT_UNAVAILABLE, null, e.code().name()));
            }
            return end(tx, new Outcome.Refused(e.code()), journal(tx, JournalStage.REFUSED, null, e.code().name()));
        }
        if (event instanceof EndpointUnavailable e) {
            return end(tx, new Outcome.ServiceUnavailable(e.reason()),
                    journal(tx, JournalStage.ENDPOINT_UNAVAILABLE, null, e.reason()));
        }
        return cardTrouble(tx, event);
    }

    /**
     * Null when the signed statement binds the document to this request; else what is wrong, for the
     * journal. The statement is the source of truth; the unsigned binding is not consulted.
     */
    private static String bindingProblem(Reserving s, Issuance issuance, DocumentStatement statement) {
        if (statement == null) {
            return "no signed statement";
        }
        if (!s.session().sessionId().equals(statement.sessionId())) {
            return "bound to another session";
        }
        if (!s.card().certificateSha256().equals(statement.certificateSha256())) {
            return "bound to another card";
        }
        if (issuance.issuanceId() == null || !issuance.issuanceId().equals(statement.issuanceId())) {
            return "bound to another issuance";
        }
        if (statement.documentType() != s.document() || statement.copies() != s.copies()
                || issuance.documentType() != s.document() || issuance.copies() != s.copies()) {
            return "not the document asked for";
        }
        int menuFee = s.session().menu().documents().stream().filter(d -> d.type() == s.document())
                .mapToInt(d -> d.feeYen()).findFirst().orElse(-1);
        if (menuFee < 0 || statement.feeYen() != (long) menuFee * s.copies() || issuance.feeYen() != statement.feeYen()) {
            return "fee not the menu's fee times the copies";
        }
        if (!s.session().menu().issuingMunicipality(s.document()).equals(statement.municipalityCode())) {
            return "signed for another municipality";
        }
        return null;
    }

    private Transition printing(Printing s, FlowEvent event) {
        String tx = s.transactionId();
        String id = s.issuance().issuanceId();
        if (event instanceof PrintSubmitted e) {
            return Transition.to(s, printRow(tx, JournalStage.PRINT_SUBMITTED, id, e.printerJobId(), null, null),
                    new FollowPrint(id, e.printerJobId()));
        }
        if (event instanceof Printed e) {
            return Transition.to(
                    new Confirming(tx, new Outcome.Issued(id, s.issuance().documentType(), e.location()), s.cardPresent()),
                    printRow(tx, JournalStage.PRINTED, id, e.printerJobId(), PrintState.PRINTED, null),
                    printRow(tx, JournalStage.CONFIRM_SENT, id, null, PrintState.PRINTED, null),
                    new Confirm(id, Confirmation.printed()));
        }
        if (event instanceof PrintFailed e) {
            List<Effect> effects = new ArrayList<>();
            effects.add(printRow(tx, JournalStage.PRINT_FAILED, id, e.printerJobId(), PrintState.FAILED, e.reason()));
            if (s.issuance().feeYen() > 0) {
                effects.add(money(tx, JournalStage.REFUND_DUE, id, s.issuance().feeYen(), null));
                effects.add(new PayOut(tx, id, s.issuance().feeYen(), Effect.PayOutPurpose.REFUND));
            }
            effects.add(printRow(tx, JournalStage.CONFIRM_SENT, id, null, PrintState.FAILED, null));
            effects.add(new Confirm(id, Confirmation.failed(e.reason())));
            return new Transition(new Confirming(tx, new Outcome.PrintFailed(id, e.reason()), s.cardPresent()), effects);
        }
        if (event instanceof PrintInDoubt e) {
            // neither refunded nor confirmed: the printer (or staff) must say whether the pages came out
            List<Effect> effects = new ArrayList<>();
            effects.add(printRow(tx, JournalStage.PRINT_IN_DOUBT, id, e.printerJobId(), PrintState.IN_DOUBT, e.reason()));
            effects.add(new StopSelling("print of issuance " + id + " in doubt: " + e.reason()));
            Outcome outcome = new Outcome.PrintInDoubt(id);
            if (s.cardPresent()) {
                return new Transition(new TakeCard(tx, outcome), effects);
            }
            effects.add(journal(tx, JournalStage.CARD_TAKEN, id, null));
            return new Transition(new Welcome(), effects);
        }
        if (event instanceof CardRemoved) {
            // The pages are the resident's own: finish and confirm them, then do not wait for a card.
            return Transition.to(new Printing(tx, s.card(), s.session(), s.issuance(), false));
        }
        return null;
    }

    private Transition confirming(Confirming s, FlowEvent event) {
        String tx = s.transactionId();
        String id = s.issuanceId();
        if (event instanceof Confirmed) {
            return settle(s, printRow(tx, JournalStage.CONFIRMED, id, null,
                    s.outcome() instanceof Outcome.Issued ? PrintState.PRINTED : PrintState.FAILED, s.outcome().code()));
        }
        if (event instanceof EndpointRefused e) {
            return settle(s, journal(tx, JournalStage.ENDPOINT_UNAVAILABLE, id,
                    "confirmation refused: " + e.code() + "; in doubt"));
        }
        if (event instanceof EndpointUnavailable) {
            return settle(s, journal(tx, JournalStage.ENDPOINT_UNAVAILABLE, id, "confirmation not delivered; in doubt"));
        }
        if (event instanceof CardRemoved) {
            return Transition.to(new Confirming(tx, s.outcome(), false, id));
        }
        return null;
    }

    private Transition settle(Confirming s, Effect journalEntry) {
        if (s.cardPresent()) {
            return Transition.to(new TakeCard(s.transactionId(), s.outcome()), journalEntry);
        }
        return Transition.to(new Welcome(), journalEntry,
                journal(s.transactionId(), JournalStage.CARD_TAKEN, s.issuanceId(), null));
    }

    /** Card removed or failing in any state before the print. */
    private Transition cardTrouble(String tx, FlowEvent event) {
        if (event instanceof CardRemoved) {
            return Transition.to(new Welcome(), journal(tx, JournalStage.ABORTED, null, "card removed"));
        }
        if (event instanceof CardFailed e) {
            return e.removed()
                    ? Transition.to(new Welcome(), journal(tx, JournalStage.ABORTED, null, "card removed during " + e.step()))
                    : end(tx, new Outcome.CardUnreadable(e.step()), journal(tx, JournalStage.CARD_FAILED, null, e.step()));
        }
        return null;
    }

    private Transition cancelled(String tx) {
        return end(tx, new Outcome.Cancelled(), journal(tx, JournalStage.CANCELLED, null, null));
    }

    private Transition timedOut(String tx) {
        return end(tx, new Outcome.TimedOut(), journal(tx, JournalStage.TIMED_OUT, null, null));
    }

    private static Transition end(String tx, Outcome outcome, Effect... effects) {
        return new Transition(new TakeCard(tx, outcome), new ArrayList<>(List.of(effects)));
    }

    private Record journal(String tx, JournalStage stage, String issuanceId, String detail) {
        return new Record(new JournalEntry(clock.instant(), tx, stage, issuanceId, detail));
    }

    private Record money(String tx, JournalStage stage, String issuanceId, int yen, String detail) {
        return new Record(JournalEntry.money(clock.instant(), tx, stage, issuanceId, yen, detail));
    }

    private Record printRow(String tx, JournalStage stage, String issuanceId, Integer jobId, PrintState state,
                            String detail) {
        return new Record(JournalEntry.print(clock.instant(), tx, stage, issuanceId, jobId, state, detail));
    }
}
