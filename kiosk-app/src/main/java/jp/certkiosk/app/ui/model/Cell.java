package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One value a screen shows. Watchers hear of a new value only when it differs from the old one,
 * so a view re-renders exactly what changed. Plain Java: view-models are tested without JavaFX.
 */
public final class Cell<T> {
    private T value;
    private final List<Consumer<? super T>> watchers = new ArrayList<>();

    public Cell(T initial) {
        this.value = initial;
    }

    public T get() {
        return value;
    }

    public void set(T next) {
        if (Objects.equals(value, next)) {
            return;
        }
        value = next;
        for (Consumer<? super T> watcher : List.copyOf(watchers)) {
            watcher.accept(next);
        }
    }

    /** Calls {@code watcher} with the value now, then with every new value. */
    public void bind(Consumer<? super T> watcher) {
        watchers.add(watcher);
        watcher.accept(value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
