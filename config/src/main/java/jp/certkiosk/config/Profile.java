package jp.certkiosk.config;

/** Which kind of installation this is. Some safety checks are relaxed only in the demo. */
public enum Profile {
    /** Embedded simulator, virtual card, file printer: for residents-to-be, vendors and tests. */
    DEMO,
    /** A real terminal in a store. */
    PRODUCTION
}
