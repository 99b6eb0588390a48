package jp.certkiosk.app.endpoint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;

/**
 * Settles the issuances the journal left in doubt (reserved, but no confirmation acknowledged: the
 * endpoint was unreachable, or the kiosk stopped mid-print), using the recovery query: an issuance
 * the endpoint already settled is only journaled; one still RESERVED is confirmed with what the
 * journal knows: PRINTED if the pages came out, else FAILED, so no fee is charged for pages the
 * kiosk cannot vouch for. Run when the kiosk starts, before the first resident.
 */
public final class ConfirmationRecovery {
    private static final System.Logger LOG = System.getLogger(ConfirmationRecovery.class.getName());

    private final IssuanceEndpoint endpoint;
    private final Journal journal;
    private final Clock clock;

    public ConfirmationRecovery(IssuanceEndpoint endpoint, Journal journal, Clock clock) {
        this.endpoint = endpoint;
        this.journal = journal;
        this.clock = clock;
    }

    /** What the journal says of one issuance. */
    private record Known(String transactionId, boolean printed, String failure, boolean confirmed) {}

    /** @return the issuance ids settled now */
    public List<String> recover() {
        List<String> settled = new ArrayList<>();
        for (Map.Entry<String, Known> entry : inDoubt().entrySet()) {
            String issuanceId = entry.getKey();
            Known known = entry.getValue();
            EndpointResult<IssuanceState> state = endpoint.state(issuanceId);
            if (state instanceof EndpointResult.Ok<IssuanceState> ok) {
                IssuanceState.Status status = ok.value().status();
                if (status != IssuanceState.Status.RESERVED) {
                    record(known, issuanceId, JournalStage.CONFIRMED, "recovered: already " + status);
                    settled.add(issuanceId);
                    continue;
                }
                Confirmation confirmation = known.printed() ? Confirmation.printed()
                        : Confirmation.failed(known.failure() != null ? known.failure() : "interrupted before the print settled");
                if (endpoint.confirm(issuanceId, confirmation) instanceof EndpointResult.Ok) {
                    record(known, issuanceId, JournalStage.CONFIRMED, "recovered: " + confirmation.outcome());
                    settled.add(issuanceId);
                }
            } else if (state instanceof EndpointResult.Refused<IssuanceState> refused
                    && refused.code() == ErrorCode.ISSUANCE_UNKNOWN) {
                // e.g. a document refused because it was another's: nothing of this kiosk to settle
                record(known, issuanceId, JournalStage.CONFIRMED, "recovered: not an issuance of this kiosk");
                settled.add(issuanceId);
            } else {
                LOG.log(System.Logger.Level.WARNING, "issuance {0} still in doubt", issuanceId);
            }
        }
        return settled;
    }

    /** Issuances with a journal entry but no acknowledged confirmation, oldest first. */
    private Map<String, Known> inDoubt() {
        Map<String, Known> known = new LinkedHashMap<>();
        for (JournalEntry e : journal.entries()) {
            if (e.issuanceId() == null) {
                continue;
            }
            Known k = known.getOrDefault(e.issuanceId(), new Known(e.transactionId(), false, null, false));
            if (e.stage() == JournalStage.PRINTED) {
                k = new Known(k.transactionId(), true, null, k.confirmed());
            } else if (e.stage() == JournalStage.PRINT_FAILED || e.stage() == JournalStage.BINDING_REFUSED) {
                k = new Known(k.transactionId(), false, e.stage() + ": " + e.detail(), k.confirmed());
            } else if (e.stage() == JournalStage.CONFIRMED) {
                k = new Known(k.transactionId(), k.printed(), k.failure(), true);
            }
            known.put(e.issuanceId(), k);
        }
        known.values().removeIf(Known::confirmed);
        return known;
    }

    private void record(Known known, String issuanceId, JournalStage stage, String detail) {
        journal.record(new JournalEntry(clock.instant(), known.transactionId(), stage, issuanceId, detail));
    }
}
