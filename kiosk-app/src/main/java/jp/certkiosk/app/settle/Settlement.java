package jp.certkiosk.app.settle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.endpoint.IssuanceEndpoint;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalEntry.PrintState;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.journal.Reconciliation.IssuanceAccount;
import jp.certkiosk.app.journal.Reconciliation.IssuanceStatus;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;

/**
 * Settles what the journal leaves open, at the printer and the endpoint, and journals every
 * settlement before it is acted on:
 * <ul>
 * <li>a print in doubt, or one a stopped kiosk never saw settle, is looked up at the printer by its
 *     job name (the issuance id): completed is PRINTED, canceled, aborted or never received is
 *     FAILED, anything else stays IN_DOUBT; staff may settle a doubt by their own look at the printer;
 * <li>a print the kiosk never sent (it stopped before) is FAILED;
 * <li>a settled issuance whose confirmation the endpoint never acknowledged is confirmed;
 * <li>money a stopped kiosk took and did not account for (a payment left mid-way, a payout
 *     interrupted, the fee of a print settled FAILED after the resident left) is journaled OWED to
 *     the resident, for staff to hand over.
 * </ul>
 */
public final class Settlement {
    private static final System.Logger LOG = System.getLogger(Settlement.class.getName());

    private final Journal journal;
    private final Printer printer;
    private final IssuanceEndpoint endpoint;
    private final Clock clock;

