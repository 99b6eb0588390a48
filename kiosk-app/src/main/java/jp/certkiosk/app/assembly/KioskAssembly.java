package jp.certkiosk.app.assembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import jp.certkiosk.app.card.CardSlot;
import jp.certkiosk.app.card.PcscCardSlot;
import jp.certkiosk.app.settle.DoubtRetry;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint;
import jp.certkiosk.app.flow.CardService;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.payment.cctalk.CcTalkPaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.card.pcsc.Pcsc;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.PaymentConfig;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.config.ReaderConfig;
import jp.certkiosk.printer.FilePrinter;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.ipp.IppPrinter;

/**
 * The one place that builds a kiosk: from its configuration to the engine with its reader, endpoint
 * client, printer, payment device, journal and staff console. The store's kiosk, the demo and the
 * vendors' test mode differ only in the configuration they pass here.
 */
public final class KioskAssembly {
    private KioskAssembly() {}

    /** Builds the kiosk; the staff console's restart ends the process with {@link StaffConsole#RESTART_EXIT_CODE}. */
    public static Kiosk build(KioskConfig config, Clock clock) {
        return build(config, clock, () -> Runtime.getRuntime().halt(StaffConsole.RESTART_EXIT_CODE));
    }

    /**
     * Builds the kiosk: validates the configuration, opens the journal, settles issuances a previous
     * run left in doubt, and starts following the PC/SC reader. {@code restart} is what the staff
     * console's restart does.
     */
    public static Kiosk build(KioskConfig config, Clock clock, Runnable restart) {
        return build(config, clock, restart, Decorators.none());
    }

