package jp.certkiosk.image;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.certkiosk.app.InstanceLock;
import jp.certkiosk.app.Main;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.headless.CardHand;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.ScenarioFile;
import jp.certkiosk.config.KioskConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The AppCDS training run ({@code bin/kiosk-train-cds}, at build time only): the kiosk built from a
 * configuration file as {@code run --config} builds it (its lock, the composition root, its banner),
 * and scripted residents playing a scenario through the kiosk's own flow, on the configuration's
 * in-process virtual reader with the simulated coin and bill acceptor. It runs on the production
 * class path alone: the endpoint is a simulator in another process, so the archive records the
 * product's classes and nothing of the demo or the simulator.
 */
@Command(name = "kiosk-cds-training", mixinStandardHelpOptions = true,
        description = "Play a scenario on the kiosk a configuration describes (virtual reader, simulated payment); "
                + "exit 0 only when every transaction issued a document.")
public final class CdsTraining implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "the kiosk's configuration (reader.kind=VIRTUAL, "
            + "payment.kind=SIMULATED)")
    Path config;

    @Option(names = "--scenario", required = true, description = "scenario JSON file")
    Path scenario;

    public static void main(String[] args) {
        Main.configureLogging();
        System.exit(new CommandLine(new CdsTraining()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Optional<KioskConfig> loaded = Main.loadOrExplain(config);
        if (loaded.isEmpty()) {
            return 2;
        }
        var script = ScenarioFile.read(scenario);
        try (InstanceLock lock = InstanceLock.acquire(Main.lockFile(loaded.get()));
             Kiosk kiosk = KioskAssembly.build(loaded.get(), Clock.systemDefaultZone())) {
            System.out.println(Main.banner(kiosk));
            var reader = kiosk.virtualReader().orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), config + ": the training's residents place cards on reader.kind=VIRTUAL"));
            var payment = kiosk.simulatedPayment().orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), config + ": the training's residents pay into payment.kind=SIMULATED"));
            Report report = new HeadlessRunner(kiosk.engine(), CardHand.of(reader), kiosk.journal(), payment).run(script);
            List<String> outcomes = report.transactions().stream().map(Report.TransactionReport::outcome).toList();
            System.out.println("Training outcomes: " + outcomes);
            return !outcomes.isEmpty() && outcomes.stream().allMatch("ISSUED"::equals) ? 0 : 1;
        }
    }
}
