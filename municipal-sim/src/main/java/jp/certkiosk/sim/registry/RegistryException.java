package jp.certkiosk.sim.registry;

/** The registry database failed: an internal error, never something the resident did. */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
