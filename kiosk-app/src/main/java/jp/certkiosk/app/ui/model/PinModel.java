package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Pin;

/**
 * The PIN pad. The digits typed live here only until they are handed to the flow, then are wiped;
 * the screen shows dots, and the voice says "one digit entered", never the digit.
 */
public final class PinModel extends ScreenModel {
    public final Cell<String> subtitle = new Cell<>("");
    public final Cell<String> dots = new Cell<>("");
    /** Why the last entry failed (wrong, not four digits), or empty. */
    public final Cell<String> problem = new Cell<>("");
    public final Cell<String> triesLeft = new Cell<>("");
    public final Cell<String> lastTry = new Cell<>("");
    public final Cell<Boolean> okEnabled = new Cell<>(false);
    public final Cell<String> clear = new Cell<>("");
    public final Cell<String> ok = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");

    private final char[] typed = new char[Pin.LENGTH];
    private int count;

    PinModel(KioskModel kiosk) {
        super(kiosk);
    }

    public int digitsTyped() {
        return count;
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("pin.title"));
        subtitle.set(text.text("pin.subtitle"));
        dots.set("●".repeat(count) + "○".repeat(Pin.LENGTH - count));
        okEnabled.set(count == Pin.LENGTH);
        clear.set(text.text("pin.clear"));
        ok.set(text.text("pin.ok"));
        cancel.set(text.text("cancel"));
        if (kiosk.state() instanceof FlowState.EnteringPin entering) {
            problem.set(entering.malformed() ? text.text("pin.malformed")
                    : entering.lastAttemptWrong() ? text.text("pin.wrong") : "");
            triesLeft.set(entering.triesLeft() < 3 ? text.format("pin.triesLeft", entering.triesLeft()) : "");
            lastTry.set(entering.triesLeft() == 1 ? text.text("pin.lastTry") : "");
        }
    }

    @Override
    public List<String> voiceKeys() {
        List<String> keys = new ArrayList<>();
        if (kiosk.state() instanceof FlowState.EnteringPin entering) {
            keys.add(entering.lastAttemptWrong() || entering.malformed() ? "voice.pinWrong" : "voice.pin");
            if (entering.triesLeft() == 1) {
                keys.add("voice.pinLastTry");
            }
        } else {
            keys.add("voice.pin");
        }
        return keys;
    }

    public void digit(char digit) {
        kiosk.touch();
        if (count < typed.length && digit >= '0' && digit <= '9') {
            typed[count++] = digit;
            kiosk.say("voice.digitEntered");
            kiosk.update();
        }
    }

    public void clear() {
        kiosk.touch();
        forget();
        kiosk.update();
    }

    /** Keypad Backspace: the last digit only. */
    public void backspace() {
        kiosk.touch();
        if (count > 0) {
            typed[--count] = '\0';
            kiosk.say("voice.digitDeleted");
            kiosk.update();
        }
    }

    /** Hands exactly the digits typed to the flow, then forgets them. */
    public void submit() {
        kiosk.touch();
        char[] digits = Arrays.copyOf(typed, count);
        Pin pin = Pin.typed(digits);
        Arrays.fill(digits, '\0');
        forget();
        kiosk.update();
        kiosk.run(new FlowEvent.PinEntered(pin));
    }

    public void cancel() {
        kiosk.cancel();
    }

    void forget() {
        Arrays.fill(typed, '\0');
        count = 0;
    }

    @Override
    protected void key(KeypadKey key) {
        if (key.isDigit()) {
            digit(key.digit());
        } else if (key == KeypadKey.BACKSPACE) {
            backspace();
        } else if (key == KeypadKey.ENTER && count == Pin.LENGTH) {
            submit();
        } else if (key == KeypadKey.ESCAPE) {
            cancel();
        }
    }
}
