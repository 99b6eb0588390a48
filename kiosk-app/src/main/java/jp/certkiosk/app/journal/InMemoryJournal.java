package jp.certkiosk.app.journal;

import java.util.ArrayList;
import java.util.List;

/** A journal that lives as long as the process: for unit tests and throw-away runs. */
public final class InMemoryJournal implements Journal {
    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(JournalEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }
}