    public Settlement(Journal journal, Printer printer, IssuanceEndpoint endpoint, Clock clock) {
        this.journal = journal;
        this.printer = printer;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** What a settlement run did: issuances settled or confirmed now, those still in doubt, yen newly owed. */
    public record Result(List<String> settled, List<String> confirmed, List<String> stillInDoubt, int owedYen) {}

    /** When the kiosk starts, before the first resident: everything a stopped kiosk left open. */
    public Result atStart() {
        List<String> settled = new ArrayList<>();
        for (IssuanceAccount a : Reconciliation.of(journal.entries()).issuances()) {
            if (a.status() == IssuanceStatus.OPEN && !a.sentToPrinter()) {
                record(a, JournalStage.PRINT_SETTLED, PrintState.FAILED, null, "the kiosk stopped before printing");
                settled.add(a.issuanceId());
            } else if (a.status() == IssuanceStatus.OPEN || a.status() == IssuanceStatus.IN_DOUBT) {
                if (askPrinter(a, a.status() == IssuanceStatus.OPEN)) {
                    settled.add(a.issuanceId());
                }
            }
        }
        int owed = owe();
        List<String> confirmed = confirm();
        return new Result(settled, confirmed, stillInDoubt(), owed);
    }

    /** While the kiosk runs: prints in doubt are asked about again, confirmations sent again. */
    public Result whileRunning() {
        List<String> settled = new ArrayList<>();
        int owed = 0;
        for (IssuanceAccount a : Reconciliation.of(journal.entries()).inDoubt()) {
            if (askPrinter(a, false)) {
                settled.add(a.issuanceId());
                owed += oweFeeIfFailed(a.issuanceId());
            }
        }
        List<String> confirmed = confirm();
        return new Result(settled, confirmed, stillInDoubt(), owed);
    }

    /**
     * Staff looked at the printer: the pages of a print in doubt came out ({@code printed}) or did
     * not. Journaled as the staff's settlement; a print that did not come out owes the resident its
     * fee. False when the issuance is not in doubt.
     */
    public boolean settleByStaff(String issuanceId, boolean printed) {
        IssuanceAccount a = Reconciliation.of(journal.entries()).issuance(issuanceId).orElse(null);
        if (a == null || a.status() != IssuanceStatus.IN_DOUBT) {
            return false;
        }
        record(a, JournalStage.PRINT_SETTLED, printed ? PrintState.PRINTED : PrintState.FAILED, a.printerJobId(),
                "by staff: " + (printed ? "the pages came out" : "no pages came out"));
        oweFeeIfFailed(issuanceId);
        confirm();
        return true;
    }

    /** Staff handed over money owed to a resident in this transaction. */
    public void handedOver(String transactionId, int yen) {
        journal.record(JournalEntry.money(clock.instant(), transactionId, JournalStage.OWED_SETTLED, null, yen,
                "handed over by staff"));
    }

    /** Issuances still in doubt, oldest first. */
    public List<String> stillInDoubt() {
        return Reconciliation.of(journal.entries()).inDoubt().stream().map(IssuanceAccount::issuanceId).toList();
    }

    /** Asks the printer about the job named by the issuance id; journals what it says. True if settled. */
    private boolean askPrinter(IssuanceAccount a, boolean firstWord) {
        PrintOutcome outcome = printer.lookup(a.issuanceId());
        if (outcome instanceof PrintOutcome.Failed f && f.unknownToPrinter() && a.printerJobId() != null) {
            // the printer took this job (it gave it an id): no longer knowing it is not "never received"
            outcome = new PrintOutcome.InDoubt("the printer took job " + a.printerJobId() + " but no longer knows it");
        }
        if (outcome instanceof PrintOutcome.Completed) {
            record(a, JournalStage.PRINT_SETTLED, PrintState.PRINTED, a.printerJobId(), "at the printer: completed");
            LOG.log(System.Logger.Level.INFO, "print settled: " + a.issuanceId() + " PRINTED");
            return true;
        }
        if (outcome instanceof PrintOutcome.Failed failed) {
            record(a, JournalStage.PRINT_SETTLED, PrintState.FAILED, a.printerJobId(), "at the printer: " + failed.reason());
            LOG.log(System.Logger.Level.INFO, "print settled: " + a.issuanceId() + " FAILED");
            return true;
        }
        if (firstWord) {
            record(a, JournalStage.PRINT_IN_DOUBT, PrintState.IN_DOUBT, a.printerJobId(),
                    "after a stop: " + ((PrintOutcome.InDoubt) outcome).reason());
            LOG.log(System.Logger.Level.WARNING, "print in doubt: " + a.issuanceId());
        }
        return false;
    }

    /** The fee of a paid print settled FAILED after its resident left is owed to them. */
    private int oweFeeIfFailed(String issuanceId) {
        Reconciliation now = Reconciliation.of(journal.entries());
        IssuanceAccount a = now.issuance(issuanceId).orElseThrow();
        if (a.status() != IssuanceStatus.FAILED || !a.paid() || a.feeYen() == 0) {
            return 0;
        }
        for (Reconciliation.CashAccount c : now.cash()) {
            if (c.transactionId().equals(a.transactionId()) && c.unaccountedYen() > 0) {
                int yen = c.unaccountedYen();
                journal.record(JournalEntry.money(clock.instant(), a.transactionId(), JournalStage.OWED, issuanceId, yen,
                        "refund of a print settled failed after the resident left"));
                return yen;
            }
        }
        return 0;
    }

    /** Every transaction's cash not accounted for is owed to its resident (only when no transaction runs). */
    private int owe() {
        int owed = 0;
        for (Reconciliation.CashAccount c : Reconciliation.of(journal.entries()).cash()) {
            if (c.unaccountedYen() > 0) {
                journal.record(JournalEntry.money(clock.instant(), c.transactionId(), JournalStage.OWED, null,
                        c.unaccountedYen(), "taken before the kiosk stopped and not paid back"));
                owed += c.unaccountedYen();
            }
        }
        return owed;
    }

    /** Confirms every settled issuance the endpoint has not acknowledged. */
    private List<String> confirm() {
        List<String> confirmed = new ArrayList<>();
        for (IssuanceAccount a : Reconciliation.of(journal.entries()).issuances()) {
            if (a.status() != IssuanceStatus.PRINTED && a.status() != IssuanceStatus.FAILED) {
                continue;
            }
            PrintState known = PrintState.valueOf(a.status().name());
            if (known == a.confirmed()) {
                continue;
            }
            EndpointResult<IssuanceState> state = endpoint.state(a.issuanceId());
            if (state instanceof EndpointResult.Ok<IssuanceState> ok && known == PrintState.PRINTED
                    && ok.value().status() == IssuanceState.Status.FAILED
                    && ErrorCode.RESERVATION_EXPIRED.name().equals(ok.value().failureReason())) {
                // the print outlived the reservation: the paper exists, so the endpoint is told all the same;
                // it keeps the late print on record and answers RESERVATION_EXPIRED (FAILED, no fee)
                record(a, JournalStage.CONFIRM_SENT, known, null, null);
                EndpointResult<Void> told = endpoint.confirm(a.issuanceId(), Confirmation.printed());
                if (told instanceof EndpointResult.Ok || (told instanceof EndpointResult.Refused<Void> late
                        && late.code() == ErrorCode.RESERVATION_EXPIRED)) {
                    record(a, JournalStage.CONFIRMED, known, null,
                            "recovered: printed after the reservation expired; the endpoint recorded the late print");
                    confirmed.add(a.issuanceId());
                } else {
                    LOG.log(System.Logger.Level.WARNING, "issuance {0}: late print not yet delivered", a.issuanceId());
                }
            } else if (state instanceof EndpointResult.Ok<IssuanceState> ok
                    && ok.value().status() != IssuanceState.Status.RESERVED) {
                PrintState there = ok.value().status() == IssuanceState.Status.PRINTED ? PrintState.PRINTED : PrintState.FAILED;
                record(a, JournalStage.CONFIRMED, there, null, "recovered: already " + ok.value().status());
                confirmed.add(a.issuanceId());
            } else if (state instanceof EndpointResult.Ok<IssuanceState>) {
                record(a, JournalStage.CONFIRM_SENT, known, null, null);
                Confirmation confirmation = known == PrintState.PRINTED ? Confirmation.printed()
                        : Confirmation.failed("settled after the transaction: not printed");
                if (endpoint.confirm(a.issuanceId(), confirmation) instanceof EndpointResult.Ok) {
                    record(a, JournalStage.CONFIRMED, known, null, "recovered: " + confirmation.outcome());
                    confirmed.add(a.issuanceId());
                }
            } else if (state instanceof EndpointResult.Refused<IssuanceState> refused
                    && refused.code() == ErrorCode.ISSUANCE_UNKNOWN) {
                // e.g. a document refused because it was another's: nothing of this kiosk to settle
                record(a, JournalStage.CONFIRMED, known, null, "recovered: not an issuance of this kiosk");
                confirmed.add(a.issuanceId());
            } else {
                LOG.log(System.Logger.Level.WARNING, "issuance {0}: confirmation still not delivered", a.issuanceId());
            }
        }
        return confirmed;
    }

    private void record(IssuanceAccount a, JournalStage stage, PrintState state, Integer jobId, String detail) {
        journal.record(JournalEntry.print(clock.instant(), a.transactionId(), stage, a.issuanceId(), jobId, state, detail));
    }
}
