package jp.certkiosk.app.payment;

import java.util.Optional;
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

    /**
     * Why the device cannot take money or give change at all (it stopped answering, it lost
     * count): the kiosk sells nothing until staff restart it. Empty while it works.
     */
    default Optional<String> outOfService() {
        return Optional.empty();
    }

    /**
     * What the device did when asked to pay back.
     *
     * @param paidYen what it did pay when it could not pay all (a hopper that ran empty half-way)
     */
    record PayOutResult(boolean done, String problem, int paidYen) {
        public PayOutResult(boolean done, String problem) {
            this(done, problem, 0);
        }

        public static PayOutResult paid() {
            return new PayOutResult(true, null);
        }

        public static PayOutResult failed(String problem) {
            return new PayOutResult(false, problem);
        }

        /** Paid {@code paidYen} of what was asked, and no more. */
        public static PayOutResult partly(int paidYen, String problem) {
            return new PayOutResult(false, problem, paidYen);
        }
    }
}
