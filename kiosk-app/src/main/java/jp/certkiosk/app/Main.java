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
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.app.ui.KioskUi;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.SimulatorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The kiosk's command line: {@code demo}, {@code headless} and {@code sim}. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "Self-service certificate kiosk.",
        subcommands = {Main.Demo.class, Main.Headless.class, Main.Sim.class, VerifyScan.class})
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
                KioskUi.run(places.data, places.out);
                return 0;
            }
            try (DemoEnvironment demo = DemoEnvironment.start(places.data, places.printer(), Clock.systemDefaultZone())) {
                IssuedCard issued = demo.simulator().card(card).orElseThrow(() ->
                        new CommandLine.ParameterException(new CommandLine(this), "no virtual card '" + card + "'"));
                System.out.println("Kiosk " + demo.config().kioskId() + " (headless demo), endpoint "
                        + demo.config().endpoint().baseUri() + ", virtual card '" + card + "'");
                Scenario scenario = new Scenario(List.of(new Scenario.Step(card, List.of(issued.pin()),
                        DocumentType.RESIDENT_RECORD_COPY, 1)));
                Report.TransactionReport result = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal())
                        .run(scenario).transactions().get(0);
                System.out.println("Outcome: " + result.outcome());
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
            Scenario script = json.readValue(scenario.toFile(), Scenario.class);
            try (DemoEnvironment demo = DemoEnvironment.start(places.data, places.printer(), Clock.systemDefaultZone())) {
                Report result = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal()).run(script);
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
