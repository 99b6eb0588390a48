package jp.certkiosk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.demo.DemoEnvironment;
import jp.certkiosk.app.demo.PcscDemo;
import jp.certkiosk.app.demo.VirtualCardProcess;
import jp.certkiosk.app.demo.VirtualCardProfiles;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.app.headless.ScenarioFile;
import jp.certkiosk.app.ui.KioskUi;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.SimulatorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The kiosk's command line: {@code demo}, {@code headless} and {@code sim}. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "Self-service certificate kiosk.",
        subcommands = {Main.Demo.class, Main.Headless.class, Main.Sim.class, Main.CardCommand.class,
                VerifyScan.class, jp.certkiosk.app.journal.JournalCommand.class})
public final class Main {
    public static void main(String[] args) {
        configureLogging();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The shipped logging configuration, unless the installation names its own. */
    public static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (var in = Main.class.getResourceAsStream("logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(in);
        } catch (java.io.IOException e) {
            System.err.println("logging configuration unreadable, using the JDK default: " + e.getMessage());
        }
    }

    /** Where the demo keeps its simulator, PKI and journal, and where it prints. */
    static class Places {
        @Option(names = "--data", description = "state of the simulator and journal (default: ${DEFAULT-VALUE})",
                defaultValue = "var")
        Path data;

        @Option(names = "--out", description = "where the file printer writes documents (default: ${DEFAULT-VALUE})",
                defaultValue = "out")
        Path out;

        @Option(names = "--printer-uri", description = "print on this IPP printer or CUPS queue instead of --out, "
                + "e.g. ipp://localhost:631/printers/kiosk")
        java.net.URI printerUri;

        jp.certkiosk.config.PrinterConfig printer() {
            return printerUri != null ? jp.certkiosk.config.PrinterConfig.ipp(printerUri)
                    : new jp.certkiosk.config.PrinterConfig(jp.certkiosk.config.PrinterConfig.Kind.FILE, out);
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the kiosk on its embedded defaults: simulator, virtual card, file printer. "
                    + "Full screen with a display, one headless issuance without.")
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
                try (InstanceLock lock = InstanceLock.acquire(places.data.resolve("kiosk.lock"))) {
                    KioskUi.run(places.data, places.out, jp.certkiosk.config.Profile.DEMO);
                }
                return 0;
            }
            java.util.Optional<String> pcscReader = jp.certkiosk.app.card.PcscCardSlot.readerWithCard();
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
            description = "Play a scenario (card profile, PIN entries, choices) through the kiosk flow and report.")
    static final class Headless implements Callable<Integer> {
        @CommandLine.Mixin Places places = new Places();

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
            try (DemoEnvironment demo = DemoEnvironment.start(places.data, places.printer(), Clock.systemDefaultZone())) {
                Report result = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment())
                        .run(script, soFar -> {
                            if (report != null) {
                                ScenarioFile.writeReport(report, json, soFar); // as each transaction ends
                            }
                        });
                String text = json.writeValueAsString(result);
                if (report == null) {
                    System.out.println(text);
                } else {
                    Files.writeString(report, text + "\n");
                    System.out.println(result.transactions().size() + " transaction(s); report at " + report.toAbsolutePath());
                }
                return 0;
            }
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

    @Command(name = "sim", description = "Run the municipal endpoint simulator on its own (options: see sim --help).")
    static final class Sim implements Callable<Integer> {
        @CommandLine.Parameters(arity = "0..*", description = "options for the simulator")
        List<String> args = List.of();

        @Override
        public Integer call() throws InterruptedException {
            SimulatorMain.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
