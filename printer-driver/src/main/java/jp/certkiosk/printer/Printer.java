package jp.certkiosk.printer;

/**
 * A printer the kiosk can hand a finished document to. Implementations follow the job until it
 * settles: {@link #print} returns only once the pages are out, or it is known they will not be.
 * Expected trouble (paper out, printer gone) is an outcome, not an exception.
 */
public interface Printer {
    /** Whether the printer could take an order now, without sending anything. */
    PrinterStatus status();

    PrintOutcome print(PrintJob job);
}
