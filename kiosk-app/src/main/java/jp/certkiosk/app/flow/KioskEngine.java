package jp.certkiosk.app.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.SessionRequest;

import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.endpoint.IssuanceEndpoint;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.settle.Settlement;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.printer.Submission;
import jp.certkiosk.printer.security.AntiForgeryComposer;
import jp.certkiosk.printer.security.MunicipalPdfCheck;
import jp.certkiosk.printer.security.PrintMarks;

/**
 * Runs the flow against the real world: feeds each event to {@link Flow}, carries out the effects
 * in order, and feeds their answers back, until the flow waits for the resident again. One event
 * at a time: nothing of one transaction can interleave with another's.
 *
 * <p>It stops selling (takes no new card) while a print is in doubt, or after a journal row could
 * not be written; what the resident was owed at that moment (a refund, the confirmation) is still
 * carried out. A doubt is settled at the printer and the endpoint when the kiosk starts, whenever
 * a card is placed while it is stopped, and by staff.
 */
public final class KioskEngine {
    private final Flow flow;
    private final String kioskId;
    private final CardService card;
    private final IssuanceEndpoint endpoint;
    private final Printer printer;
    private final Journal journal;
    private final DocumentVerifier verifier;
    private final AntiForgeryComposer composer = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO);
    private final PaymentDevice payment;
    private final List<Consumer<FlowState>> listeners = new CopyOnWriteArrayList<>();
    private FlowState state = Flow.initial();
    // read by the screens without waiting for a transaction to finish
    private volatile String journalFailure;
    private volatile boolean doubtOpen;

    /** @param verifier checks the municipality's signature over every document before the flow sees it */
    public KioskEngine(Flow flow, String kioskId, CardService card, IssuanceEndpoint endpoint, Printer printer,
                       Journal journal, DocumentVerifier verifier, PaymentDevice payment) {
        this.flow = flow;
        this.kioskId = kioskId;
        this.card = card;
        this.endpoint = endpoint;
        this.printer = printer;
        this.journal = journal;
        this.verifier = verifier;
        this.payment = payment;
        this.doubtOpen = !Reconciliation.of(journal.entries()).inDoubt().isEmpty();
    }

    /** Why the kiosk takes no new resident, for staff; empty while it sells. Never waits for a transaction. */
    public Optional<String> sellingStopped() {
        String failure = journalFailure;
        if (failure != null) {
            return Optional.of("the journal cannot be written (" + failure + "): call the service technician");
        }
        if (doubtOpen) {
            return Optional.of("a print is in doubt: check the printer and settle it in staff mode");
        }
        Optional<String> paymentDown = payment == null ? Optional.empty() : payment.outOfService();
        if (paymentDown.isPresent()) {
            return Optional.of("the coin acceptor is out of service (" + paymentDown.get() + ")");
        }
        return Optional.empty();
    }

    /** The settlement of this kiosk's open prints, confirmations and money owed, on its own parts. */
    public Settlement settlement() {
        return new Settlement(journal, printer, endpoint, flow.clock());
    }

    /** Settles what a stopped kiosk left open: run once when the kiosk starts, before the first resident. */
    public synchronized Settlement.Result settleAtStart() {
        Settlement.Result result = settlement().atStart();
        doubtOpen = !result.stillInDoubt().isEmpty();
        Reconciliation.Totals totals = Reconciliation.of(journal.entries()).totals();
        String line;
        try {
            line = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(totals);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            line = totals.toString();
        }
        System.getLogger(KioskEngine.class.getName()).log(
                totals.ok() ? System.Logger.Level.INFO : System.Logger.Level.ERROR, "journal audit after start: " + line);
        return result;
    }

    /**
     * Staff looked at the printer and say whether the pages of a print in doubt came out; the kiosk
     * sells again once no doubt is left.
     */
    public synchronized boolean settleByStaff(String issuanceId, boolean printed) {
        boolean settled = settlement().settleByStaff(issuanceId, printed);
        doubtOpen = !Reconciliation.of(journal.entries()).inDoubt().isEmpty();
        return settled;
    }

    /**
     * Settles prints in doubt and undelivered confirmations now (at the printer and the endpoint);
     * the kiosk sells again once no doubt is left.
     */
    public synchronized Settlement.Result settleDoubts() {
        Settlement.Result result = settlement().whileRunning();
        doubtOpen = !Reconciliation.of(journal.entries()).inDoubt().isEmpty();
        return result;
    }

    /**
     * The timer's turn ({@code DoubtRetry} in the settle package): while a print in doubt stops
     * the kiosk, asks the printer and the endpoint again. Returns whether selling is still stopped.
     */
    public synchronized boolean retryDoubts() {
        if (journalFailure == null && doubtOpen) {
            Settlement.Result result = settleDoubts();
            System.getLogger(KioskEngine.class.getName()).log(System.Logger.Level.INFO,
                    "prints in doubt asked again: " + result.stillInDoubt().size() + " still in doubt");
        }
        return sellingStopped().isPresent();
    }

    public synchronized FlowState state() {
        return state;
    }

    /** Called with every new state, on the thread that dispatched. */
    public void onStateChange(Consumer<FlowState> listener) {
        listeners.add(listener);
    }

    /** Handles one event and everything it leads to; returns the state the flow then waits in. */
    public synchronized FlowState dispatch(FlowEvent event) {
        if (event instanceof FlowEvent.CardInserted && state instanceof FlowState.Welcome && stoppedAfterRetry()) {
            return state;
        }
        Deque<FlowEvent> pending = new ArrayDeque<>();
        pending.add(event);
        try {
            while (!pending.isEmpty()) {
                Transition transition = flow.next(state, pending.poll());
                boolean changed = !transition.state().equals(state);
                state = transition.state();
                if (changed) {
                    listeners.forEach(listener -> listener.accept(state));
                }
                for (Effect effect : transition.effects()) {
                    run(effect).ifPresent(pending::add);
                }
            }
        } finally {
            if (event instanceof FlowEvent.PinEntered entered) {
                entered.pin().wipe();
            }
        }
        return state;
    }

    /** Whether selling is stopped, after one more try to settle the doubts that stopped it. */
    private boolean stoppedAfterRetry() {
        if (journalFailure == null && doubtOpen) {
            settleDoubts();
        }
        return sellingStopped().isPresent();
    }

    /**
     * Writes a row. A row that cannot be written stops selling once this event is handled, but
     * never the effects after it: the refund or confirmation it announces is still carried out.
     */
    private void record(JournalEntry entry) {
        try {
            journal.record(entry);
        } catch (RuntimeException e) {
            if (journalFailure == null) {
                journalFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                System.getLogger(KioskEngine.class.getName()).log(System.Logger.Level.ERROR,
                        "journal write failed at " + entry.stage() + "; the kiosk stops selling", e);
            }
        }
    }

    private Optional<FlowEvent> run(Effect effect) {
        if (effect instanceof Effect.Record r) {
            record(r.entry());
            return Optional.empty();
        }
        if (effect instanceof Effect.StopSelling stop) {
            doubtOpen = true;
            record(new JournalEntry(flow.clock().instant(), Flow.transactionIdOf(state), JournalStage.OUT_OF_SERVICE,
                    null, stop.reason()));
            return Optional.empty();
        }
        if (effect instanceof Effect.FollowPrint f) {
            return Optional.of(settled(printer.follow(f.printerJobId()), f.printerJobId()));
        }
        if (effect instanceof Effect.ReadCard) {
            return Optional.of(card.read());
        }
        if (effect instanceof Effect.VerifyPin v) {
            return Optional.of(card.verify(v.pin()));
        }
        if (effect instanceof Effect.Authenticate a) {
            return Optional.of(authenticate(a.card()));
        }
        if (effect instanceof Effect.Reserve r) {
            return Optional.of(answer(endpoint.reserve(r.sessionId(), r.request()), this::verified));
        }
        if (effect instanceof Effect.FileUseRegistration f) {
            return Optional.of(answer(endpoint.fileUseRegistration(f.sessionId()), FlowEvent.UseRegistrationFiled::new));
        }
        if (effect instanceof Effect.Print p) {
            return Optional.of(print(p));
        }
        if (effect instanceof Effect.CollectPayment c) {
            payment.startAccepting(c.dueYen());
            return Optional.empty();
        }
        if (effect instanceof Effect.StopPayment) {
            payment.stopAccepting();
            return Optional.empty();
        }
        if (effect instanceof Effect.PayOut p) {
            PaymentDevice.PayOutResult result = payment.payOut(p.yen());
            return Optional.of(new FlowEvent.PaidOut(p.transactionId(), p.issuanceId(), p.yen(), p.purpose(),
                    result.done(), result.problem(), result.done() ? p.yen() : result.paidYen()));
        }
        if (effect instanceof Effect.Confirm c) {
            return Optional.of(answer(endpoint.confirm(c.issuanceId(), c.confirmation()), nothing -> new FlowEvent.Confirmed()));
        }
        throw new IllegalStateException("no handler for " + effect);
    }

    private FlowEvent authenticate(CardInfo cardInfo) {
        EndpointResult<Challenge> challenge = endpoint.challenge(kioskId);
        if (!(challenge instanceof EndpointResult.Ok<Challenge> ok)) {
            return answer(challenge, c -> null);
        }
        Challenge c = ok.value();
        CardService.Signed signed = card.sign(AuthenticationPayload.digestInfo(c.challengeId(), c.nonce(), kioskId));
        if (signed.failure() != null) {
            return signed.failure();
        }
        return answer(endpoint.openSession(new SessionRequest(c.challengeId(), kioskId, cardInfo.certificate(),
                signed.signature())), FlowEvent.Authenticated::new);
    }

    /** The reserved document with its verified statement, or why its signature is refused. */
    private FlowEvent verified(Issuance issuance) {
        DocumentVerifier.Verification verification;
        try {
            verification = verifier.verify(issuance);
        } catch (RuntimeException e) {
            // whatever went wrong, a document that could not be verified is not printed
            verification = new DocumentVerifier.Verification.Rejected("verification failed: " + e.getClass().getSimpleName());
        }
        if (!(verification instanceof DocumentVerifier.Verification.Verified v)) {
            return new FlowEvent.DocumentUnverified(issuance.issuanceId(),
                    "signature: " + ((DocumentVerifier.Verification.Rejected) verification).reason());
        }
        // the document itself is checked before the resident pays: a PDF the kiosk would not print costs nothing
        List<String> problems = MunicipalPdfCheck.problems(issuance.pdf());
        if (!problems.isEmpty()) {
            return new FlowEvent.DocumentUnverified(issuance.issuanceId(), "document: " + String.join("; ", problems));
        }
        if (issuance.printKey() == null) {
            return new FlowEvent.DocumentUnverified(issuance.issuanceId(), "the issuance carries no print key");
        }
        // and the printer could finish it now (paper, jam, door, toner): else nobody pays for a document it cannot print
        PrinterStatus status;
        try {
            status = printer.status();
        } catch (RuntimeException e) {
            status = new PrinterStatus(false, List.of("printer cannot be asked: " + e.getClass().getSimpleName()));
        }
        if (!status.ready()) {
            return new FlowEvent.PrinterNotReady(issuance.issuanceId(), String.join(", ", status.reasons()));
        }
        return new FlowEvent.IssuanceReserved(issuance, v.statement());
    }

    /**
     * Sends the job, only while the card that asked is still the card in the reader. The document
     * was checked when it was reserved; composing it is the last thing that can refuse it.
     */
    private FlowEvent print(Effect.Print p) {
        String boundTo = p.certificateSha256();
        Optional<String> inReader = card.certificateInReader();
        if (boundTo == null || inReader.isEmpty() || !inReader.get().equals(boundTo)) {
            return new FlowEvent.PrintFailed("the card in the reader is not the card the document is bound to");
        }
        byte[] sheets;
        try {
            sheets = composer.compose(p.issuance().pdf(),
                    new PrintMarks(p.issuance().issuanceId(), kioskId, p.issuance().printKey()));
        } catch (java.io.IOException | RuntimeException e) {
            return new FlowEvent.PrintFailed("could not compose the sheets: " + e.getMessage());
        }
        PrintJob job;
        try {
            job = new PrintJob(p.issuance().issuanceId(), sheets);
        } catch (IllegalArgumentException e) {
            return new FlowEvent.PrintFailed("the issuance id cannot name a print job");
        }
        Submission submission = printer.submit(job);
        if (submission instanceof Submission.Accepted accepted) {
            return new FlowEvent.PrintSubmitted(accepted.jobId());
        }
        if (submission instanceof Submission.Refused refused) {
            return new FlowEvent.PrintFailed(refused.reason());
        }
        // the answer was lost: the printer may have the job; its name finds it
        return settled(printer.lookup(job.name()), null);
    }

    private static FlowEvent settled(PrintOutcome outcome, Integer jobId) {
        if (outcome instanceof PrintOutcome.Completed done) {
            return new FlowEvent.Printed(done.location(), jobId);
        }
        if (outcome instanceof PrintOutcome.Failed failed) {
            return new FlowEvent.PrintFailed(failed.reason(), jobId);
        }
        return new FlowEvent.PrintInDoubt(((PrintOutcome.InDoubt) outcome).reason(), jobId);
    }

    private static <T> FlowEvent answer(EndpointResult<T> result, java.util.function.Function<T, FlowEvent> onOk) {
        if (result instanceof EndpointResult.Ok<T> ok) {
            return onOk.apply(ok.value());
        }
        if (result instanceof EndpointResult.Refused<T> refused) {
            return new FlowEvent.EndpointRefused(refused.code());
        }
        return new FlowEvent.EndpointUnavailable(((EndpointResult.Unavailable<T>) result).reason());
    }
}
