package jp.certkiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.app.assembly.Decorators;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.endpoint.IssuanceEndpoint;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.ResponseApdu;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.printer.PdfParsing;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.printer.Submission;

/**
 * One kiosk built from its configuration file with the product's parts as its composition root
 * ({@link KioskAssembly}) builds them (engine, flow, card service over the configured virtual
 * cards, Jersey endpoint client over mutual TLS, document verifier, printer, journal),
 * with its three outside edges watched: the card transport (APDUs, bytes, time), the endpoint
 * client (time per call) and the printer (time to an accepted job). Nothing of the kiosk itself is
 * replaced. A scripted resident plays issuances on it; each yields a {@link Transaction}.
 *
 * <p>One kiosk is driven by one thread at a time, like the real one.
 */
public final class BenchKiosk implements AutoCloseable {
    /** The steps of PIN → print job accepted, in the order they happen. */
    public static final List<String> STEPS = List.of("VERIFY", "challenge", "SIGN", "session", "reserve",
            "verify document", "check + compose", "card check", "submit", "other");

    /** CPU time of the thread driving the kiosk: what the kiosk itself spends, whatever else the machine runs. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final String kioskId;
    private final KioskEngine engine;
    private final Hand hand;
    private final SimulatedPaymentDevice payment;
    private final Kiosk kiosk;

    // what the watchers saw during the transaction in progress (one thread drives the kiosk; on a
    // PC/SC reader the kiosk's card watcher reads the card on its own thread before the PIN pad shows)
    private final Map<String, Long> stepNanos = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Class<?>, Long> entered = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile FlowState state = new FlowState.Welcome();
    private int authApdus;
    private long authBytes;
    private int apdus;
    private long bytes;
    private long reserveEnd;
    private long submitStart;
    private long submitEnd;
    private String printedFile;
    private long submitEndCpu;
    private long parsesAtPrinting;
    private long parsesAtSubmit;
    private long parsesAfterSubmit;

    /**
     * Builds the kiosk {@code config} describes (its journal included) through {@link KioskAssembly},
     * with the watchers around its card transport, endpoint client and printer.
     */
    public BenchKiosk(KioskConfig config, Clock clock) {
        this(config, clock, journal -> journal);
    }

    /** The same, with {@code journal} around the kiosk's journal (the throughput bench times its writes). */
    public BenchKiosk(KioskConfig config, Clock clock, Decorators.JournalDecorator journal) {
        this(config, clock, journal, null);
    }

    /**
     * A kiosk on a PC/SC reader ({@code reader.kind=PCSC}): {@code hand} places and takes the cards
     * there, and the kiosk's own card watcher tells the flow, as in a store.
     */
    public BenchKiosk(KioskConfig config, Clock clock, Hand hand) {
        this(config, clock, journal -> journal, hand);
    }

    private BenchKiosk(KioskConfig config, Clock clock, Decorators.JournalDecorator journal, Hand pcscHand) {
        this.kioskId = config.kioskId();
        this.kiosk = KioskAssembly.build(config, clock, () -> {
            throw new IllegalStateException("the bench's kiosk has no staff to restart it");
        }, new Decorators(WatchedPrinter::new, WatchedEndpoint::new, WatchedTransport::new, journal));
        this.engine = kiosk.engine();
        if (pcscHand != null) {
            if (kiosk.pcscReader().isEmpty()) {
                kiosk.close();
                throw new IllegalArgumentException(kioskId + ": a hand on a PC/SC reader needs reader.kind=PCSC");
            }
            this.hand = pcscHand;
        } else {
            VirtualCardSlot slot = kiosk.virtualReader().orElseThrow(
                    () -> new IllegalArgumentException(kioskId + ": the bench places virtual cards (reader.kind=VIRTUAL)"));
            this.hand = new Hand() {
                @Override
                public void place(String profile) {
                    slot.insert(profile);
                    engine.dispatch(new FlowEvent.CardInserted("tx-" + UUID.randomUUID()));
                }

                @Override
                public void take() {
                    slot.remove();
                    engine.dispatch(new FlowEvent.CardRemoved());
                }
            };
        }
        this.payment = kiosk.simulatedPayment().orElseThrow(
                () -> new IllegalArgumentException(kioskId + ": the bench pays with coins (payment.kind=SIMULATED)"));
        engine.onStateChange(this::entered);
    }

    public String kioskId() {
        return kioskId;
    }

    /**
     * The resident's hand at the reader. The in-process virtual reader tells the flow itself; on a
     * PC/SC reader the hand only moves the card and the kiosk's card watcher sees it come and go.
     */
    public interface Hand {
        void place(String profile);

        void take();
    }

    /** How long the card watcher may take to see a card come or go before the bench gives up. */
    private static final long WATCHER_PATIENCE_NANOS = 30_000_000_000L;

