package jp.certkiosk.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the municipal endpoint simulator on its own for vendors:
 * {@code --data DIR} (default ./var/sim), {@code --port N} (default 8443), {@code --host H}
 * (default 127.0.0.1), {@code --service-hours on|off} (default off: open around the clock; on: the
 * municipalities keep 6:30-23:00 Japan time and close Dec 29 - Jan 3). Prints the base URI, the kiosk's credential files and the virtual cards
 * with their PINs (all test material), then serves until the process is stopped.
 * {@code --instances N} (N &gt; 1) runs N instances over one registry behind HAProxy
 * ({@link SimulatorCluster}), listening on {@code --port}; {@code --database-url URL} and
 * {@code --instance NAME} make this process one such instance over the registry at URL.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: SimulatorMain [--data DIR] [--port N] [--host H] [--service-hours on|off] "
                    + "[--instances N] [--database-url URL --instance NAME]");
            System.exit(2);
            return;
        }
        if (instances(args) > 1) {
            SimulatorCluster.run(options, instances(args), System.out);
            return;
        }
        if (List.of(args).contains("--exit-with-parent")) {
            // an instance of a cluster: it ends with the process that started it, even a killed one
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        MunicipalSimulator simulator = MunicipalSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        describe(simulator, System.out);
        stopped.await();
    }

    /** The number of instances asked for with {@code --instances} (1 without it). */
    static int instances(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--instances")) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return 1;
    }

    static SimulatorOptions parse(String[] args) {
        Path data = Path.of("var", "sim");
        String databaseUrl = null;
        String instance = null;
        String host = "127.0.0.1";
        int port = 8443;
        boolean serviceHours = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--exit-with-parent")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--data" -> data = Path.of(value);
                case "--host" -> host = value;
                case "--database-url" -> databaseUrl = value;
                case "--instance" -> instance = value;
                case "--instances" -> {
                    try {
                        if (Integer.parseInt(value) < 1) {
                            throw new IllegalArgumentException("--instances needs a number of 1 or more");
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--instances needs a number of 1 or more");
                    }
                }
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number");
                    }
                }
                case "--service-hours" -> {
                    if (!value.equals("on") && !value.equals("off")) {
                        throw new IllegalArgumentException("--service-hours takes on or off");
                    }
                    serviceHours = value.equals("on");
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((databaseUrl == null) != (instance == null)) {
            throw new IllegalArgumentException("--database-url and --instance go together");
        }
        SimulatorOptions options = new SimulatorOptions(data, host, port, Clock.systemUTC(), serviceHours);
        return databaseUrl == null ? options : options.sharing(databaseUrl, instance);
    }

    static void describe(MunicipalSimulator simulator, PrintStream out) {
        KioskCredentials kiosk = simulator.kioskCredentials();
        out.println("Municipal endpoint simulator (fictional municipalities and residents, test PKI)");
        out.println("  base URI        " + simulator.baseUri());
        out.println("  kiosk id        " + kiosk.kioskId());
        out.println("  key store       " + kiosk.keyStore().toAbsolutePath() + " (PKCS12, password "
                + new String(kiosk.keyStorePassword()) + ")");
        out.println("  trust store     " + kiosk.trustStore().toAbsolutePath() + " (PKCS12, password "
                + new String(kiosk.trustStorePassword()) + ")");
        out.println("  OCSP responder  " + simulator.ocspUri());
        out.println("  document anchor " + simulator.documentSigningAnchor().toAbsolutePath()
                + " (the municipal document-signing CA, DER)");
        out.println("  virtual cards (profile, PIN):");
        for (IssuedCard card : simulator.cards()) {
            out.printf("    %-15s %s%n", card.profile(), card.pin());
        }
    }
}
