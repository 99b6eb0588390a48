package jp.certkiosk.app.flow;

import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.UseRegistration;

/** Everything that can happen to a transaction: the resident's actions and the answers of card, endpoint and printer. */
public sealed interface FlowEvent {
    /** A card was placed; the transaction id is chosen by whoever saw it. */
    record CardInserted(String transactionId) implements FlowEvent {}

    record CardRemoved() implements FlowEvent {}

    record CardRead(CardInfo card, int triesLeft) implements FlowEvent {}

    /** The card answered, but it has no JPKI application. */
    record NotMyNumberCard() implements FlowEvent {}

    /** The card could not be used: it was pulled mid-operation or answered nonsense. */
    record CardFailed(String step, boolean removed) implements FlowEvent {}

    record PinEntered(Pin pin) implements FlowEvent {
        @Override
        public String toString() {
            return "PinEntered[****]";
        }
    }

    record PinVerified() implements FlowEvent {}

    record PinRejected(int triesLeft) implements FlowEvent {}

    record PinBlocked() implements FlowEvent {}

    /** The resident gave up (cancel button, idle timeout). */
    record Cancelled() implements FlowEvent {}

    record Authenticated(Session session) implements FlowEvent {}

    /** The endpoint answered with a refusal the resident must be told about. */
    record EndpointRefused(ErrorCode code) implements FlowEvent {}

    /** The endpoint could not be reached, timed out, or answered garbage. */
    record EndpointUnavailable(String reason) implements FlowEvent {}

    /**
     * The resident chose a document, how many copies, and for a resident-record document what it
     * shows (household members, optional items); without options: the whole household, nothing optional.
     */
    record DocumentChosen(DocumentType type, int copies, IssuanceOptions options) implements FlowEvent {
        public DocumentChosen {
            options = options == null ? IssuanceOptions.standard() : options;
        }

        public DocumentChosen(DocumentType type, int copies) {
            this(type, copies, IssuanceOptions.standard());
        }
    }

    /**
     * The endpoint reserved a document and the kiosk verified the municipality's signature over its
     * statement: {@code statement} is what was signed, the only binding the flow trusts.
     */
    record IssuanceReserved(Issuance issuance, DocumentStatement statement) implements FlowEvent {
        @Override
        public String toString() {
            return "IssuanceReserved[" + issuance.issuanceId() + "]";
        }
    }

    /** The endpoint reserved a document whose signature did not verify: it must not be printed. */
    record DocumentUnverified(String issuanceId, String reason) implements FlowEvent {}

    /**
     * The document is reserved and verified, but the printer could not finish it now (paper out, jam,
     * door open, toner; the printer's own words in {@code reasons}): refused before the fee.
     */
    record PrinterNotReady(String issuanceId, String reasons) implements FlowEvent {}

    /** The printer took the job: its id there. The job is followed until it settles. */
    record PrintSubmitted(int printerJobId) implements FlowEvent {}

    /** Every page came out (the printer said completed). */
    record Printed(String location, Integer printerJobId) implements FlowEvent {
        public Printed(String location) {
            this(location, null);
        }
    }

    /**
     * Nothing came out and nothing will: refused before sending, never received by the printer, or
     * canceled or aborted there. Only then is the fee given back.
     */
    record PrintFailed(String reason, Integer printerJobId) implements FlowEvent {
        public PrintFailed(String reason) {
            this(reason, null);
        }
    }

    /**
     * Nobody knows whether the pages came out (the job's answer was lost, the printer went away
     * mid-job, the job never settled): neither refunded nor charged until it is settled.
     */
    record PrintInDoubt(String reason, Integer printerJobId) implements FlowEvent {}

    /** The endpoint acknowledged the confirmation (printed or failed). */
    record Confirmed() implements FlowEvent {}

    /**
     * The payment device took this much cash (a coin or a bill). In any state: money that arrives
     * when no fee is due is journaled and paid back.
     */
    record CashInserted(int yen) implements FlowEvent {}

    /**
     * The payment device paid money back: change, or a refund of the fee. {@code done} is false
     * when the device could not pay it all out (empty hopper): staff must hand over what it did
     * not pay, {@code yen - paidYen}.
     */
    record PaidOut(String transactionId, String issuanceId, int yen, Effect.PayOutPurpose purpose, boolean done,
                   String problem, int paidYen) implements FlowEvent {
        /** All paid, or none. */
        public PaidOut(String transactionId, String issuanceId, int yen, Effect.PayOutPurpose purpose, boolean done,
                       String problem) {
            this(transactionId, issuanceId, yen, purpose, done, problem, done ? yen : 0);
        }
    }

    /** The resident asked to file the use registration with their registered domicile's municipality. */
    record UseRegistrationRequested() implements FlowEvent {}

    /** The endpoint filed (or already had) the use registration. */
    record UseRegistrationFiled(UseRegistration registration) implements FlowEvent {}

    /** Nobody touched the screen for too long: the session is wiped. */
    record IdleTimeout() implements FlowEvent {}
}
