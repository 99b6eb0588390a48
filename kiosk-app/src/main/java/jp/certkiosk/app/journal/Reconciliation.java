package jp.certkiosk.app.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.certkiosk.app.journal.JournalEntry.PrintState;

/**
 * The journal folded into accounts: where every issuance stands and where every yen went. Pure: it
 * reads the typed fields of the rows (stage, ids, yen, job id, print state), never their notes.
 *
 * <p>The rule it checks, per transaction: the cash taken equals the fees of documents printed, plus
 * the fees held for prints in doubt, plus change given, plus refunds, plus money owed to the
 * resident (open or handed over by staff). And every issuance is PRINTED, FAILED or IN_DOUBT.
 */
public final class Reconciliation {
    /** Where an issuance stands in the journal. OPEN: reserved and not yet settled either way. */
    public enum IssuanceStatus { OPEN, PRINTED, FAILED, IN_DOUBT }

    /** One issuance as the journal knows it. */
    public record IssuanceAccount(String issuanceId, String transactionId, int feeYen, boolean paid,
                                  IssuanceStatus status, boolean sentToPrinter, Integer printerJobId,
                                  PrintState confirmed, PrintState confirmationSent) {
        IssuanceAccount with(IssuanceStatus s, Integer job, boolean sent) {
            return new IssuanceAccount(issuanceId, transactionId, feeYen, paid, s, sent, job, confirmed, confirmationSent);
        }
    }

    /** The money of one transaction. */
    public record CashAccount(String transactionId, int takenYen, int keptYen, int heldYen, int changeYen,
                              int refundedYen, int owedYen, int owedSettledYen, int payoutsInFlightYen) {
        /** What the cash taken does not account for: owed to the resident if positive. */
        public int unaccountedYen() {
            return takenYen - keptYen - heldYen - changeYen - refundedYen - owedYen;
        }
    }

    /** The one-line totals of {@code journal audit} and the staff panel. */
    public record Totals(boolean ok, int takenYen, int feesKeptYen, int heldInDoubtYen, int changeYen, int refundedYen,
                         int owedOpenYen, int owedSettledYen, int issuances, int printed, int failed, int inDoubt,
                         int open, int unconfirmed, List<String> problems) {
        public Totals {
            problems = List.copyOf(problems);
        }
    }

    private final Map<String, IssuanceAccount> issuances = new LinkedHashMap<>();
    private final Map<String, int[]> cash = new LinkedHashMap<>();
    private final Map<String, int[]> dues = new LinkedHashMap<>();

    private static final int TAKEN = 0, CHANGE = 1, REFUNDED = 2, OWED = 3, OWED_SETTLED = 4;

