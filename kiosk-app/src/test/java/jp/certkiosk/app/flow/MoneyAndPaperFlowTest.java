package jp.certkiosk.app.flow;

import static jp.certkiosk.app.flow.FlowTest.CARD;
import static jp.certkiosk.app.flow.FlowTest.NOW;
import static jp.certkiosk.app.flow.FlowTest.SESSION;
import static jp.certkiosk.app.flow.FlowTest.issuance;
import static jp.certkiosk.app.flow.FlowTest.journalStages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.app.flow.FlowEvent.*;
import jp.certkiosk.app.flow.FlowState.*;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalEntry.PrintState;
import jp.certkiosk.app.journal.JournalStage;
import org.junit.jupiter.api.Test;

/** The flow's promises about money and paper: every yen journaled, no refund or charge on a guess. */
class MoneyAndPaperFlowTest {
    final Flow flow = new Flow(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void moneyArrivingWhenNoFeeIsDueIsJournaledAndPaidBackInEveryState() {
        Issuance issuance = issuance("i-1", "s-1", "aa11");
        for (FlowState state : List.of(new Welcome(), new EnteringPin("tx", CARD, 3, false, false),
                new ChoosingDocument("tx", CARD, SESSION), new Printing("tx", CARD, SESSION, issuance, true),
                new TakeCard("tx", new Outcome.Cancelled()))) {
            Transition t = flow.next(state, new CashInserted(100));
            assertEquals(state, t.state(), "the flow does not move: " + state);
            assertEquals(List.of(JournalStage.CASH_TAKEN, JournalStage.REFUND_DUE), journalStages(t), state.toString());
            Effect.PayOut payOut = assertInstanceOf(Effect.PayOut.class, t.effects().get(2));
            assertEquals(100, payOut.yen());
            assertEquals(Effect.PayOutPurpose.REFUND, payOut.purpose());
            assertEquals(state instanceof Welcome ? "idle" : "tx", payOut.transactionId());
        }
    }

    @Test
    void changeIsJournaledDueBeforeTheHopperRuns() {
        Paying paying = new Paying("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), 0);
        Transition t = flow.next(paying, new CashInserted(500));
        List<JournalStage> stages = journalStages(t);
        assertEquals(List.of(JournalStage.CASH_TAKEN, JournalStage.PAID, JournalStage.CHANGE_DUE, JournalStage.PRINT_SENDING),
                stages);
        int due = t.effects().indexOf(t.effects().stream().filter(e -> e instanceof Effect.Record r
                && r.entry().stage() == JournalStage.CHANGE_DUE).findFirst().orElseThrow());
        assertEquals(new Effect.PayOut("tx", "i-1", 300, Effect.PayOutPurpose.CHANGE), t.effects().get(due + 1));
        assertEquals(300, ((Effect.Record) t.effects().get(due)).entry().yen());
    }

    @Test
    void aPrintInDoubtIsNeitherRefundedNorConfirmedAndStopsSelling() {
        Printing printing = new Printing("tx", CARD, SESSION, issuance("i-1", "s-1", "aa11"), true);
        Transition t = flow.next(printing, new PrintInDoubt("job 7 not settled after 180 s", 7));

        assertEquals(new TakeCard("tx", new Outcome.PrintInDoubt("i-1")), t.state());
        assertEquals(List.of(JournalStage.PRINT_IN_DOUBT), journalStages(t));
        JournalEntry row = ((Effect.Record) t.effects().get(0)).entry();
        assertEquals(PrintState.IN_DOUBT, row.printState());
        assertEquals(7, row.printerJobId());
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.PayOut), "no refund on a guess");
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.Confirm), "no FAILED on a guess");
        assertTrue(t.effects().stream().anyMatch(e -> e instanceof Effect.StopSelling));
    }

    @Test
    void aSignedFeeThatIsNotTheMenusFeeTimesTheCopiesRefusesBeforeAnyMoney() {
        Reserving reserving = new Reserving("tx", CARD, SESSION, DocumentType.RESIDENT_RECORD_COPY, 1);
        Issuance issuance = issuance("i-1", "s-1", "aa11");
        for (int signedFee : new int[] {0, 199, 400}) {
            DocumentStatement statement = new DocumentStatement("i-1", "s-1", "kiosk-1", "aa11", "999001",
                    DocumentType.RESIDENT_RECORD_COPY, 1, signedFee, "00", NOW);
            Transition t = flow.next(reserving, new IssuanceReserved(issuance, statement));
            assertEquals(List.of(JournalStage.BINDING_REFUSED, JournalStage.CONFIRM_SENT), journalStages(t));
            assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.CollectPayment), "no fee: " + signedFee);
        }
        // the statement is right, the issuance's unsigned fee is not
        Issuance wrongFee = new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 250, issuance.binding(),
                issuance.pdf(), issuance.signedStatement(), issuance.printKey());
        Transition t = flow.next(reserving, FlowTest.reserved(wrongFee));
        assertTrue(t.effects().stream().noneMatch(e -> e instanceof Effect.CollectPayment));
        // and the right fee is collected
        t = flow.next(reserving, FlowTest.reserved(issuance));
        assertEquals(new Effect.CollectPayment(200), t.effects().get(1));
    }
}
