package jp.certkiosk.app.flow;

import java.util.Arrays;

/**
 * The digits a resident typed on the PIN pad. Held as a char array, wiped once the card has seen
 * it, never turned into a String, never shown: {@link #toString()} masks it.
 */
public final class Pin implements AutoCloseable {
    public static final int LENGTH = 4;

    private final char[] digits;

    private Pin(char[] digits) {
        this.digits = digits;
    }

    /** Takes a copy of the typed digits; the caller wipes its own array. */
    public static Pin typed(char[] digits) {
        return new Pin(digits.clone());
    }

    /** Four ASCII digits, as the user-authentication certificate requires. */
    public boolean isWellFormed() {
        if (digits.length != LENGTH) {
            return false;
        }
        for (char c : digits) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digits themselves, for the card only. Do not keep or copy the array. */
    public char[] digits() {
        return digits;
    }

    public void wipe() {
        Arrays.fill(digits, '\0');
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "Pin[****]";
    }
}
