package jp.certkiosk.app.headless;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;

/**
 * Plays a {@link Scenario} through the kiosk's own flow and engine, as a resident would at the
 * screen: place the card, type PINs, choose a document, pay the exact fee with the simulated
 * coin and bill acceptor, take the card.
 */
public final class HeadlessRunner {
    /** Steps one transaction may take before the runner calls it stuck. */
    private static final int MAX_STEPS = 50;

    private final KioskEngine engine;
    private final CardHand hand;
    private final Journal journal;
    private final SimulatedPaymentDevice payment;

    /** Time a watched reader gets to tell the engine a card came or went. */
    private static final long WATCHER_WAIT_MILLIS = 30_000;

    public HeadlessRunner(KioskEngine engine, VirtualCardSlot slot, Journal journal, SimulatedPaymentDevice payment) {
        this(engine, CardHand.of(slot), journal, payment);
    }

    /** A runner whose resident places cards with {@code hand}: e.g. on a PC/SC reader through the virtual card process. */
    public HeadlessRunner(KioskEngine engine, CardHand hand, Journal journal, SimulatedPaymentDevice payment) {
        this.engine = engine;
        this.hand = hand;
        this.journal = journal;
        this.payment = payment;
    }

    public Report run(Scenario scenario) {
        return run(scenario, report -> { });
    }

    /**
     * Plays the scenario; {@code progress} gets the report so far after each transaction, so a run
     * cut short still leaves the report of every transaction that ended.
     */
    public Report run(Scenario scenario, java.util.function.Consumer<Report> progress) {
        List<Report.TransactionReport> results = new ArrayList<>();
        int number = 0;
        for (Scenario.Step step : scenario.transactions()) {
            number++;
            results.add(playable(number, step));
            progress.accept(new Report(hand.reader(), results));
        }
        return new Report(hand.reader(), results);
    }

    /** A step that cannot be played as written gets a report saying why; the others are played. */
    private Report.TransactionReport playable(int number, Scenario.Step step) {
        if (step.card() == null || step.card().isBlank()) {
            return Report.TransactionReport.notPlayed(number, step.card(), "INVALID_STEP",
                    "transaction " + number + ": no card named");
        }
        if (step.copiesOrOne() < 1 || step.copiesOrOne() > jp.certkiosk.app.flow.Flow.MAX_COPIES) {
            return Report.TransactionReport.notPlayed(number, step.card(), "INVALID_STEP",
                    "transaction " + number + ": copies " + step.copiesOrOne() + " (1 to "
                            + jp.certkiosk.app.flow.Flow.MAX_COPIES + " allowed)");
        }
        if (engine.sellingStopped().isPresent()) {
            engine.settleDoubts(); // a print in doubt may have settled at the printer meanwhile
        }
        if (engine.sellingStopped().isPresent()) {
            return Report.TransactionReport.notPlayed(number, step.card(), "OUT_OF_SERVICE",
                    engine.sellingStopped().orElse("out of service"));
        }
        try {
            return play(step);
        } catch (UnknownCard e) {
            return Report.TransactionReport.notPlayed(number, step.card(), "INVALID_STEP",
                    "transaction " + number + ": " + e.getMessage());
        }
    }

    /** The hand could not place a card of that profile: the step is reported, the run goes on. */
    private static final class UnknownCard extends RuntimeException {
        UnknownCard(String message) {
            super(message);
        }
    }

