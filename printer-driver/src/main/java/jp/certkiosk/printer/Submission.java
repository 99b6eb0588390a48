package jp.certkiosk.printer;

/** What became of sending a job to the printer. */
public sealed interface Submission {
    /** The printer took the job and named it {@code jobId}. */
    record Accepted(int jobId) implements Submission {}

    /** The printer did not get the job: refused before sending, unreachable, or it said no. */
    record Refused(String reason) implements Submission {}

    /** The job may have reached the printer, but its answer was lost: look it up by its name. */
    record Unknown(String reason) implements Submission {}
}