    private Reconciliation(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            fold(e);
        }
    }

    public static Reconciliation of(List<JournalEntry> entries) {
        return new Reconciliation(entries);
    }

    private void fold(JournalEntry e) {
        int yen = e.yen() == null ? 0 : e.yen();
        String id = e.issuanceId();
        if (id != null && (e.stage() == JournalStage.RESERVED || issuances.containsKey(id))) {
            IssuanceAccount a = issuances.getOrDefault(id, new IssuanceAccount(id, e.transactionId(), yen, false,
                    IssuanceStatus.OPEN, false, null, null, null));
            switch (e.stage()) {
                case PAID -> a = new IssuanceAccount(id, a.transactionId(), yen, true, a.status(), a.sentToPrinter(),
                        a.printerJobId(), a.confirmed(), a.confirmationSent());
                case PRINT_SENDING -> a = a.with(a.status(), a.printerJobId(), true);
                case PRINT_SUBMITTED -> a = a.with(a.status(), e.printerJobId(), true);
                case CONFIRM_SENT -> a = new IssuanceAccount(id, a.transactionId(), a.feeYen(), a.paid(), a.status(),
                        a.sentToPrinter(), a.printerJobId(), a.confirmed(), e.printState());
                case CONFIRMED -> a = new IssuanceAccount(id, a.transactionId(), a.feeYen(), a.paid(), a.status(),
                        a.sentToPrinter(), a.printerJobId(), e.printState() != null ? e.printState()
                        : a.confirmationSent() != null ? a.confirmationSent() : PrintState.FAILED, a.confirmationSent());
                default -> { }
            }
            if (e.printState() != null && e.stage() != JournalStage.CONFIRM_SENT && e.stage() != JournalStage.CONFIRMED) {
                a = a.with(IssuanceStatus.valueOf(e.printState().name()),
                        e.printerJobId() != null ? e.printerJobId() : a.printerJobId(), a.sentToPrinter());
            }
            issuances.put(id, a);
        }
        int[] c = cash.computeIfAbsent(e.transactionId(), k -> new int[5]);
        int[] due = dues.computeIfAbsent(e.transactionId(), k -> new int[1]);
        switch (e.stage()) {
            case CASH_TAKEN -> c[TAKEN] += yen;
            case CHANGE_DUE, REFUND_DUE -> due[0] += yen;
            case CHANGE_GIVEN -> { c[CHANGE] += yen; due[0] -= yen; }
            case REFUNDED -> { c[REFUNDED] += yen; due[0] -= yen; }
            case PAYOUT_FAILED -> { c[OWED] += yen; due[0] -= yen; }
            case OWED -> { c[OWED] += yen; due[0] = Math.max(0, due[0] - yen); }
            case OWED_SETTLED -> c[OWED_SETTLED] += yen;
            default -> { }
        }
    }

    public List<IssuanceAccount> issuances() {
        return List.copyOf(issuances.values());
    }

    public java.util.Optional<IssuanceAccount> issuance(String issuanceId) {
        return java.util.Optional.ofNullable(issuances.get(issuanceId));
    }

    /** Issuances whose print nobody can vouch for yet, oldest first. */
    public List<IssuanceAccount> inDoubt() {
        return issuances.values().stream().filter(a -> a.status() == IssuanceStatus.IN_DOUBT).toList();
    }

    public List<CashAccount> cash() {
        List<CashAccount> accounts = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : cash.entrySet()) {
            String tx = entry.getKey();
            int[] c = entry.getValue();
            int kept = 0;
            int held = 0;
            for (IssuanceAccount a : issuances.values()) {
                if (a.transactionId().equals(tx) && a.paid()) {
                    if (a.status() == IssuanceStatus.PRINTED) {
                        kept += a.feeYen();
                    } else if (a.status() == IssuanceStatus.IN_DOUBT
                            || a.status() == IssuanceStatus.OPEN && a.sentToPrinter()) {
                        held += a.feeYen();
                    }
                }
            }
            accounts.add(new CashAccount(tx, c[TAKEN], kept, held, c[CHANGE], c[REFUNDED], c[OWED], c[OWED_SETTLED],
                    dues.get(tx)[0]));
        }
        return accounts;
    }

    public Totals totals() {
        List<String> problems = new ArrayList<>();
        int taken = 0, kept = 0, held = 0, change = 0, refunded = 0, owed = 0, owedSettled = 0;
        for (CashAccount c : cash()) {
            taken += c.takenYen();
            kept += c.keptYen();
            held += c.heldYen();
            change += c.changeYen();
            refunded += c.refundedYen();
            owed += c.owedYen();
            owedSettled += c.owedSettledYen();
            if (c.unaccountedYen() != 0) {
                problems.add("transaction " + c.transactionId() + ": " + c.unaccountedYen() + " yen taken not accounted for");
            }
            if (c.payoutsInFlightYen() != 0) {
                problems.add("transaction " + c.transactionId() + ": a payout of " + c.payoutsInFlightYen()
                        + " yen was started and never settled");
            }
            if (c.owedSettledYen() > c.owedYen()) {
                problems.add("transaction " + c.transactionId() + ": staff handed over more than was owed");
            }
        }
        int printed = 0, failed = 0, inDoubt = 0, open = 0, unconfirmed = 0;
        for (IssuanceAccount a : issuances.values()) {
            switch (a.status()) {
                case PRINTED -> printed++;
                case FAILED -> failed++;
                case IN_DOUBT -> inDoubt++;
                case OPEN -> {
                    open++;
                    problems.add("issuance " + a.issuanceId() + ": neither printed, failed nor in doubt");
                }
            }
            if (a.status() != IssuanceStatus.OPEN && a.status() != IssuanceStatus.IN_DOUBT
                    && (a.confirmed() == null || !a.confirmed().name().equals(a.status().name()))) {
                unconfirmed++;
            }
        }
        return new Totals(problems.isEmpty(), taken, kept, held, change, refunded, owed - owedSettled, owedSettled,
                issuances.size(), printed, failed, inDoubt, open, unconfirmed, problems);
    }
}
