package jp.certkiosk.image.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.certkiosk.app.Main;
import jp.certkiosk.demo.DemoMain;
import jp.certkiosk.image.Heartbeat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The kiosk's headless test mode as a long-running service, for a machine without a screen (the
 * test image's boot test). It performs a self-test issuance first and reports ready only if a
 * document was issued, then keeps beating until it is stopped:
 * <ul>
 *   <li>with {@code --config FILE --scenario FILE}: the kiosk that configuration describes (the
 *       composition root of {@code run --config}: its endpoint, PC/SC reader, IPP printer) plays
 *       the scenario through the application's {@code headless --config} command; every card is
 *       placed by the virtual card process through pcscd</li>
 *   <li>without: the demo environment in this process ({@code demo --headless}: simulator, virtual
 *       card, file printer)</li>
 * </ul>
 */
@Command(name = "kiosk-headless-service", mixinStandardHelpOptions = true,
        description = "Self-test issuance, then stay up and beat for the supervisor.")
public final class HeadlessService implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "state: the virtual card process's (with --config), "
            + "else the demo's simulator, PKI and journal")
    Path data;

    @Option(names = "--config", description = "the kiosk's configuration file (payment.kind=SIMULATED)")
    Path config;

    @Option(names = "--scenario", description = "the self-test's scenario (with --config)")
    Path scenario;

    @Option(names = "--out", description = "where the demo's file printer writes documents (without --config)")
    Path out;

    @Option(names = "--card", defaultValue = "adult", description = "virtual card of the demo self-test (default: ${DEFAULT-VALUE})")
    String card;

    @Option(names = "--beat-seconds", defaultValue = "5", description = "seconds between beats (default: ${DEFAULT-VALUE})")
    long beatSeconds;

    public static void main(String[] args) {
        Main.configureLogging();
        System.exit(new CommandLine(new HeadlessService()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        String issued;
        if (config != null) {
            if (scenario == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--config needs --scenario");
            }
            Files.createDirectories(data);
            Path report = data.resolve("self-test-report.json");
            Files.deleteIfExists(report);
            int exit = new CommandLine(new DemoMain()).execute("headless", "--config", config.toString(),
                    "--scenario", scenario.toString(), "--report", report.toString(), "--data", data.toString());
            List<String> outcomes = exit == 0 && Files.exists(report) ? outcomes(report) : List.of();
            Files.deleteIfExists(report);
            if (!outcomes.contains("ISSUED")) {
                System.out.println("Kiosk self-test failed (exit " + exit + ", outcomes " + outcomes + "); not ready");
                return exit == 0 ? 1 : exit;
            }
            issued = "self-test issued through " + config + " (outcomes " + outcomes + ")";
        } else {
            if (out == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "without --config, --out is needed");
            }
            int selfTest = new CommandLine(new DemoMain()).execute("demo", "--headless", "--card", card,
                    "--data", data.toString(), "--out", out.toString());
            if (selfTest != 0) {
                System.out.println("Kiosk self-test failed (exit " + selfTest + "); not ready");
                return selfTest;
            }
            issued = "self-test issued a document";
        }
        Heartbeat heartbeat = Heartbeat.fromEnvironment()
                .orElseGet(() -> new Heartbeat(data.resolve("heartbeat"), Clock.systemUTC()));
        heartbeat.beat();
        System.out.println("Kiosk ready (headless test mode): " + issued + "; beating every " + beatSeconds + " s");
        Duration period = Duration.ofSeconds(beatSeconds);
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(period.toMillis());
            heartbeat.beat();
        }
        return 0;
    }

    /** The outcome of each transaction of a headless report, with the reader it ran on. */
    static List<String> outcomes(Path report) throws IOException {
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        List<String> result = new ArrayList<>();
        root.path("transactions").forEach(t -> result.add(t.path("outcome").asText()));
        System.out.println("self-test on reader '" + root.path("reader").asText() + "': " + result);
        return result;
    }
}
