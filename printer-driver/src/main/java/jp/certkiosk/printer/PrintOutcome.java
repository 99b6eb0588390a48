package jp.certkiosk.printer;

/** How a print job stands at the printer. */
public sealed interface PrintOutcome {
    /** Every page came out (the printer said completed); {@code location} says where (a file, or a printer and job id). */
    record Completed(String location) implements PrintOutcome {}

    /**
     * Nothing usable came out and nothing will, on the printer's word: the order was refused before
     * anything was sent, the printer never received it, or it canceled or aborted the job.
     */
    record Failed(String reason, boolean unknownToPrinter) implements PrintOutcome {
        public Failed(String reason) {
            this(reason, false);
        }

        /** The printer has no job of that name: it never received it (or has forgotten it since). */
        public static Failed unknown(String reason) {
            return new Failed(reason, true);
        }
    }

    /**
     * Nobody can tell: the printer's answer was lost, it went away mid-job, the job has not settled,
     * or it completed while the printer reported trouble. Never refunded or charged on a guess.
     */
    record InDoubt(String reason) implements PrintOutcome {}

    /** The outcome in a few words for journals and staff. */
    default String describe() {
        if (this instanceof Completed c) {
            return "completed";
        }
        return this instanceof Failed f ? "failed: " + f.reason() : "in doubt: " + ((InDoubt) this).reason();
    }
}
