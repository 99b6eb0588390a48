package jp.certkiosk.app.journal;

/**
 * The catalogue of journal events, in the order a transaction normally passes them. The rows about
 * money carry their amount in {@link JournalEntry#yen()}, the rows about paper the printer's job id
 * and the print's state: the reconciliation reads nothing else.
 */
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
    /** A coin or bill the acceptor took ({@code yen}), in any state: written as the device reports it. */
    CASH_TAKEN,
    /** The fee is paid in full ({@code yen} = the fee); it is kept only if the document is printed. */
    PAID,
    /** Change is about to be paid out ({@code yen}): written before the hopper runs. */
    CHANGE_DUE,
    CHANGE_GIVEN,
    /** The job is about to be sent to the printer, named by the issuance id: written before it is sent. */
    PRINT_SENDING,
    /** The printer took the job: {@code printerJobId}. */
    PRINT_SUBMITTED,
    PRINTED,
    PRINT_FAILED,
    /** Neither printed nor failed as far as anyone knows: selling stops until it is settled. */
    PRINT_IN_DOUBT,
    /** A print in doubt settled, at the printer or by staff: {@code printState} PRINTED or FAILED. */
    PRINT_SETTLED,
    /** Money is about to be given back ({@code yen}): written before the hopper runs. */
    REFUND_DUE,
    REFUNDED,
    /** The payment device could not pay money back: staff owe the resident {@code yen}. */
    PAYOUT_FAILED,
    /**
     * Money the resident is owed that no hopper paid ({@code yen}): a payout interrupted by a stop of
     * the kiosk, or a refund of a print settled after the resident left. Staff hand it over.
     */
    OWED,
    /** Staff handed over money owed to a resident ({@code yen}). */
    OWED_SETTLED,
    /** The confirmation is about to be sent to the endpoint ({@code printState} says which). */
    CONFIRM_SENT,
    CONFIRMED,
    CANCELLED,
    TIMED_OUT,
    ABORTED,
    CARD_TAKEN,
    /** The kiosk stopped selling (a print in doubt, a journal that cannot be written); detail says why. */
    OUT_OF_SERVICE,
    /** Staff switched the kiosk out of service; it stays so across restarts until switched back. */
    STAFF_OUT_OF_SERVICE,
    /** Staff switched the kiosk back into service. */
    STAFF_BACK_IN_SERVICE,
    /** A staff action (login, test print, out of service, restart): not part of a transaction. */
    STAFF,
    /** The resident filed the use registration with the municipality of their registered domicile (free). */
    USE_REGISTRATION_FILED,
    /** The printer could not finish the reserved document: refused before the fee (the printer's reasons in the note). */
    PRINTER_NOT_READY
}
