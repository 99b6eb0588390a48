package jp.certkiosk.app.journal;

/** The catalogue of journal events, in the order a transaction normally passes them. */
public enum JournalStage {
    CARD_READ,
    CARD_FAILED,
    NOT_MY_NUMBER_CARD,
    PIN_WRONG,
    PIN_BLOCKED,
    AUTHENTICATED,
    REFUSED,
    ENDPOINT_UNAVAILABLE,
    RESERVED,
    BINDING_REFUSED,
    PAID,
    CHANGE_GIVEN,
    PRINTED,
    PRINT_FAILED,
    REFUNDED,
    /** The payment device could not pay money back: staff owe the resident this amount. */
    PAYOUT_FAILED,
    CONFIRMED,
    CANCELLED,
    TIMED_OUT,
    ABORTED,
    CARD_TAKEN,
    /** A staff action (login, test print, out of service, restart): not part of a transaction. */
    STAFF,
    /** The resident filed the use registration with the municipality of their registered domicile (free). */
    USE_REGISTRATION_FILED
}
