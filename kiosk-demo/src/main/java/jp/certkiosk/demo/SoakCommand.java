package jp.certkiosk.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soak}: the misissuance soak ({@link Soak}) from the command line; exit 1 on any mismatch. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run K headless kiosks against N simulator instances behind HAProxy until M documents came out, "
                + "with wrong PINs, cancels and printer failures, then check every document and every fee.")
public final class SoakCommand implements Callable<Integer> {
    @Option(names = "--kiosks", defaultValue = "4", description = "headless kiosks (default: ${DEFAULT-VALUE})")
    int kiosks;

    @Option(names = "--instances", defaultValue = "2", description = "simulator instances (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--issuances", defaultValue = "2000", description = "documents to issue (default: ${DEFAULT-VALUE})")
    int issuances;

    @Option(names = "--data", defaultValue = "var/soak", description = "registry, PKI, journals (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "of the residents' random choices (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--kill-after", defaultValue = "0",
            description = "kill instance sim-1 after this many documents (default: never)")
    int killAfter;

    @Option(names = "--minutes", defaultValue = "0",
            description = "start no transaction after this many minutes, then audit what came out (default: no limit)")
    long minutes;

    @Override
    public Integer call() throws InterruptedException {
        Soak.Options options = new Soak.Options(data, kiosks, instances, issuances, seed, 0.1, 0.05, 0.05, killAfter,
                java.time.Duration.ofMinutes(minutes));
        Soak.Summary summary = Soak.run(options, System.out);
        summary.print(System.out);
        return summary.clean() ? 0 : 1;
    }
}
