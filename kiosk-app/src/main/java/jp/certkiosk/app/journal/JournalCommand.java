package jp.certkiosk.app.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk journal audit}: the journal reconciled, as one JSON line of totals. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Look into the kiosk's journal.",
        subcommands = {JournalCommand.Audit.class})
public final class JournalCommand {
    /** Exit code when the journal does not add up. */
    public static final int MISMATCH = 1;
    /** Exit code when there is no journal to read. */
    public static final int NO_JOURNAL = 2;

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Reconcile the journal: every yen taken is a printed document's fee, change, a refund, "
                    + "a fee held for a print in doubt, or owed to the resident; every issuance is PRINTED, FAILED or "
                    + "IN_DOUBT. Prints one JSON line of totals; exits 1 on any mismatch. Run it while the kiosk is "
                    + "stopped (the journal is the kiosk's own file).")
    public static final class Audit implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "var",
                description = "the demo's data directory, holding journal/ (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--config", description = "the kiosk's configuration file: its journal.directory is audited")
        Path config;

        @Override
        public Integer call() throws Exception {
            Path directory = data.resolve("journal");
            if (config != null) {
                try {
                    directory = jp.certkiosk.config.KioskConfigLoader.load(config).journalDirectory();
                } catch (java.io.IOException | RuntimeException e) {
                    System.err.println("journal audit: " + config + ": " + e.getMessage());
                    return NO_JOURNAL;
                }
            }
            Reconciliation.Totals totals;
            try (H2Journal journal = H2Journal.openExisting(directory)) {
                totals = Reconciliation.of(journal.entries()).totals();
            } catch (IllegalStateException e) {
                System.err.println("journal audit: " + e.getMessage());
                return NO_JOURNAL;
            }
            System.out.println(new ObjectMapper().writeValueAsString(totals));
            if (!totals.ok()) {
                totals.problems().forEach(problem -> System.err.println("journal audit: " + problem));
                return MISMATCH;
            }
            return 0;
        }
    }
}
