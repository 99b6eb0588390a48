package jp.certkiosk.app.flow;

import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.UseRegistration;

/** How a transaction ended, as the resident is told and the report records it. */
public sealed interface Outcome {
    /** A stable name for reports, journals and message keys. */
    String code();

    /** The endpoint's issuance this outcome concerns, where one was reserved. */
    default String issuanceId() {
        return null;
    }

    record Issued(String issuanceId, DocumentType document, String location) implements Outcome {
        public String code() { return "ISSUED"; }
    }

    /** Three wrong PINs: only the municipal office where the resident is registered can unlock it. */
    record PinBlocked() implements Outcome {
        public String code() { return "PIN_BLOCKED"; }
    }

    /** The endpoint refused the card or the resident (suspended, revoked, expired, please use the counter...). */
    record Refused(ErrorCode reason) implements Outcome {
        public String code() { return "REFUSED_" + reason.name(); }
    }

    record NotMyNumberCard() implements Outcome {
        public String code() { return "NOT_MY_NUMBER_CARD"; }
    }

    record CardUnreadable(String step) implements Outcome {
        public String code() { return "CARD_UNREADABLE"; }
    }

    /** The document returned does not belong to this session and card: nothing was printed. */
    record DocumentNotBound(String issuanceId) implements Outcome {
        public String code() { return "DOCUMENT_NOT_BOUND"; }
    }

    record PrintFailed(String issuanceId, String reason) implements Outcome {
        public String code() { return "PRINT_FAILED"; }
    }

    /**
     * Nobody can tell whether the pages came out: the fee is held (neither kept nor refunded) and
     * staff settle it at the printer; the kiosk takes no new resident meanwhile.
     */
    record PrintInDoubt(String issuanceId) implements Outcome {
        public String code() { return "PRINT_IN_DOUBT"; }
    }

    /** The printer could not have printed the document (paper, jam, door, toner): refused before any fee. */
    record PrinterOutOfService(String issuanceId, String reasons) implements Outcome {
        public String code() { return "PRINTER_OUT_OF_SERVICE"; }
    }

    record ServiceUnavailable(String reason) implements Outcome {
        public String code() { return "SERVICE_UNAVAILABLE"; }
    }

    record Cancelled() implements Outcome {
        public String code() { return "CANCELLED"; }
    }

    /** The card left the reader before the transaction was over. */
    record CardRemovedEarly() implements Outcome {
        public String code() { return "CARD_REMOVED"; }
    }

    /**
     * The use registration with the domicile's municipality is on file: family-register documents
     * can be printed here once that municipality approves it (PENDING), or now (APPROVED).
     */
    record UseRegistrationFiled(String municipalityName, UseRegistration.Status status) implements Outcome {
        public String code() { return "USE_REGISTRATION_FILED"; }
    }

    /** Nobody touched the screen for too long; anything paid was refunded. */
    record TimedOut() implements Outcome {
        public String code() { return "TIMED_OUT"; }
    }
}
