package jp.certkiosk.app.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * A coin and bill acceptor in memory, for the demo, headless runs and tests. A resident (or a
 * test) inserts coins and bills with {@link #insert}; they are taken only while a fee is due, and
 * the slots close by themselves once the coins taken reach the fee. The
 * hopper holds a limited amount of change, so running dry can be tried.
 */
public final class SimulatedPaymentDevice implements PaymentDevice {
    /** The coins and bills Japanese acceptors take. */
    public static final List<Integer> DENOMINATIONS = List.of(10, 50, 100, 500, 1000);

    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();
    private int hopperYen;
    private boolean accepting;
    private int dueYen;
    private int takenYen;
    private int paidOutYen;

    public SimulatedPaymentDevice(int hopperYen) {
        this.hopperYen = hopperYen;
    }

    @Override
    public synchronized void startAccepting(int dueYen) {
        this.dueYen = dueYen;
        accepting = dueYen > 0;
    }

    @Override
    public synchronized void stopAccepting() {
        accepting = false;
    }

    public synchronized boolean accepting() {
        return accepting;
    }

    /** Inserts a coin or bill; false when the slots are closed or it is no Japanese denomination (handed back). */
    public boolean insert(int yen) {
        synchronized (this) {
            if (!accepting || !DENOMINATIONS.contains(yen)) {
                return false;
            }
            takenYen += yen;
            hopperYen += yen < 1000 ? yen : 0;
            dueYen -= yen;
            if (dueYen <= 0) {
                accepting = false; // the fee is reached: the slots close by themselves
            }
        }
        listeners.forEach(listener -> listener.accept(yen));
        return true;
    }

    @Override
    public synchronized PayOutResult payOut(int yen) {
        if (yen > hopperYen) {
            return PayOutResult.failed("hopper holds only " + hopperYen + " yen");
        }
        hopperYen -= yen;
        paidOutYen += yen;
        return PayOutResult.paid();
    }

    @Override
    public void onCashInserted(IntConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized String status() {
        return (accepting ? "accepting" : "idle") + ", change in hopper " + hopperYen + " yen";
    }

    public synchronized int takenYen() {
        return takenYen;
    }

    public synchronized int paidOutYen() {
        return paidOutYen;
    }

    public synchronized void emptyHopper() {
        hopperYen = 0;
    }
}
