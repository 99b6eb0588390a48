package jp.certkiosk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import jp.certkiosk.app.assembly.ConfigCheck;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.ui.KioskUi;
import jp.certkiosk.config.InvalidConfigException;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The kiosk's command line: {@code run --config FILE} (the store's kiosk) and {@code config check FILE}. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "Self-service certificate kiosk.",
        subcommands = {Main.Run.class, Main.Config.class})
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

    /** Loads a configuration file, or prints every problem with its key and returns empty. */
    public static java.util.Optional<KioskConfig> loadOrExplain(Path file) throws java.io.IOException {
        try {
            return java.util.Optional.of(KioskConfigLoader.load(file));
        } catch (InvalidConfigException e) {
            System.err.println(file + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The lock that keeps one kiosk per journal: {@code <journal directory>/../kiosk.lock}. */
    public static Path lockFile(KioskConfig config) {
        return config.journalDirectory().toAbsolutePath().resolveSibling("kiosk.lock");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the kiosk full screen as its configuration file describes it (the store's kiosk).")
    public static final class Run implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "the kiosk's configuration file")
        Path config;

        @Override
        public Integer call() throws Exception {
            var loaded = loadOrExplain(config);
            if (loaded.isEmpty()) {
                return 2;
            }
            try (InstanceLock lock = InstanceLock.acquire(lockFile(loaded.get()));
                 Kiosk kiosk = KioskAssembly.build(loaded.get(), Clock.systemDefaultZone())) {
                KioskUi.run(kiosk);
            }
            return 0;
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration files.",
            subcommands = {Config.Check.class})
    public static final class Config {
        @Command(name = "check", mixinStandardHelpOptions = true,
                description = "List every problem of a configuration file with its key, and open the files it names. "
                        + "Exit 0 when the kiosk can start from it, 1 otherwise; an unreachable reader or printer is a "
                        + "warning.")
        public static final class Check implements Callable<Integer> {
            @Parameters(index = "0", description = "the configuration file")
            Path file;

            @Override
            public Integer call() {
                ConfigCheck.Result result = ConfigCheck.check(file);
                result.errors().forEach(e -> System.out.println("error   " + e));
                result.warnings().forEach(w -> System.out.println("warning " + w));
                System.out.println(file + ": " + (result.ok() ? "OK" : "NOT USABLE") + " (" + result.errors().size()
                        + " error(s), " + result.warnings().size() + " warning(s))");
                return result.ok() ? 0 : 1;
            }
        }
    }
}
