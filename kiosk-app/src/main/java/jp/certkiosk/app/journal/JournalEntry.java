package jp.certkiosk.app.journal;

import java.time.Instant;

/**
 * One row of the journal: a state change of a transaction, or a movement of money or paper. It
 * holds ids, stages, amounts, the printer's job id, error codes and counts: never a PIN, never a
 * name, address or any other content of a record.
 *
 * <p>What a row means for money and paper is in its typed fields, never in {@code detail}: the
 * reconciliation ({@link Reconciliation}) reads only stage, ids, {@code yen}, {@code printerJobId}
 * and {@code printState}.
 *
 * @param issuanceId   the endpoint's issuance id once one exists, else null
 * @param yen          the amount in yen this row takes, keeps, pays out or owes (see {@link JournalStage}), or null
 * @param printerJobId the printer's job id, where the printer gave one
 * @param printState   where the row settles a print: PRINTED, FAILED or IN_DOUBT; else null
 * @param detail       a short technical note for people (an error code, tries left, a printer
 *                     reason), cut to {@value #DETAIL_LIMIT} characters; or null
 */
public record JournalEntry(Instant at, String transactionId, JournalStage stage, String issuanceId, Integer yen,
                           Integer printerJobId, PrintState printState, String detail) {
    /** The longest note a row keeps: a printer's message may be of any length. */
    public static final int DETAIL_LIMIT = 200;

    public JournalEntry {
        if (detail != null && detail.length() > DETAIL_LIMIT) {
            detail = detail.substring(0, DETAIL_LIMIT - 1) + "…";
        }
    }

    /** A row that moves neither money nor paper. */
    public JournalEntry(Instant at, String transactionId, JournalStage stage, String issuanceId, String detail) {
        this(at, transactionId, stage, issuanceId, null, null, null, detail);
    }

    /** A row about money: {@code yen} taken, kept, paid out or owed. */
    public static JournalEntry money(Instant at, String transactionId, JournalStage stage, String issuanceId, int yen,
                                     String detail) {
        return new JournalEntry(at, transactionId, stage, issuanceId, yen, null, null, detail);
    }

    /** A row about a print: its job at the printer (if known) and how it stands. */
    public static JournalEntry print(Instant at, String transactionId, JournalStage stage, String issuanceId,
                                     Integer printerJobId, PrintState state, String detail) {
        return new JournalEntry(at, transactionId, stage, issuanceId, null, printerJobId, state, detail);
    }

    /** How a print stands, in the journal's words. */
    public enum PrintState {
        /** Every page came out: the fee is kept. */
        PRINTED,
        /** The printer said canceled or aborted, or never received the job: the fee is given back. */
        FAILED,
        /** Nobody knows yet: the kiosk stops selling until the printer or staff settle it. */
        IN_DOUBT
    }
}
