package jp.certkiosk.printer;

/** How a print job settled. */
public sealed interface PrintOutcome {
    /** Every page came out; {@code location} says where (a file, or a printer and job id). */
    record Completed(String location) implements PrintOutcome {}

    /** Nothing usable came out, or not all of it; {@code reason} is for the journal and staff. */
    record Failed(String reason) implements PrintOutcome {}
}
