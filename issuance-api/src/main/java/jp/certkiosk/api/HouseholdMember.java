package jp.certkiosk.api;

/**
 * A member of the resident's household the kiosk can offer for "selected members": an opaque
 * reference valid in this session only, and the name to show on the screen. Never logged.
 */
public record HouseholdMember(String memberRef, String displayName) {
    @Override
    public String toString() {
        return "HouseholdMember[" + memberRef + "]";
    }
}
