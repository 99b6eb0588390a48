package jp.certkiosk.app.payment;

import java.util.function.IntConsumer;

/**
 * The coin and bill acceptor with its change hopper. The slots are open only while a fee is due;
 * money inserted is reported to the listener, one coin or bill at a time. Paying back (change or a
 * refund) is an outcome, not an exception: an empty hopper is something staff must settle.
 */
public interface PaymentDevice {
    /** Open the slots for a fee of {@code dueYen}. */
    void startAccepting(int dueYen);

    /** Close the slots; money inserted afterwards is returned by the device itself. */
    void stopAccepting();

    /** Pays {@code yen} back to the resident. */
    PayOutResult payOut(int yen);

    /** Called with the value of every coin or bill taken, on the device's thread. */
    void onCashInserted(IntConsumer listener);

    /** Whether the device can take money and give change now, for the staff screen. */
    String status();

    /** What the device did when asked to pay back. */
    record PayOutResult(boolean done, String problem) {
        public static PayOutResult paid() {
            return new PayOutResult(true, null);
        }

        public static PayOutResult failed(String problem) {
            return new PayOutResult(false, problem);
        }
    }
}