    private Report.TransactionReport play(Scenario.Step step) {
        if (!(engine.state() instanceof FlowState.Welcome)) {
            throw new IllegalStateException("the kiosk is not at the welcome screen: " + engine.state());
        }
        List<Report.PinAttempt> attempts = new ArrayList<>();
        Iterator<String> pins = step.pins().iterator();
        try {
            hand.place(step.card());
        } catch (IllegalArgumentException e) {
            throw new UnknownCard(e.getMessage());
        }
        String tx;
        FlowState state;
        if (hand.watched()) {
            state = await(s -> !(s instanceof FlowState.Welcome) && !(s instanceof FlowState.ReadingCard),
                    "the card watcher to report card '" + step.card() + "' placed on " + hand.reader());
            tx = transactionId(state);
        } else {
            tx = "tx-" + UUID.randomUUID();
            state = engine.dispatch(new FlowEvent.CardInserted(tx));
        }
        int verifies = 0;
        int feeYen = 0;
        int paidYen = 0;
        for (int steps = 0; !(state instanceof FlowState.TakeCard) && !(state instanceof FlowState.Welcome); steps++) {
            if (steps > MAX_STEPS) {
                throw new IllegalStateException("transaction " + tx + " is stuck in " + state);
            }
            if (state instanceof FlowState.EnteringPin) {
                if (!pins.hasNext()) {
                    state = engine.dispatch(new FlowEvent.Cancelled());
                    continue;
                }
                int before = countVerifies();
                state = type(pins.next());
                verifies += countVerifies() - before;
                attempts.add(attempt(state));
            } else if (state instanceof FlowState.ChoosingDocument choosing) {
                state = engine.dispatch(choice(step, choosing.session().menu()));
            } else if (state instanceof FlowState.Paying paying) {
                feeYen = paying.issuance().feeYen();
                int coin = largestCoinWithin(paying.dueYen());
                if (!payment.insert(coin)) {
                    throw new IllegalStateException("the payment device refused " + coin + " yen while a fee is due");
                }
                paidYen += coin;
                state = engine.dispatch(new FlowEvent.CashInserted(coin));
            } else {
                throw new IllegalStateException("the flow waits in " + state + " with nothing for the resident to do");
            }
        }
        Outcome outcome = state instanceof FlowState.TakeCard take ? take.outcome() : new Outcome.CardRemovedEarly();
        hand.take();
        if (hand.watched()) {
            await(s -> s instanceof FlowState.Welcome, "the card watcher to report the card taken from " + hand.reader());
        } else {
            engine.dispatch(new FlowEvent.CardRemoved());
        }
        List<JournalEntry> rows = journalOf(tx);
        return new Report.TransactionReport(tx, step.card(), outcome.code(), outcome.issuanceId(), outputFile(outcome),
                attempts, verifies, feeYen, paidYen, refundedYen(rows), lines(rows));
    }

    /**
     * What the scripted resident does at the menu: choose the document with its options, file the
     * use registration the domicile's municipality needs, or cancel when the document is not offered.
     * A family-register document the menu says cannot be issued here is chosen all the same: the
     * kiosk then tells why.
     */
    static FlowEvent choice(Scenario.Step step, Menu menu) {
        DocumentType document = step.document();
        if (document == null) {
            return new FlowEvent.Cancelled();
        }
        FamilyRegisterAccess access = menu.familyRegister();
        if (document.fromFamilyRegister() && access.status() != FamilyRegisterAccess.Status.AVAILABLE
                && access.status() != FamilyRegisterAccess.Status.NONE) {
            return access.status() == FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED && step.filesUseRegistration()
                    ? new FlowEvent.UseRegistrationRequested()
                    : new FlowEvent.DocumentChosen(document, step.copiesOrOne());
        }
        if (menu.documents().stream().noneMatch(d -> d.type() == document)) {
            return new FlowEvent.Cancelled();
        }
        IssuanceOptions options = IssuanceOptions.standard();
        if (document == DocumentType.FAMILY_REGISTER) {
            options = step.register() == IssuanceOptions.RegisterExtent.INDIVIDUAL
                    ? IssuanceOptions.registerPerson(personRef(access, step.person()))
                    : IssuanceOptions.wholeRegister();
        } else if (document == DocumentType.TAX_CERTIFICATE && !menu.fiscalYears().isEmpty()) {
            options = IssuanceOptions.tax(step.fiscalYear() != null ? step.fiscalYear() : menu.fiscalYears().get(0),
                    step.taxKind());
        }
        return new FlowEvent.DocumentChosen(document, step.copiesOrOne(), options);
    }

