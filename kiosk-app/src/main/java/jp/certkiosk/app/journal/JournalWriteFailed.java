package jp.certkiosk.app.journal;

/** A row could not be made durable: the kiosk finishes what it owes the resident, then stops selling. */
public final class JournalWriteFailed extends RuntimeException {
    public JournalWriteFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
