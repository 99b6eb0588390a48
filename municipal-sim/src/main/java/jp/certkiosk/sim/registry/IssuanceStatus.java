package jp.certkiosk.sim.registry;

/** Where an issuance stands: reserved for a kiosk, then printed or failed as the kiosk confirms. */
public enum IssuanceStatus {
    RESERVED,
    PRINTED,
    FAILED
}
