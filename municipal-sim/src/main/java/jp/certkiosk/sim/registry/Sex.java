package jp.certkiosk.sim.registry;

/** 性別 as recorded in the resident register. */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String japanese;

    Sex(String japanese) {
        this.japanese = japanese;
    }

    /** The word printed on a resident-record copy. */
    public String japanese() {
        return japanese;
    }
}
