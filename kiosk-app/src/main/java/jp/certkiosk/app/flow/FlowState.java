package jp.certkiosk.app.flow;

import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.Session;

/** Where a transaction stands. Each state holds exactly what the next step needs, nothing of the last resident. */
public sealed interface FlowState {
    /** Waiting for a card. */
    record Welcome() implements FlowState {}

    record ReadingCard(String transactionId) implements FlowState {}

    /**
     * The PIN pad. {@code lastAttemptWrong} says the previous entry was wrong (the screen says so);
     * {@code malformed} that the last entry was not four digits and never reached the card.
     */
    record EnteringPin(String transactionId, CardInfo card, int triesLeft, boolean lastAttemptWrong,
                       boolean malformed) implements FlowState {}

    record VerifyingPin(String transactionId, CardInfo card, int triesLeft) implements FlowState {}

    record Authenticating(String transactionId, CardInfo card) implements FlowState {}

    record ChoosingDocument(String transactionId, CardInfo card, Session session) implements FlowState {}

    /** Filing the use registration with the domicile's municipality: free, nothing is printed. */
    record FilingUseRegistration(String transactionId, CardInfo card, Session session) implements FlowState {}

    record Reserving(String transactionId, CardInfo card, Session session, DocumentType document, int copies)
            implements FlowState {}

    /**
     * The document is reserved and bound; the resident pays its fee before a page is printed.
     * {@code paidYen} is what the payment device has taken so far.
     */
    record Paying(String transactionId, CardInfo card, Session session, Issuance issuance, int paidYen)
            implements FlowState {
        public int dueYen() {
            return Math.max(0, issuance.feeYen() - paidYen);
        }

        @Override
        public String toString() {
            return "Paying[" + transactionId + ", " + issuance.issuanceId() + ", paid " + paidYen + "]";
        }
    }

    record Printing(String transactionId, CardInfo card, Session session, Issuance issuance, boolean cardPresent)
            implements FlowState {
        @Override
        public String toString() {
            return "Printing[" + transactionId + ", " + issuance.issuanceId() + "]";
        }
    }

    /** Telling the endpoint how the issuance ended; the outcome is shown once it has answered. */
    record Confirming(String transactionId, Outcome outcome, boolean cardPresent, String issuanceId)
            implements FlowState {
        public Confirming(String transactionId, Outcome outcome, boolean cardPresent) {
            this(transactionId, outcome, cardPresent, outcome.issuanceId());
        }
    }

    /** The transaction is over; waiting for the resident to take the card. */
    record TakeCard(String transactionId, Outcome outcome) implements FlowState {}
}
