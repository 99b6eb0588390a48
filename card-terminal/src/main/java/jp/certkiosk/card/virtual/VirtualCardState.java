package jp.certkiosk.card.virtual;

import java.security.MessageDigest;
import java.util.Objects;
import jp.certkiosk.card.jpki.JpkiCard;

/**
 * What a virtual My Number Card remembers between insertions about its user-authentication
 * PIN: the PIN itself and the consecutive-wrong-PIN counter (3 tries; blocked at 0).
 *
 * <p>One state object stands for one physical card: build several {@link VirtualJpkiCard}
 * instances on it and the counter carries over, as it does on a real card. Mutable and
 * thread-safe. The PIN is held as ASCII bytes and never shown by {@link #toString()}.
 */
public final class VirtualCardState {

    private final byte[] pin;
    private int triesLeft;
    private java.util.function.IntConsumer onChange = tries -> { };

    private VirtualCardState(byte[] pin, int triesLeft) {
        this.pin = pin;
        this.triesLeft = triesLeft;
    }

    /**
     * A fresh card with the given auth PIN and all {@value JpkiCard#AUTH_PIN_MAX_TRIES} tries.
     * The digits are copied; the caller may wipe {@code pin} afterwards.
     *
     * @throws IllegalArgumentException unless exactly 4 ASCII digits (message without the PIN)
     */
    public static VirtualCardState withPin(char[] pin) {
        return of(pin, JpkiCard.AUTH_PIN_MAX_TRIES);
    }

    /**
     * A card with the given auth PIN and remaining tries (0 = blocked).
     *
     * @throws IllegalArgumentException unless exactly 4 ASCII digits and 0..3 tries
     */
    public static VirtualCardState of(char[] pin, int triesLeft) {
        Objects.requireNonNull(pin, "pin");
        if (triesLeft < 0 || triesLeft > JpkiCard.AUTH_PIN_MAX_TRIES) {
            throw new IllegalArgumentException("tries left must be 0.." + JpkiCard.AUTH_PIN_MAX_TRIES + ": " + triesLeft);
        }
        boolean ok = pin.length == JpkiCard.AUTH_PIN_LENGTH;
        for (int i = 0; ok && i < pin.length; i++) {
            ok = pin[i] >= '0' && pin[i] <= '9';
        }
        if (!ok) {
            throw new IllegalArgumentException("auth PIN must be exactly " + JpkiCard.AUTH_PIN_LENGTH + " ASCII digits");
        }
        byte[] ascii = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            ascii[i] = (byte) pin[i];
        }
        return new VirtualCardState(ascii, triesLeft);
    }

    /**
     * Called with the new number of tries whenever a VERIFY changed it (to keep the counter in a
     * file between insertions, as the chip keeps it). Replaces any earlier listener.
     */
    public synchronized void onTriesChanged(java.util.function.IntConsumer listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    /** Remaining tries of the auth PIN; 0 means blocked. */
    public synchronized int triesLeft() {
        return triesLeft;
    }

    /** Whether the auth PIN is blocked. */
    public synchronized boolean isBlocked() {
        return triesLeft == 0;
    }

    /**
     * One VERIFY attempt, as the card's PIN logic performs it: when blocked, nothing is
     * compared; a correct PIN resets the counter; a wrong one decrements it.
     */
    synchronized Attempt attempt(byte[] candidate) {
        if (triesLeft == 0) {
            return new Attempt(false, true, 0);
        }
        int before = triesLeft;
        boolean accepted = MessageDigest.isEqual(pin, candidate);
        triesLeft = accepted ? JpkiCard.AUTH_PIN_MAX_TRIES : triesLeft - 1;
        if (triesLeft != before) {
            onChange.accept(triesLeft);
        }
        return new Attempt(accepted, false, triesLeft);
    }

    /**
     * Result of {@link #attempt(byte[])}.
     *
     * @param accepted     the PIN was correct
     * @param wasBlocked   the PIN was blocked before the attempt (nothing compared)
     * @param triesLeft    tries left after the attempt
     */
    record Attempt(boolean accepted, boolean wasBlocked, int triesLeft) {
    }

    @Override
    public synchronized String toString() {
        return "VirtualCardState[triesLeft=" + triesLeft + "]";
    }
}
