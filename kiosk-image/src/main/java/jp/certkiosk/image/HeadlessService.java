package jp.certkiosk.image;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import jp.certkiosk.app.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The kiosk's headless test mode as a long-running service, for a machine without a screen (the
 * OS image's boot test): it performs one complete issuance with the demo environment (simulated
 * municipal endpoint over mutual TLS, virtual card, file printer, H2 journal on the data
 * partition) through the application's own {@code demo --headless} command, reports ready only if
 * that issued a document, then keeps beating until it is stopped.
 */
@Command(name = "kiosk-headless-service", mixinStandardHelpOptions = true,
        description = "Self-test issuance, then stay up and beat for the supervisor.")
public final class HeadlessService implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "simulator, PKI and journal state")
    Path data;

    @Option(names = "--out", required = true, description = "where the file printer writes documents")
    Path out;

    @Option(names = "--card", defaultValue = "adult", description = "virtual card of the self-test (default: ${DEFAULT-VALUE})")
    String card;

    @Option(names = "--beat-seconds", defaultValue = "5", description = "seconds between beats (default: ${DEFAULT-VALUE})")
    long beatSeconds;

    public static void main(String[] args) {
        Main.configureLogging();
        System.exit(new CommandLine(new HeadlessService()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        int selfTest = new CommandLine(new jp.certkiosk.demo.DemoMain()).execute("demo", "--headless", "--card", card,
                "--data", data.toString(), "--out", out.toString());
        if (selfTest != 0) {
            System.out.println("Kiosk self-test failed (exit " + selfTest + "); not ready");
            return selfTest;
        }
        Heartbeat heartbeat = Heartbeat.fromEnvironment()
                .orElseGet(() -> new Heartbeat(data.resolve("heartbeat"), Clock.systemUTC()));
        heartbeat.beat();
        System.out.println("Kiosk ready (headless test mode): self-test issued a document; beating every "
                + beatSeconds + " s");
        Duration period = Duration.ofSeconds(beatSeconds);
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(period.toMillis());
            heartbeat.beat();
        }
        return 0;
    }
}
