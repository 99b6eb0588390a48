package jp.certkiosk.api;

/** The resource paths of version 1 of the contract, relative to the endpoint's base URI. */
public final class ApiPaths {
    public static final String VERSION = "v1";
    public static final String CHALLENGES = "v1/challenges";
    public static final String SESSIONS = "v1/sessions";
    /** Format with the session id. */
    public static final String ISSUANCES = "v1/sessions/%s/issuances";
    /** Format with the issuance id. */
    public static final String CONFIRMATION = "v1/issuances/%s/confirmation";
    /** Format with the issuance id: the recovery query (GET). */
    public static final String ISSUANCE = "v1/issuances/%s";
    /** Format with the session id: files the use registration with the domicile's municipality (POST). */
    public static final String USE_REGISTRATION = "v1/sessions/%s/use-registration";

    private ApiPaths() {}

    public static String issuances(String sessionId) {
        return ISSUANCES.formatted(sessionId);
    }

    public static String issuance(String issuanceId) {
        return ISSUANCE.formatted(issuanceId);
    }

    public static String useRegistration(String sessionId) {
        return USE_REGISTRATION.formatted(sessionId);
    }

    public static String confirmation(String issuanceId) {
        return CONFIRMATION.formatted(issuanceId);
    }
}
