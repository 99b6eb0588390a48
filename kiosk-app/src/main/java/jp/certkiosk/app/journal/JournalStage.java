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
    PRINTED,
    PRINT_FAILED,
    CONFIRMED,
    CANCELLED,
    ABORTED,
    CARD_TAKEN
}
