package jp.certkiosk.sim.registry;

/** Whether a person is a current resident; records of people who left or died are not issued at a kiosk. */
public enum ResidentStatus {
    REGISTERED,
    MOVED_OUT,
    DECEASED
}
