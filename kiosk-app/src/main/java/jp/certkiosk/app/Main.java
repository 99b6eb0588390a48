package jp.certkiosk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
        subcommands = {Main.Run.class, Main.Config.class, jp.certkiosk.app.journal.JournalCommand.class})
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

    /** One line naming the kiosk and the parts its configuration built. */
    public static String banner(Kiosk kiosk) {
        KioskConfig c = kiosk.config();
        return "Kiosk " + c.kioskId() + " (" + c.profile() + "), endpoint " + c.endpoint().baseUri() + ", reader: "
                + kiosk.readerName() + ", printer: " + (c.printer().uri() != null ? c.printer().uri()
                : c.printer().outputDirectory()) + ", payment: " + c.payment().kind();
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
            try (InstanceLock lock = InstanceLock.acquire(lockFile(loaded.get()))) {
                // the kiosk is assembled while the toolkit starts (the screens wait for the whole kiosk)
                CompletableFuture<Kiosk> assembling = new CompletableFuture<>();
                Thread assembly = new Thread(() -> {
                    try {
                        Kiosk kiosk = KioskAssembly.build(loaded.get(), Clock.systemDefaultZone());
                        System.out.println(banner(kiosk));
                        assembling.complete(kiosk);
                    } catch (Throwable e) {
                        assembling.completeExceptionally(e);
                    }
                }, "kiosk-assembly");
                assembly.start();
                try {
                    KioskUi.run(assembling);
                } finally {
                    // a failed assembly is what is reported, before anything the screens threw
                    assembled(assembling).close();
                }
            }
            return 0;
        }

        /**
         * The assembled kiosk, once the assembly has ended; its failure thrown as it was thrown, so that
         * a kiosk that cannot be built ends as it did when it was built before the screens started.
         */
        static Kiosk assembled(CompletableFuture<Kiosk> assembling) {
            try {
                return assembling.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration files.",
            subcommands = {Config.Check.class, Config.StaffPinFile.class})
    public static final class Config {
        @Command(name = "staff-pin", mixinStandardHelpOptions = true,
                description = "Ask for a new staff PIN (6-8 digits, typed twice, not shown) and write its salted hash to FILE, "
                        + "the file staff.pinHashFile names. Without a console the two lines are read from standard input.")
        public static final class StaffPinFile implements Callable<Integer> {
            @Parameters(index = "0", description = "the staff PIN hash file to write")
            Path file;

            @Override
            public Integer call() throws Exception {
                char[] first = ask("New staff PIN: ");
                char[] second = ask("The same again: ");
                try {
                    if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
                        System.err.println("the two entries differ; nothing written");
                        return 1;
                    }
                    if (first.length < 6 || first.length > 8 || !new String(first).chars().allMatch(Character::isDigit)) {
                        System.err.println("a staff PIN is 6 to 8 digits; nothing written");
                        return 1;
                    }
                    jp.certkiosk.app.staff.StaffPin.store(file, first);
                    System.out.println("staff PIN hash written to " + file.toAbsolutePath());
                    return 0;
                } finally {
                    if (first != null) {
                        java.util.Arrays.fill(first, '\0');
                    }
                    if (second != null) {
                        java.util.Arrays.fill(second, '\0');
                    }
                }
            }

            private static java.io.BufferedReader stdin;

            private static char[] ask(String prompt) throws java.io.IOException {
                java.io.Console console = System.console();
                if (console != null) {
                    return console.readPassword(prompt);
                }
                if (stdin == null) {
                    stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                String line = stdin.readLine();
                return line == null ? null : line.trim().toCharArray();
            }
        }

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
