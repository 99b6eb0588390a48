package jp.certkiosk.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.InstanceLock;
import jp.certkiosk.app.Main;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.card.PcscCardSlot;
import jp.certkiosk.app.headless.CardHand;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.app.headless.ScenarioFile;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.ui.KioskUi;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.KioskCredentials;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatedEndpoint;
import jp.certkiosk.sim.SimulatorOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole command line, demo included: the product's {@code run} and {@code config}, and
 * {@code demo}, {@code headless}, {@code sim}, {@code card}, {@code verify-scan}, which bring the
 * simulator and virtual cards. Every kiosk it starts is built by the product's composition root
 * from a configuration file.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "Self-service certificate kiosk, with its demo and the vendors' test mode.",
        subcommands = {Main.Run.class, Main.Config.class, DemoMain.Demo.class, DemoMain.Headless.class, DemoMain.Sim.class,
                DemoMain.CardCommand.class, VerifyScan.class, SoakCommand.class})
public final class DemoMain {
    public static void main(String[] args) {
        Main.configureLogging();
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }

    /** Where the demo keeps its simulator, PKI and journal, and where it prints. */
    static class Places {
        @Option(names = "--data", description = "state of the simulator, virtual cards and journal (default: ${DEFAULT-VALUE})",
                defaultValue = "var")
        Path data;

        @Option(names = "--out", description = "where the file printer writes documents (default: ${DEFAULT-VALUE})",
                defaultValue = "out")
        Path out;

        @Option(names = "--printer-uri", description = "print on this IPP printer or CUPS queue instead of --out, "
                + "e.g. ipp://localhost:631/printers/kiosk")
        java.net.URI printerUri;

        PrinterConfig printer() {
            return printerUri != null ? PrinterConfig.ipp(printerUri) : new PrinterConfig(PrinterConfig.Kind.FILE, out);
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the kiosk on a generated DEMO configuration with the simulator in this process: full screen "
                    + "with a display, one headless issuance without.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.Mixin Places places = new Places();

        @Option(names = "--headless", description = "perform one issuance without a screen, even with a display")
        boolean headless;

        @Option(names = "--card", description = "virtual card profile for the headless demo (default: ${DEFAULT-VALUE})",
                defaultValue = "adult")
        String card;

        @Override
        public Integer call() throws Exception {
            boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
            if (display && !headless) {
                try (InstanceLock lock = InstanceLock.acquire(places.data.resolve("kiosk.lock"));
                     DemoEnvironment demo = DemoEnvironment.start(places.data, places.printer(), Clock.systemDefaultZone())) {
                    System.out.println("Kiosk " + demo.config().kioskId() + " (demo), configuration " + demo.configFile());
                    KioskUi.run(demo.kiosk());
                }
                return 0;
            }
            java.util.Optional<String> pcscReader = PcscCardSlot.readerWithCard();
            if (pcscReader.isPresent()) {
                return PcscDemo.run(places.data, places.printer(), pcscReader.get());
            }
            try (DemoEnvironment demo = DemoEnvironment.start(places.data, places.printer(), Clock.systemDefaultZone())) {
                IssuedCard issued = demo.simulator().card(card).orElseThrow(() ->
                        new CommandLine.ParameterException(new CommandLine(this), "no virtual card '" + card + "'"));
                System.out.println("Kiosk " + demo.config().kioskId() + " (headless demo), endpoint "
                        + demo.config().endpoint().baseUri() + ", virtual card '" + card + "'");
                Scenario scenario = new Scenario(List.of(new Scenario.Step(card, List.of(issued.pin()),
                        DocumentType.RESIDENT_RECORD_COPY, 1)));
                Report.TransactionReport result = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment())
                        .run(scenario).transactions().get(0);
                System.out.println("Outcome: " + result.outcome() + "; fee " + result.feeYen() + " yen paid with "
                        + result.paidYen() + " yen" + (result.refundedYen() > 0 ? ", " + result.refundedYen()
                        + " yen refunded" : ""));
                if (result.outputFile() == null) {
                    System.out.println("No document was issued. Journal: " + result.journal());
                    return 1;
                }
                System.out.println("Issued " + DocumentType.RESIDENT_RECORD_COPY.japaneseTitle() + " "
                        + result.issuanceId() + (places.printerUri == null ? "; the PDF is at " : "; printed on ")
                        + result.outputFile());
                return 0;
            }
        }
    }

    @Command(name = "headless", mixinStandardHelpOptions = true,
            description = "Play a scenario (card profile, PIN entries, choices) through the kiosk flow and report. With "
                    + "--config, the kiosk that file describes (its endpoint, reader and printer); on a PC/SC reader each "
                    + "card is placed through the virtual card process. Without, the demo's simulator in this process.")
    static final class Headless implements Callable<Integer> {
        @CommandLine.Mixin Places places = new Places();