    /** The reference of the register's person shown under this name (spaces ignored). */
    private static String personRef(FamilyRegisterAccess access, String name) {
        if (name == null) {
            throw new IllegalArgumentException("an INDIVIDUAL family-register certificate needs \"person\"");
        }
        String wanted = name.replaceAll("[ 　]", "");
        return access.persons().stream()
                .filter(p -> p.displayName().replaceAll("[ 　]", "").equals(wanted))
                .map(HouseholdMember::memberRef)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no person named in the scenario is in the register"));
    }

    /** The resident pays the exact fee, coin by coin, largest coin first; a bill when no coin fits. */
    private static int largestCoinWithin(int dueYen) {
        List<Integer> denominations = SimulatedPaymentDevice.DENOMINATIONS;
        for (int i = denominations.size() - 1; i >= 0; i--) {
            if (denominations.get(i) <= dueYen) {
                return denominations.get(i);
            }
        }
        return denominations.get(denominations.size() - 1);
    }

    private static int refundedYen(List<JournalEntry> rows) {
        return rows.stream().filter(e -> e.stage() == JournalStage.REFUNDED && e.yen() != null)
                .mapToInt(JournalEntry::yen).sum();
    }

    /** The rows as report lines: stage, then the amount, job id, print state and note where there are. */
    private static List<String> lines(List<JournalEntry> rows) {
        List<String> lines = new ArrayList<>();
        for (JournalEntry e : rows) {
            StringBuilder line = new StringBuilder(e.stage().name());
            if (e.yen() != null) {
                line.append(' ').append(e.yen()).append(" yen");
            }
            if (e.printerJobId() != null) {
                line.append(" job ").append(e.printerJobId());
            }
            if (e.printState() != null) {
                line.append(' ').append(e.printState());
            }
            if (e.detail() != null) {
                line.append(' ').append(e.detail());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private FlowState type(String typed) {
        char[] digits = typed.toCharArray();
        try {
            return engine.dispatch(new FlowEvent.PinEntered(Pin.typed(digits)));
        } finally {
            java.util.Arrays.fill(digits, '\0');
        }
    }

    private static Report.PinAttempt attempt(FlowState after) {
        if (after instanceof FlowState.EnteringPin entering) {
            return entering.malformed()
                    ? new Report.PinAttempt("MALFORMED", entering.triesLeft())
                    : new Report.PinAttempt("WRONG", entering.triesLeft());
        }
        if (after instanceof FlowState.TakeCard take && take.outcome() instanceof Outcome.PinBlocked) {
            return new Report.PinAttempt("BLOCKED", 0);
        }
        return new Report.PinAttempt("ACCEPTED", null);
    }

    /** VERIFY commands with a PIN that the card on the reader has received so far. */
    private int countVerifies() {
        return hand.verifiesReceived();
    }

    private FlowState await(java.util.function.Predicate<FlowState> reached, String what) {
        long end = System.currentTimeMillis() + WATCHER_WAIT_MILLIS;
        FlowState state = engine.state();
        while (!reached.test(state)) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("waited " + WATCHER_WAIT_MILLIS / 1000 + " s for " + what + "; the flow is in " + state);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            state = engine.state();
        }
        return state;
    }

    private static String transactionId(FlowState state) {
        if (state instanceof FlowState.EnteringPin entering) {
            return entering.transactionId();
        }
        if (state instanceof FlowState.TakeCard take) {
            return take.transactionId();
        }
        throw new IllegalStateException("after reading the card the flow is in " + state);
    }

    private List<JournalEntry> journalOf(String tx) {
        return journal.entriesOf(tx);
    }

    private static String outputFile(Outcome outcome) {
        return outcome instanceof Outcome.Issued issued ? issued.location() : null;
    }
}
