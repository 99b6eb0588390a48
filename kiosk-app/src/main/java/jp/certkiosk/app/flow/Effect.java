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
     * Print the document, if the card in the reader is still the card it is bound to
     * ({@code certificateSha256}, from the signed statement).
     */
    record Print(Issuance issuance, String certificateSha256) implements Effect {
        @Override
        public String toString() {
            return "Print[" + issuance.issuanceId() + "]";
        }
    }

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
