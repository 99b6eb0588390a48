package jp.certkiosk.card.pcsc;

import java.util.List;

/**
 * What the {@link CardWatcher} saw happen at the readers: first one {@link Snapshot}, then changes.
 * Reader names are PC/SC names, e.g. {@code "Virtual PCD 00 00"}.
 */
public sealed interface ReaderEvent {

    /** The state when watching began (or resumed after pcscd came back). */
    record Snapshot(List<String> readers, List<String> readersWithCard) implements ReaderEvent {
        public Snapshot {
            readers = List.copyOf(readers);
            readersWithCard = List.copyOf(readersWithCard);
        }
    }

    record ReaderAttached(String reader) implements ReaderEvent {}

    /** The reader is gone (unplugged, or pcscd stopped); a card in it is gone too (reported first). */
    record ReaderDetached(String reader) implements ReaderEvent {}

    record CardInserted(String reader) implements ReaderEvent {}

    record CardRemoved(String reader) implements ReaderEvent {}
}