        @Option(names = "--config", description = "the kiosk's configuration file (payment.kind=SIMULATED)")
        Path config;

        @Option(names = "--scenario", required = true, description = "scenario JSON file")
        Path scenario;

        @Option(names = "--report", description = "write the JSON report here (default: standard output)")
        Path report;

        @Override
        public Integer call() throws Exception {
            ObjectMapper json = ApiJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Scenario script;
            try {
                script = ScenarioFile.read(scenario);
            } catch (ScenarioFile.Invalid e) {
                System.err.println(e.getMessage());
                return 2;
            }
            // the report is rewritten as each transaction ends: a run cut short still leaves it
            java.util.function.Consumer<Report> progress = soFar -> {
                if (report != null) {
                    ScenarioFile.writeReport(report, json, soFar);
                }
            };
            Report result;
            if (config == null) {
                try (DemoEnvironment demo = DemoEnvironment.start(places.data, places.printer(), Clock.systemDefaultZone())) {
                    result = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment()).run(script, progress);
                }
            } else {
                java.util.Optional<KioskConfig> loaded = Main.loadOrExplain(config);
                if (loaded.isEmpty()) {
                    return 2;
                }
                if (loaded.get().reader().kind() == jp.certkiosk.config.ReaderConfig.Kind.PCSC) {
                    // the scripted residents start at an empty reader: a card left on it is pulled first
                    VirtualCardProcess.send(places.data, "remove");
                }
                try (Kiosk kiosk = KioskAssembly.build(loaded.get(), Clock.systemDefaultZone())) {
                    SimulatedPaymentDevice payment = kiosk.simulatedPayment().orElseThrow(() -> new CommandLine.ParameterException(
                            new CommandLine(this), "the scripted resident pays into a simulated acceptor: " + config
                            + " needs payment.kind=SIMULATED"));
                    CardHand hand = kiosk.virtualReader().map(CardHand::of).orElseGet(() ->
                            new PcscCardHand(places.data, kiosk.pcscReader().orElseThrow().readerName()));
                    try {
                        result = new HeadlessRunner(kiosk.engine(), hand, kiosk.journal(), payment).run(script, progress);
                    } finally {
                        if (hand instanceof PcscCardHand) {
                            VirtualCardProcess.send(places.data, "remove");
                        }
                    }
                }
            }
            String text = json.writeValueAsString(result);
            if (report == null) {
                System.out.println(text);
            } else {
                ScenarioFile.writeReport(report, json, result);
                System.out.println(result.transactions().size() + " transaction(s) on " + result.reader() + "; report at "
                        + report.toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "sim", mixinStandardHelpOptions = true,
            description = "Run the municipal endpoint simulator on its own. For each kiosk identity it writes a ready DEMO "
                    + "configuration, DATA/kiosks/<kiosk-id>/kiosk.properties (first PC/SC reader, file printer), with the "
                    + "key and trust stores it names, and prints its path.")
    static final class Sim implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8443", description = "HTTPS port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--data", defaultValue = "var/sim", description = "PKI, registry and kiosk configurations (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--service-hours", defaultValue = "off", description = "on: the municipalities keep their hours "
                + "(6:30-23:00 Japan time, closed Dec 29 - Jan 3, family-register documents on weekdays); off (default): always open")
        String serviceHours;

        @Option(names = "--kiosk", split = ",", description = "kiosk identities to write configurations for "
                + "(default: " + MunicipalSimulator.DEMO_KIOSK_ID + ")")
        List<String> kiosks = List.of(MunicipalSimulator.DEMO_KIOSK_ID);

        @Option(names = "--instances", defaultValue = "1", description = "simulator processes over one registry behind "
                + "HAProxy on --port, TLS passed through, round robin (default: ${DEFAULT-VALUE}: one, in this process)")
        int instances;

        @Option(names = "--approve-use-registrations", description = "the domicile municipalities approve every "
                + "pending use registration now (they do so by themselves three days after filing)")
        boolean approveUseRegistrations;

        @Override
        public Integer call() throws InterruptedException {
            if (!serviceHours.equals("on") && !serviceHours.equals("off")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--service-hours takes on or off");
            }
            SimulatedEndpoint simulator = SimulatedEndpoint.start(
                    new SimulatorOptions(data, host, port, Clock.systemUTC(), serviceHours.equals("on")), instances);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                simulator.close();
                stopped.countDown();
            }, "simulator-shutdown"));
            System.out.println("Municipal endpoint simulator (fictional municipalities and residents, test PKI)");
            System.out.println("  base URI        " + simulator.baseUri());
            simulator.about().forEach(line -> System.out.println("  " + line));
            System.out.println("  document anchor " + simulator.documentSigningAnchor().toAbsolutePath()
                    + " (the municipal document-signing CA, DER)");
            for (String kioskId : kiosks) {
                Path dir = data.resolve("kiosks").resolve(kioskId);
                Path file = DemoConfiguration.write(simulator, kioskId, dir, new DemoConfiguration.Reader.Pcsc(""),
                        new PrinterConfig(PrinterConfig.Kind.FILE, dir.resolve("out")), dir.resolve("journal"),
                        dir.resolve("staff-pin"));
                KioskCredentials credentials = simulator.kioskCredentials(kioskId);
                System.out.println("  kiosk " + kioskId + " configuration " + file.toAbsolutePath()
                        + " (key store " + credentials.keyStore().getFileName() + ", staff PIN "
                        + DemoConfiguration.DEMO_STAFF_PIN + ")");
            }
            if (approveUseRegistrations) {
                System.out.println("  use registrations approved now: " + simulator.approveUseRegistrations());
            }
            System.out.println("  virtual cards (profile, PIN):");
            for (IssuedCard card : simulator.cards()) {
                System.out.printf("    %-15s %s%n", card.profile(), card.pin());
            }
            System.out.println("Serving until stopped (Ctrl+C).");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "card", mixinStandardHelpOptions = true,
            description = "Place and pull virtual My Number Cards on the PC/SC reader 'Virtual PCD 00 00' (pcscd with "
                    + "the vsmartcard-vpcd driver must run: scripts/pcscd.sh start).",
            subcommands = {CardCommand.Insert.class, CardCommand.Remove.class, CardCommand.ListProfiles.class,
                    CardCommand.Serve.class, CardCommand.Stop.class})
    static final class CardCommand {
        @Command(name = "insert", mixinStandardHelpOptions = true,
                description = "Place the card of a profile on the reader (starts the card process if needed).")
        static final class Insert implements Callable<Integer> {
            @CommandLine.Mixin Places places = new Places();

            @Option(names = "--profile", required = true, description = "card profile (see: card list)")
            String profile;

            @Override
            public Integer call() throws Exception {
                VirtualCardProfiles profiles = VirtualCardProfiles.open(places.data, Clock.systemDefaultZone());
                if (profiles.find(profile).isEmpty()) {
                    System.err.println("no virtual card profile '" + profile + "'; see ./kiosk card list");
                    return 2;
                }
                if (VirtualCardProcess.send(places.data, "status").isEmpty()) {
                    VirtualCardProcess.spawn(places.data);
                }
                return answer(VirtualCardProcess.send(places.data, "insert " + profile));
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Pull the card off the reader.")
        static final class Remove implements Callable<Integer> {
            @CommandLine.Mixin Places places = new Places();

            @Override
            public Integer call() {
                return answer(VirtualCardProcess.send(places.data, "remove").or(() ->
                        java.util.Optional.of("ok no card process runs, so no card is on the reader")));
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "List the card profiles, their PINs and PIN tries left, and the card on the reader.")
        static final class ListProfiles implements Callable<Integer> {
            @CommandLine.Mixin Places places = new Places();

            @Override
            public Integer call() {
                VirtualCardProfiles profiles = VirtualCardProfiles.open(places.data, Clock.systemDefaultZone());
                System.out.printf("%-20s %-5s %-6s %s%n", "PROFILE", "PIN", "TRIES", "WHAT");
                for (VirtualCardProfiles.Profile p : profiles.inOrder()) {
                    System.out.printf("%-20s %-5s %-6d %s%n", p.name(), p.pin(), profiles.triesLeft(p), p.description());
                }
                System.out.println(VirtualCardProcess.send(places.data, "status")
                        .map(a -> "reader 'Virtual PCD 00 00': " + a.replaceFirst("^ok ", ""))
                        .orElse("no card process runs (./kiosk card insert starts one)"));
                return 0;
            }
        }

        @Command(name = "serve", mixinStandardHelpOptions = true, hidden = true,
                description = "Run the card process in the foreground (insert starts it in the background).")
        static final class Serve implements Callable<Integer> {
            @CommandLine.Mixin Places places = new Places();

            @Option(names = "--port", defaultValue = "35963", description = "vpcd slot port (default: ${DEFAULT-VALUE})")
            int port;

            @Override
            public Integer call() throws Exception {
                VirtualCardProcess.serve(places.data, port);
                return 0;
            }
        }

        @Command(name = "stop", mixinStandardHelpOptions = true, description = "Pull the card and end the card process.")
        static final class Stop implements Callable<Integer> {
            @CommandLine.Mixin Places places = new Places();

            @Override
            public Integer call() {
                return answer(VirtualCardProcess.send(places.data, "stop").or(() ->
                        java.util.Optional.of("ok no card process runs")));
            }
        }

        private static int answer(java.util.Optional<String> answer) {
            String text = answer.orElse("error the card process does not answer");
            boolean ok = text.startsWith("ok");
            (ok ? System.out : System.err).println(text.replaceFirst("^(ok|error) ", ""));
            return ok ? 0 : 1;
        }
    }

}
