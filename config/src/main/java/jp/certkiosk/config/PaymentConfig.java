package jp.certkiosk.config;

/**
 * The coin and bill acceptor with its change hopper, by kind. Only the simulated device exists so
 * far, and it is refused in production: a store terminal needs the driver of its acceptor first.
 */
public record PaymentConfig(Kind kind, int simulatedHopperYen) {
    public enum Kind { SIMULATED }

    /** Change the simulated hopper starts with, unless the file says otherwise. */
    public static final int DEFAULT_SIMULATED_HOPPER_YEN = 5000;

    public static PaymentConfig simulated() {
        return new PaymentConfig(Kind.SIMULATED, DEFAULT_SIMULATED_HOPPER_YEN);
    }
}