    /** The flow's state once {@code wanted} holds, waiting for the card watcher's thread. */
    private FlowState await(java.util.function.Predicate<FlowState> wanted, String what) {
        long end = System.nanoTime() + WATCHER_PATIENCE_NANOS;
        while (true) {
            FlowState now = engine.state();
            if (wanted.test(now)) {
                return now;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(what + " within 30 s: " + now);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting: " + what, e);
            }
        }
    }

    /**
     * What one issuance cost. {@code pinToJobNanos} is the kiosk's own time between the PIN and the
     * accepted print job: from the PIN to the menu, from the choice to the fee screen, from the
     * last coin to the accepted job (the resident's choosing and paying are not counted).
     */
    public record Transaction(String outcome, long pinToJobNanos, long pinToJobCpuNanos, Map<String, Long> stepNanos,
                              int authApdus,
                              long authBytes, int apdus, long bytes, long municipalPdfParses, long printerPdfParses,
                              long transactionPdfParses) {}

    /** Places the card, types the PIN, takes a copy of the resident record, pays the exact fee, takes the card. */
    public Transaction issue(String profile, String pin) {
        if (!(engine.state() instanceof FlowState.Welcome)) {
            throw new IllegalStateException("the kiosk is not at the welcome screen: " + engine.state());
        }
        reset();
        long parsesBefore = PdfParsing.parsesSoFar();
        hand.place(profile);
        boolean issued = false;
        try {
            FlowState now = await(s -> !(s instanceof FlowState.Welcome || s instanceof FlowState.ReadingCard),
                    "the card was not read");
            if (!(now instanceof FlowState.EnteringPin)) {
                throw new IllegalStateException("no PIN pad after the card was placed: " + now);
            }
            char[] digits = pin.toCharArray();
            long pinAt = System.nanoTime();
            long pinCpu = CPU.getCurrentThreadCpuTime();
            try {
                now = engine.dispatch(new FlowEvent.PinEntered(Pin.typed(digits)));
            } finally {
                java.util.Arrays.fill(digits, '\0');
            }
            long menuAt = System.nanoTime();
            if (!(now instanceof FlowState.ChoosingDocument)) {
                return failed(now);
            }
            long chosenAt = System.nanoTime();
            now = engine.dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));
            long feeShownAt = System.nanoTime();
            long lastCoinAt = feeShownAt;
            int coins = 0;
            while (now instanceof FlowState.Paying paying) {
                int coin = largestCoinWithin(paying.dueYen());
                if (!payment.insert(coin) || ++coins > 20) {
                    throw new IllegalStateException("the payment device refused " + coin + " yen");
                }
                lastCoinAt = System.nanoTime();
                now = engine.dispatch(new FlowEvent.CashInserted(coin));
            }
            if (!(now instanceof FlowState.TakeCard take) || !(take.outcome() instanceof Outcome.Issued)) {
                return failed(now);
            }
            long pinToJob = (menuAt - pinAt) + (feeShownAt - chosenAt) + (submitEnd - lastCoinAt);
            long verifyEnd = entered.getOrDefault(FlowState.Paying.class,
                    entered.getOrDefault(FlowState.Printing.class, reserveEnd));
            stepNanos.put("verify document", verifyEnd - reserveEnd);
            long printingAt = entered.get(FlowState.Printing.class);
            stepNanos.put("check + compose", submitStart - printingAt - stepNanos.getOrDefault("card check", 0L));
            long accounted = 0;
            for (String step : STEPS) {
                if (!step.equals("other")) {
                    accounted += stepNanos.getOrDefault(step, 0L);
                }
            }
            stepNanos.put("other", Math.max(0, pinToJob - accounted));
            Map<String, Long> steps = new LinkedHashMap<>();
            for (String step : STEPS) {
                steps.put(step, stepNanos.getOrDefault(step, 0L));
            }
            issued = true;
            return new Transaction(take.outcome().code(), pinToJob, submitEndCpu - pinCpu, steps, authApdus, authBytes, apdus, bytes,
                    parsesAtSubmit - parsesAtPrinting, parsesAfterSubmit - parsesAtSubmit,
                    parsesAfterSubmit - parsesBefore);
        } finally {
            hand.take();
            try {
                await(s -> s instanceof FlowState.Welcome, "the kiosk did not return to the welcome screen");
            } catch (IllegalStateException e) {
                if (issued) {
                    throw e;
                } // else the failure already on its way says more
            }
            if (printedFile != null) {
                try {
                    // the bench prints thousands of sheets: keep the disk, not the paper
                    Files.deleteIfExists(Path.of(printedFile));
                } catch (IOException e) {
                    // left behind in target/bench
                }
            }
        }
    }

    private Transaction failed(FlowState now) {
        throw new IllegalStateException("the issuance did not go through: " + now);
    }

    private void reset() {
        stepNanos.clear();
        entered.clear();
        authApdus = 0;
        authBytes = 0;
        apdus = 0;
        bytes = 0;
        reserveEnd = 0;
        submitStart = 0;
        submitEnd = 0;
        printedFile = null;
    }

    private void entered(FlowState next) {
        if (next instanceof FlowState.Printing && !entered.containsKey(FlowState.Printing.class)) {
            parsesAtPrinting = PdfParsing.parsesSoFar();
        }
        entered.putIfAbsent(next.getClass(), System.nanoTime());
        state = next;
    }

    private void add(String step, long nanos) {
        stepNanos.merge(step, nanos, Long::sum);
    }

    private static int largestCoinWithin(int dueYen) {
        List<Integer> denominations = SimulatedPaymentDevice.DENOMINATIONS;
        for (int i = denominations.size() - 1; i >= 0; i--) {
            if (denominations.get(i) <= dueYen) {
                return denominations.get(i);
            }
        }
        return denominations.get(denominations.size() - 1);
    }

    @Override
    public void close() {
        kiosk.close();
    }

    /** The card's transport, every APDU counted and timed under the flow's step. */
    private final class WatchedTransport implements ApduTransport {
        private final ApduTransport inner;

        WatchedTransport(ApduTransport inner) {
            this.inner = inner;
        }

        @Override
        public ResponseApdu transmit(CommandApdu command) throws CardIoException {
            int commandBytes = command.encode().length;
            long start = System.nanoTime();
            ResponseApdu response = inner.transmit(command);
            long took = System.nanoTime() - start;
            long exchanged = commandBytes + response.encode().length;
            apdus++;
            bytes += exchanged;
            boolean authentication = state instanceof FlowState.ReadingCard || state instanceof FlowState.EnteringPin
                    || state instanceof FlowState.VerifyingPin || state instanceof FlowState.Authenticating;
            if (authentication) {
                authApdus++;
                authBytes += exchanged;
            }
            if (state instanceof FlowState.VerifyingPin) {
                add("VERIFY", took);
            } else if (state instanceof FlowState.Authenticating) {
                add("SIGN", took);
            } else if (state instanceof FlowState.Printing) {
                add("card check", took);
            }
            return response;
        }

        @Override
        public Exclusive exclusive() throws CardIoException {
            return inner.exclusive();
        }
    }

    /** The endpoint client, each call timed. */
    private final class WatchedEndpoint implements IssuanceEndpoint {
        private final IssuanceEndpoint inner;

        WatchedEndpoint(IssuanceEndpoint inner) {
            this.inner = inner;
        }

        @Override
        public EndpointResult<Challenge> challenge(String kioskId) {
            long start = System.nanoTime();
            try {
                return inner.challenge(kioskId);
            } finally {
                add("challenge", System.nanoTime() - start);
            }
        }

        @Override
        public EndpointResult<Session> openSession(SessionRequest request) {
            long start = System.nanoTime();
            try {
                return inner.openSession(request);
            } finally {
                add("session", System.nanoTime() - start);
            }
        }

        @Override
        public EndpointResult<Issuance> reserve(String sessionId, IssuanceRequest request) {
            long start = System.nanoTime();
            try {
                return inner.reserve(sessionId, request);
            } finally {
                reserveEnd = System.nanoTime();
                add("reserve", reserveEnd - start);
            }
        }

        @Override
        public EndpointResult<Void> confirm(String issuanceId, Confirmation confirmation) {
            return inner.confirm(issuanceId, confirmation);
        }

        @Override
        public EndpointResult<IssuanceState> state(String issuanceId) {
            return inner.state(issuanceId);
        }
    }

    /** The printer, timed from the job handed over to the job accepted. */
    private final class WatchedPrinter implements Printer {
        private final Printer inner;

        WatchedPrinter(Printer inner) {
            this.inner = inner;
        }

        @Override
        public PrinterStatus status() {
            return inner.status();
        }

        /** Handing the job over until the printer took it: the end of PIN -> print job accepted. */
        @Override
        public Submission submit(PrintJob job) {
            parsesAtSubmit = PdfParsing.parsesSoFar();
            submitStart = System.nanoTime();
            Submission submission = inner.submit(job);
            submitEnd = System.nanoTime();
            submitEndCpu = CPU.getCurrentThreadCpuTime();
            parsesAfterSubmit = PdfParsing.parsesSoFar();
            add("submit", submitEnd - submitStart);
            return submission;
        }

        @Override
        public PrintOutcome follow(int jobId) {
            PrintOutcome outcome = inner.follow(jobId);
            if (outcome instanceof PrintOutcome.Completed done) {
                printedFile = done.location();
            }
            return outcome;
        }

        @Override
        public PrintOutcome lookup(String jobName) {
            return inner.lookup(jobName);
        }
    }
}
