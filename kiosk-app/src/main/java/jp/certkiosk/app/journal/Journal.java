package jp.certkiosk.app.journal;

import java.util.List;

/** The transaction journal: what happened, when, to which transaction and issuance. */
public interface Journal extends AutoCloseable {
    void record(JournalEntry entry);

    /** All entries, oldest first. */
    List<JournalEntry> entries();

    /** The entries of one transaction, oldest first. */
    default List<JournalEntry> entriesOf(String transactionId) {
        return entries().stream().filter(e -> e.transactionId().equals(transactionId)).toList();
    }

    @Override
    default void close() {}
}
