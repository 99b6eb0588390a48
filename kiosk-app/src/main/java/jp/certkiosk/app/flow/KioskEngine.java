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
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.security.AntiForgeryComposer;
import jp.certkiosk.printer.security.PrintMarks;

/**
 * Runs the flow against the real world: feeds each event to {@link Flow}, carries out the effects
 * in order, and feeds their answers back, until the flow waits for the resident again. One event
 * at a time: nothing of one transaction can interleave with another's.
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

    private Optional<FlowEvent> run(Effect effect) {
        if (effect instanceof Effect.Record r) {
            journal.record(r.entry());
            return Optional.empty();
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
                    result.done(), result.problem()));
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
        if (verification instanceof DocumentVerifier.Verification.Verified v) {
            return new FlowEvent.IssuanceReserved(issuance, v.statement());
        }
        return new FlowEvent.DocumentUnverified(issuance.issuanceId(),
                ((DocumentVerifier.Verification.Rejected) verification).reason());
    }

    /** Prints only while the card that asked is still the card in the reader. */
    private FlowEvent print(Effect.Print p) {
        String boundTo = p.certificateSha256();
        Optional<String> inReader = card.certificateInReader();
        if (boundTo == null || inReader.isEmpty() || !inReader.get().equals(boundTo)) {
            return new FlowEvent.PrintFailed("the card in the reader is not the card the document is bound to");
        }
        if (p.issuance().printKey() == null) {
            return new FlowEvent.PrintFailed("the issuance carries no print key");
        }
        byte[] sheets;
        try {
            // one parse of the municipality's PDF: checked, then composed from the same document
            AntiForgeryComposer.Composition composed = composer.checkAndCompose(p.issuance().pdf(),
                    new PrintMarks(p.issuance().issuanceId(), kioskId, p.issuance().printKey()));
            if (composed instanceof AntiForgeryComposer.Composition.Refused refused) {
                return new FlowEvent.PrintFailed("document refused before composing: "
                        + String.join("; ", refused.problems()));
            }
            sheets = ((AntiForgeryComposer.Composition.Sheets) composed).pdf();
        } catch (java.io.IOException | RuntimeException e) {
            return new FlowEvent.PrintFailed("could not compose the sheets: " + e.getMessage());
        }
        PrintJob job;
        try {
            job = new PrintJob(p.issuance().issuanceId(), sheets);
        } catch (IllegalArgumentException e) {
            return new FlowEvent.PrintFailed("the issuance id cannot name a print job");
        }
        PrintOutcome outcome = printer.print(job);
        if (outcome instanceof PrintOutcome.Completed done) {
            return new FlowEvent.Printed(done.location());
        }
        return new FlowEvent.PrintFailed(((PrintOutcome.Failed) outcome).reason());
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
