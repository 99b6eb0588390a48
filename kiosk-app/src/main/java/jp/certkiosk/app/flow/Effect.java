package jp.certkiosk.app.flow;

import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.app.journal.JournalEntry;

/** What the flow asks the outside world to do. Each effect answers with events. */
public sealed interface Effect {
    /** Select the JPKI application, read the user-authentication certificate, ask the tries left. */
    record ReadCard() implements Effect {}

    record VerifyPin(Pin pin) implements Effect {
        @Override
        public String toString() {
            return "VerifyPin[****]";
        }
    }

    /** Challenge from the endpoint, signed by the card, exchanged for a session. */
    record Authenticate(CardInfo card) implements Effect {}

    record Reserve(String sessionId, IssuanceRequest request) implements Effect {}

    /** File the use registration with the municipality of the resident's registered domicile. */
    record FileUseRegistration(String sessionId) implements Effect {}

    /**
     * Compose the document and send it to the printer as a job named by its issuance id, if the card
     * in the reader is still the card it is bound to ({@code certificateSha256}, from the signed
     * statement). Answers {@link FlowEvent.PrintSubmitted}, {@link FlowEvent.PrintFailed} (nothing
     * reached the printer) or {@link FlowEvent.PrintInDoubt} (the printer's answer was lost).
     */
    record Print(Issuance issuance, String certificateSha256) implements Effect {
        @Override
        public String toString() {
            return "Print[" + issuance.issuanceId() + "]";
        }
    }

    /**
     * Follow a job at the printer until it settles. Answers {@link FlowEvent.Printed},
     * {@link FlowEvent.PrintFailed} (canceled or aborted) or {@link FlowEvent.PrintInDoubt}.
     */
    record FollowPrint(String issuanceId, int printerJobId) implements Effect {}

    /** Take no new resident until a print in doubt is settled; tell staff why. */
    record StopSelling(String reason) implements Effect {}

    record Confirm(String issuanceId, Confirmation confirmation) implements Effect {}

    record Record(JournalEntry entry) implements Effect {}

    /** Open the coin and bill slots for the fee of this document. */
    record CollectPayment(int dueYen) implements Effect {}

    /** Close the slots: paid in full, cancelled or aborted. */
    record StopPayment() implements Effect {}

    enum PayOutPurpose { CHANGE, REFUND }

    /** Pay cash back to the resident. Answers {@link FlowEvent.PaidOut}. */
    record PayOut(String transactionId, String issuanceId, int yen, PayOutPurpose purpose) implements Effect {}
}
