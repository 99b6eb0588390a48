package jp.certkiosk.app.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.demo.VirtualCardSlot;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Pin;

/**
 * What the screens show and what a touch does. The flow runs on a background executor, so the
 * screen never freezes while the card or the endpoint works; new states come back on the JavaFX
 * thread through {@code onFxThread}. The typed PIN lives here only until it is handed to the flow.
 */
public final class KioskViewModel {
    private final KioskEngine engine;
    private final VirtualCardSlot slot;
    private final Executor background;
    private final ReadOnlyObjectWrapper<FlowState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper digitsTyped = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.JAPANESE);
    private final char[] typed = new char[Pin.LENGTH];

    public KioskViewModel(KioskEngine engine, VirtualCardSlot slot, Executor background, Consumer<Runnable> onFxThread) {
        this.engine = engine;
        this.slot = slot;
        this.background = background;
        state.set(engine.state());
        engine.onStateChange(next -> onFxThread.accept(() -> {
            if (!(next instanceof FlowState.EnteringPin)) {
                clearPin();
            }
            state.set(next);
        }));
    }

    public ReadOnlyObjectProperty<FlowState> state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty digitsTyped() {
        return digitsTyped.getReadOnlyProperty();
    }

    public ObjectProperty<Locale> language() {
        return language;
    }

    public List<String> demoCards() {
        return slot.profiles();
    }

    /** Demo only: places a virtual card, as a resident places a real one. */
    public void placeCard(String profile) {
        background.execute(() -> {
            if (slot.insertedProfile().isEmpty()) {
                slot.insert(profile);
                engine.dispatch(new FlowEvent.CardInserted("tx-" + UUID.randomUUID()));
            }
        });
    }

    /** Demo only: takes the virtual card off the reader. */
    public void removeCard() {
        background.execute(() -> {
            slot.remove();
            engine.dispatch(new FlowEvent.CardRemoved());
        });
    }

    public void typeDigit(char digit) {
        int n = digitsTyped.get();
        if (n < typed.length && digit >= '0' && digit <= '9') {
            typed[n] = digit;
            digitsTyped.set(n + 1);
        }
    }

    public void clearPin() {
        Arrays.fill(typed, '\0');
        digitsTyped.set(0);
    }

    /** Hands exactly the digits typed to the flow, then forgets them. */
    public void submitPin() {
        Pin pin = Pin.typed(Arrays.copyOf(typed, digitsTyped.get()));
        clearPin();
        background.execute(() -> engine.dispatch(new FlowEvent.PinEntered(pin)));
    }

    public void choose(DocumentType document) {
        background.execute(() -> engine.dispatch(new FlowEvent.DocumentChosen(document, 1)));
    }

    public void cancel() {
        clearPin();
        background.execute(() -> engine.dispatch(new FlowEvent.Cancelled()));
    }
}
