package jp.certkiosk.printer;

/**
 * A printer the kiosk can hand a finished document to. A job is sent ({@link #submit}), then
 * followed until it settles ({@link #follow}); a job whose fate the kiosk lost (its answer never
 * came, the kiosk stopped) is found again by its name ({@link #lookup}). Expected trouble (paper
 * out, printer gone) is an outcome, not an exception.
 */
public interface Printer {
    /** Whether the printer could take an order now, without sending anything. */
    PrinterStatus status();

    /** Sends the job; returns once the printer took it, refused it, or its answer was lost. */
    Submission submit(PrintJob job);

    /**
     * Follows a job the printer took until it completes, cancels or aborts; {@link PrintOutcome.InDoubt}
     * when it does not settle in the printer's time limit or the printer stops answering.
     */
    PrintOutcome follow(int jobId);

    /**
     * How the job named {@code jobName} stands at the printer: completed, canceled or aborted,
     * {@link PrintOutcome.Failed} if the printer never received a job of that name, in doubt while
     * it is still pending or the printer cannot be asked.
     */
    PrintOutcome lookup(String jobName);

    /** Sends a job and follows it to its end. */
    default PrintOutcome print(PrintJob job) {
        Submission submission = submit(job);
        if (submission instanceof Submission.Accepted accepted) {
            return follow(accepted.jobId());
        }
        if (submission instanceof Submission.Refused refused) {
            return new PrintOutcome.Failed(refused.reason());
        }
        return new PrintOutcome.InDoubt(((Submission.Unknown) submission).reason());
    }
}
