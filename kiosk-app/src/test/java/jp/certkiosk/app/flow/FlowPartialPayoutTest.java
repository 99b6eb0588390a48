package jp.certkiosk.app.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import jp.certkiosk.app.flow.FlowEvent.PaidOut;
import jp.certkiosk.app.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/** A hopper that ran empty half-way: the drawer adds up only if the part it paid and the part owed are both journaled. */
class FlowPartialPayoutTest {
    private final Flow flow = new Flow(Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC));

    private static List<String> rows(Transition t) {
        return t.effects().stream().filter(e -> e instanceof Effect.Record).map(e -> ((Effect.Record) e).entry())
                .map(JournalEntry::stage).map(Enum::name).toList();
    }

    private static List<Integer> yen(Transition t) {
        return t.effects().stream().filter(e -> e instanceof Effect.Record).map(e -> ((Effect.Record) e).entry().yen()).toList();
    }

    @Test
    void aPayoutThatStoppedHalfWayIsWhatWasPaidAndWhatIsOwed() {
        Transition t = flow.next(Flow.initial(), new PaidOut("tx", "i-1", 180, Effect.PayOutPurpose.CHANGE, false,
                "paid 120 of 180 yen: hopper empty", 120));
        assertEquals(List.of("CHANGE_GIVEN", "PAYOUT_FAILED"), rows(t));
        assertEquals(List.of(120, 60), yen(t));

        Transition refund = flow.next(Flow.initial(), new PaidOut("tx", null, 100, Effect.PayOutPurpose.REFUND, false,
                "paid 50 of 100 yen", 50));
        assertEquals(List.of("REFUNDED", "PAYOUT_FAILED"), rows(refund));
        assertEquals(List.of(50, 50), yen(refund));
    }

    @Test
    void nothingPaidIsOwedWholeAndAllPaidIsOneRow() {
        Transition none = flow.next(Flow.initial(), new PaidOut("tx", "i-1", 180, Effect.PayOutPurpose.CHANGE, false, "silent"));
        assertEquals(List.of("PAYOUT_FAILED"), rows(none));
        assertEquals(List.of(180), yen(none));
        Transition all = flow.next(Flow.initial(), new PaidOut("tx", "i-1", 180, Effect.PayOutPurpose.CHANGE, true, null));
        assertEquals(List.of("CHANGE_GIVEN"), rows(all));
        assertEquals(List.of(180), yen(all));
    }
}
