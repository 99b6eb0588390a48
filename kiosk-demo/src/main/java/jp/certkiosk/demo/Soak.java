package jp.certkiosk.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.assembly.Decorators;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.KioskConfigFiles;
import jp.certkiosk.sim.MisissuanceAudit;
import jp.certkiosk.sim.SimulatorCluster;
import jp.certkiosk.sim.SimulatorOptions;
import jp.certkiosk.sim.registry.RegistryDatabase;

/**
 * The misissuance soak: K headless kiosks (the product's flow, engine, endpoint client, document
 * verifier and journal; each its own TLS identity, journal, printer and cards) against N simulator
 * instances behind HAProxy, with random wrong PINs, cancels and printer failures, until M documents
 * came out; every document is checked as it comes out (it names its own card's resident and
 * household, nobody else's) and then deleted, and at the end {@link MisissuanceAudit} holds every
 * transaction against the endpoint's ledger.
 */
public final class Soak {
    /** Cards whose residents get a resident-record copy at a kiosk. */
    static final List<String> ISSUABLE_CARDS = List.of("adult", "spouse", "single", "foreign", "village",
            "village-spouse", "aoba-head", "aoba-spouse", "rare-name", "large-household");

    /**
     * @param killAfter kill the first instance once this many documents came out (0: never)
     * @param timeLimit no new transaction starts after this long (zero: none): the soak then ends
     *     with fewer documents, audited all the same
     */
    public record Options(Path dataDir, int kiosks, int instances, int issuances, long seed, double wrongPinRate,
                          double cancelRate, double printerFailureRate, int killAfter, Duration timeLimit) {
        public Options {
            if (kiosks < 1 || instances < 1 || issuances < 1) {
                throw new IllegalArgumentException("--kiosks, --instances and --issuances must be 1 or more");
            }
            if (timeLimit == null || timeLimit.isNegative()) {
                throw new IllegalArgumentException("the time limit must be zero (none) or positive");
            }
        }

        public static Options of(Path dataDir, int kiosks, int instances, int issuances) {
            return new Options(dataDir, kiosks, instances, issuances, 1, 0.1, 0.05, 0.05, 0, Duration.ZERO);
        }

        public Options killingAfter(int documents) {
            return new Options(dataDir, kiosks, instances, issuances, seed, wrongPinRate, cancelRate,
                    printerFailureRate, documents, timeLimit);
        }

        public Options within(Duration limit) {
            return new Options(dataDir, kiosks, instances, issuances, seed, wrongPinRate, cancelRate,
                    printerFailureRate, killAfter, limit);
        }
    }

    /** What the soak did and what the audit found. */
    public record Summary(int transactions, Map<String, Integer> outcomes, List<String> runnerFailures,
                          MisissuanceAudit.Result audit, Duration elapsed) {
        public double issuancesPerSecond() {
            return audit.issued() / Math.max(0.001, elapsed.toMillis() / 1000.0);
        }

        public boolean clean() {
            return audit.clean() && runnerFailures.isEmpty();
        }

        public void print(PrintStream out) {
            out.printf("soak: %d transactions, %d documents in %.1f s: %.2f issuances/s%n", transactions,
                    audit.issued(), elapsed.toMillis() / 1000.0, issuancesPerSecond());
            out.println("soak: outcomes " + outcomes);
            out.printf("soak: ledger %d PRINTED (%d yen), %d FAILED, %d still RESERVED%n", audit.printedInLedger(),
                    audit.feesYen(), audit.failedInLedger(), audit.stillReserved());
            out.println("soak: " + audit.mismatches().size() + " mismatches, " + runnerFailures.size()
                    + " transactions without a defined outcome");
            audit.mismatches().stream().limit(20).forEach(m -> out.println("  mismatch: " + m));
            runnerFailures.stream().limit(20).forEach(m -> out.println("  no outcome: " + m));
        }
    }

    private Soak() {}