    /**
     * Builds the kiosk as {@link #build(KioskConfig, Clock, Runnable)} does, with {@code decorators}
     * around its printer, endpoint client and card transport: how the soak and the bench build theirs.
     */
    public static Kiosk build(KioskConfig config, Clock clock, Runnable restart, Decorators decorators) {
        config.validate();
        // The slow parts that need nothing of each other are made side by side, each on a thread of its
        // own: the journal's database opened, the endpoint client's key stores decrypted (PKCS12 key
        // derivation), and in a DEMO configuration the virtual cards' key stores. They are taken below
        // in the order they were made one after the other, so the first failure reported is the same.
        CompletableFuture<H2Journal> journalPart = beside("journal", () -> H2Journal.open(config.journalDirectory()));
        CompletableFuture<JerseyIssuanceEndpoint> endpointPart = beside("endpoint",
                () -> new JerseyIssuanceEndpoint(config.endpoint()));
        CompletableFuture<List<VirtualCard>> virtualCards = config.reader().kind() == ReaderConfig.Kind.VIRTUAL
                ? beside("virtual-cards", () -> readCards(config.reader())) : null;
        H2Journal journal;
        try {
            journal = taken(journalPart);
        } catch (RuntimeException e) {
            close(endpointPart);
            throw e;
        }
        JerseyIssuanceEndpoint endpoint = null;
        PcscCardSlot pcsc = null;
        CcTalkPaymentDevice ccTalk = null;
        try {
            endpoint = taken(endpointPart);
            DocumentVerifier verifier = new DocumentVerifier(
                    DocumentVerifier.readAnchor(config.endpoint().documentSigningAnchor()), config.kioskId(), clock);
            VirtualCardSlot virtual = null;
            CardSlot reader;
            if (virtualCards != null) {
                virtual = new VirtualCardSlot(taken(virtualCards));
                reader = virtual;
            } else {
                pcsc = new PcscCardSlot(pcscReaderName(config.reader()));
                reader = pcsc;
            }
            CardSlot slot = () -> reader.card().map(decorators.cardTransport()::around);
            Printer printer = decorators.printer().around(printer(config));
            SimulatedPaymentDevice simulated = config.payment().kind() == PaymentConfig.Kind.SIMULATED
                    ? new SimulatedPaymentDevice(config.payment().simulatedHopperYen()) : null;
            if (simulated == null) {
                ccTalk = CcTalkPaymentDevice.open(config.payment().ccTalk());
            }
            PaymentDevice payment = simulated != null ? simulated : ccTalk;
            Journal rows = decorators.journal().around(journal);
            KioskEngine engine = new KioskEngine(new Flow(clock), config.kioskId(), new CardService(slot),
                    decorators.endpoint().around(endpoint), printer, rows, verifier, payment);
            Optional<StaffPin> staffPin = Optional.empty();
            if (config.staffPinFile() != null) {
                staffPin = Optional.of(StaffPin.load(config.staffPinFile(), clock));
            }
            VirtualCardSlot virtualSlot = virtual;
            PcscCardSlot pcscSlot = pcsc;
            JerseyIssuanceEndpoint client = endpoint;
            StaffConsole staff = new StaffConsole(rows, printer, payment,
                    () -> readerStatus(virtualSlot, pcscSlot), () -> endpointStatus(config, client), clock, restart, engine);
            // prints, payments and confirmations a stopped kiosk left open are settled before the first resident
            engine.settleAtStart();
            if (pcsc != null) {
                pcsc.start(tx -> engine.dispatch(new FlowEvent.CardInserted(tx)),
                        () -> engine.dispatch(new FlowEvent.CardRemoved()));
            }
            // and asked about again while the kiosk runs, so that a slow job or a printer back settles without staff
            DoubtRetry doubtRetry = DoubtRetry.start(engine::retryDoubts, DoubtRetry.DEFAULT_EVERY);
            return new Kiosk(config, clock, engine, journal, endpoint, slot, Optional.ofNullable(virtual),
                    Optional.ofNullable(pcsc), printer, payment, Optional.ofNullable(simulated), staff, staffPin, doubtRetry);
        } catch (IOException e) {
            close(journal, endpointPart, pcsc);
            if (ccTalk != null) {
                ccTalk.close();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close(journal, endpointPart, pcsc);
            if (ccTalk != null) {
                ccTalk.close();
            }
            throw e;
        }
    }

    /** Closes what was made; an endpoint client still being made is waited for, and closed if it was. */
    private static void close(H2Journal journal, CompletableFuture<JerseyIssuanceEndpoint> endpoint, PcscCardSlot pcsc) {
        if (pcsc != null) {
            pcsc.close();
        }
        close(endpoint);
        journal.close();
    }

    private static void close(CompletableFuture<JerseyIssuanceEndpoint> endpoint) {
        try {
            endpoint.join().close();
        } catch (CompletionException | CancellationException notMade) {
            // nothing to close
        }
    }

    /** A part made on a thread of its own while the assembly goes on. */
    private static <T> CompletableFuture<T> beside(String part, Supplier<T> make) {
        return CompletableFuture.supplyAsync(make, task -> {
            Thread thread = new Thread(task, "kiosk-assembly-" + part);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The part, once made; what making it threw, thrown as it was. */
    private static <T> T taken(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static List<VirtualCard> readCards(ReaderConfig reader) {
        try {
            return VirtualCard.readAll(reader.virtualCards());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader the configuration names, or the first one pcscd lists. */
    static String pcscReaderName(ReaderConfig reader) {
        if (!reader.firstReader()) {
            return reader.name();
        }
        return PcscCardSlot.firstReader().orElseThrow(() -> new IllegalStateException(
                "reader.name is blank (the first reader), and pcscd lists no reader: is pcscd running with a reader attached?"));
    }

    /** The printer a configuration names. */
    public static Printer printer(KioskConfig config) {
        return config.printer().kind() == PrinterConfig.Kind.IPP
                ? new IppPrinter(config.printer().uri(), config.kioskId())
                : new FilePrinter(config.printer().outputDirectory());
    }

    /** The reader's health for the staff panel: working or not, and its name (and card) as technical detail. */
    private static StaffConsole.Part readerStatus(VirtualCardSlot virtual, PcscCardSlot pcsc) {
        if (virtual != null) {
            return StaffConsole.Part.working("virtual reader" + virtual.insertedProfile().map(p -> ": " + p).orElse(""));
        }
        try {
            var terminal = Pcsc.readers().stream().filter(t -> t.getName().equals(pcsc.readerName())).findFirst();
            if (terminal.isEmpty()) {
                return StaffConsole.Part.failing("PC/SC '" + pcsc.readerName() + "': not listed by pcscd");
            }
            return StaffConsole.Part.working("PC/SC '" + pcsc.readerName() + "'"
                    + (terminal.get().isCardPresent() ? ", card present" : ""));
        } catch (javax.smartcardio.CardException | RuntimeException e) {
            return StaffConsole.Part.failing("PC/SC '" + pcsc.readerName() + "': pcscd unreachable (" + Pcsc.describe(e) + ")");
        }
    }

    /** The endpoint's health: a challenge asked of it; its URI (and why not) as technical detail. */
    private static StaffConsole.Part endpointStatus(KioskConfig config, JerseyIssuanceEndpoint endpoint) {
        EndpointResult<?> probe = endpoint.challenge(config.kioskId());
        return probe instanceof EndpointResult.Ok<?> ? StaffConsole.Part.working(config.endpoint().baseUri().toString())
                : StaffConsole.Part.failing(config.endpoint().baseUri() + ": " + probe);
    }
}