    public static Summary run(Options options, PrintStream progress) throws InterruptedException {
        Path data = options.dataDir().toAbsolutePath();
        try (SimulatorCluster cluster = SimulatorCluster.start(
                SimulatorOptions.defaults(data.resolve("sim")), options.instances())) {
            progress.println("soak: " + options.instances() + " instances behind " + cluster.baseUri() + ", "
                    + options.kiosks() + " kiosks, " + options.issuances() + " documents to issue");
            List<MisissuanceAudit.KioskTransaction> transactions = Collections.synchronizedList(new ArrayList<>());
            List<String> runnerFailures = Collections.synchronizedList(new ArrayList<>());
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            AtomicInteger issued = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            Instant started = Instant.now();
            Instant deadline = options.timeLimit().isZero() ? Instant.MAX : started.plus(options.timeLimit());
            ExecutorService kiosks = Executors.newFixedThreadPool(options.kiosks());
            List<Future<?>> running = new ArrayList<>();
            for (int k = 0; k < options.kiosks(); k++) {
                SoakKiosk kiosk = SoakKiosk.start(cluster, data.resolve("kiosks"), k, options);
                running.add(kiosks.submit(() -> {
                    try (kiosk) {
                        while (issued.get() < options.issuances() && Instant.now().isBefore(deadline)) {
                            Report.TransactionReport report;
                            try {
                                report = kiosk.next();
                            } catch (RuntimeException e) {
                                runnerFailures.add(kiosk.kioskId + ": " + e);
                                return null;
                            }
                            outcomes.merge(report.outcome(), 1, Integer::sum);
                            int kept = report.paidYen() - report.refundedYen();
                            boolean out = MisissuanceAudit.ISSUED.equals(report.outcome());
                            if (out) {
                                Path pdf = Path.of(report.outputFile());
                                transactions.add(new MisissuanceAudit.KioskTransaction(kiosk.kioskId, report.card(),
                                        report.outcome(), report.issuanceId(), kept, null));
                                MisissuanceAudit.documentProblems(report.issuanceId(), report.card(), pdf)
                                        .forEach(problem -> runnerFailures.add("document: " + problem));
                                delete(pdf);
                                int count = issued.incrementAndGet();
                                if (count % 500 == 0) {
                                    progress.printf("soak: %d documents, %.2f/s%n", count,
                                            count / Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0));
                                }
                                if (options.killAfter() > 0 && count >= options.killAfter()
                                        && killed.compareAndSet(false, true)) {
                                    progress.println("soak: killing instance sim-1 after " + count + " documents");
                                    cluster.kill(0);
                                }
                            } else {
                                transactions.add(new MisissuanceAudit.KioskTransaction(kiosk.kioskId, report.card(),
                                        report.outcome(), report.issuanceId(), kept, null));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    runnerFailures.add("kiosk thread: " + e.getCause());
                }
            }
            kiosks.shutdown();
            Duration elapsed = Duration.between(started, Instant.now());
            MisissuanceAudit.Result audit;
            try (RegistryDatabase registry = RegistryDatabase.connect(cluster.registryUrl())) {
                // this run's issuances only: the data directory may hold an earlier run's
                audit = MisissuanceAudit.audit(transactions, registry, started.minusSeconds(1));
            }
            return new Summary(transactions.size(), new TreeMap<>(outcomes), List.copyOf(runnerFailures), audit,
                    elapsed);
        }
    }

    private static void delete(Path pdf) {
        try {
            Files.deleteIfExists(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One headless kiosk of the soak and the residents who walk up to it. */
    private static final class SoakKiosk implements AutoCloseable {
        private final String kioskId;
        private final List<IssuedCard> cards;
        private final HeadlessRunner runner;
        private final Kiosk kiosk;
        private final Random random;
        private final Options options;

        private SoakKiosk(String kioskId, List<IssuedCard> cards, HeadlessRunner runner, Kiosk kiosk, Random random,
                          Options options) {
            this.kioskId = kioskId;
            this.cards = cards;
            this.runner = runner;
            this.kiosk = kiosk;
            this.random = random;
            this.options = options;
        }

        /**
         * Writes the kiosk's configuration file (its TLS identity, its own cards on the virtual reader,
         * file printer, journal) and builds the kiosk from it through {@link KioskAssembly}, as the
         * store's kiosk is built, with a jamming printer in front of the configured one.
         */
        static SoakKiosk start(SimulatorCluster cluster, Path kiosksDir, int index, Options options) {
            String kioskId = String.format("soak-kiosk-%03d", index + 1);
            Path dir = kiosksDir.resolve(kioskId);
            // its own cards: the issuable cards dealt out among the kiosks (shared only past ten kiosks)
            List<IssuedCard> own = new ArrayList<>();
            int deck = ISSUABLE_CARDS.size();
            for (int i = 0; i < deck; i++) {
                if (options.kiosks() <= deck ? i % options.kiosks() == index : i == index % deck) {
                    String profile = ISSUABLE_CARDS.get(i);
                    cluster.cards().stream().filter(c -> c.profile().equals(profile)).forEach(own::add);
                }
            }
            Random random = new Random(options.seed() * 7919 + index);
            Random jams = new Random(random.nextLong());
            KioskConfig config;
            try {
                VirtualCard.writeAll(dir.resolve("cards"), DemoConfiguration.virtualCards(own));
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("reader.kind", "VIRTUAL");
                settings.put("reader.virtualCards", "cards");
                settings.put("printer.kind", "FILE");
                settings.put("printer.outputDirectory", dir.resolve("out").toAbsolutePath().toString());
                settings.put("journal.directory", dir.resolve("journal").toAbsolutePath().toString());
                settings.put("payment.simulatedHopperYen", "1000000");
                config = KioskConfigLoader.load(KioskConfigFiles.write(cluster, kioskId, dir, settings));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot configure " + kioskId + " in " + dir, e);
            }
            Kiosk kiosk = KioskAssembly.build(config, Clock.systemUTC(), () -> {
                throw new IllegalStateException("a soak kiosk has no staff to restart it");
            }, Decorators.none().withPrinter(printer -> new JammingPrinter(printer, options.printerFailureRate(), jams)));
            HeadlessRunner runner = new HeadlessRunner(kiosk.engine(), kiosk.virtualReader().orElseThrow(),
                    kiosk.journal(), kiosk.simulatedPayment().orElseThrow());
            return new SoakKiosk(kioskId, own, runner, kiosk, random, options);
        }

        /** The next resident: a card of this kiosk, maybe a wrong PIN first, maybe a cancel at the menu. */
        Report.TransactionReport next() {
            IssuedCard card = cards.get(random.nextInt(cards.size()));
            List<String> pins = new ArrayList<>();
            if (random.nextDouble() < options.wrongPinRate()) {
                // one wrong PIN, then the right one: the card's counter is reset, never blocked
                pins.add(card.pin().equals("0000") ? "1111" : "0000");
            }
            pins.add(card.pin());
            DocumentType document = random.nextDouble() < options.cancelRate() ? null : DocumentType.RESIDENT_RECORD_COPY;
            Scenario scenario = new Scenario(List.of(new Scenario.Step(card.profile(), pins, document, 1)));
            return runner.run(scenario).transactions().get(0);
        }

        @Override
        public void close() {
            kiosk.close();
        }
    }

    /**
     * A printer that jams now and then: the printer refuses the job, nothing comes out, the fee is
     * refunded; asked later, it knows no job of that name.
     */
    private static final class JammingPrinter implements Printer {
        private final Printer printer;
        private final double failureRate;
        private final Random random;
        private final java.util.Set<String> jammed = java.util.concurrent.ConcurrentHashMap.newKeySet();

        JammingPrinter(Printer printer, double failureRate, Random random) {
            this.printer = printer;
            this.failureRate = failureRate;
            this.random = random;
        }

        @Override
        public PrinterStatus status() {
            return printer.status();
        }

        @Override
        public jp.certkiosk.printer.Submission submit(PrintJob job) {
            if (random.nextDouble() < failureRate) {
                jammed.add(job.name());
                return new jp.certkiosk.printer.Submission.Refused("soak: paper jam");
            }
            return printer.submit(job);
        }

        @Override
        public PrintOutcome follow(int jobId) {
            return printer.follow(jobId);
        }

        @Override
        public PrintOutcome lookup(String jobName) {
            return jammed.contains(jobName) ? PrintOutcome.Failed.unknown("soak: paper jam")
                    : printer.lookup(jobName);
        }
    }
}
