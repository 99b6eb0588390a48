package jp.certkiosk.sim.endpoint;

import jp.certkiosk.api.ErrorCode;

/**
 * An expected refusal of a request, answered with an {@code ApiError}: the contract's code, an
 * HTTP status that fits it, and a detail for the kiosk's log. The detail never holds record
 * contents. No stack trace is captured: these are outcomes, not faults.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int status;

    public ApiException(ErrorCode code, String detail) {
        this(code, statusOf(code), detail);
    }

    private ApiException(ErrorCode code, int status, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The HTTP status of each code. */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> 400;
            case CHALLENGE_INVALID, SIGNATURE_INVALID, CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED,
                 CERTIFICATE_NOT_YET_VALID, CERTIFICATE_SUSPENDED, CERTIFICATE_REVOKED, SESSION_INVALID -> 401;
            case KIOSK_UNKNOWN, RESIDENT_REFUSED, DOCUMENT_NOT_OFFERED, DOCUMENT_NOT_AVAILABLE_NOW, DOCUMENT_REFUSED,
                 OPTION_NOT_ALLOWED, MUNICIPALITY_CLOSED, USE_REGISTRATION_REQUIRED, USE_REGISTRATION_PENDING,
                 DOMICILE_NOT_PARTICIPATING, NOT_RESIDENT_ON_JANUARY_FIRST, RESERVATION_LIMIT_REACHED -> 403;
            case RESIDENT_NOT_FOUND, ISSUANCE_UNKNOWN -> 404;
            case IDEMPOTENCY_CONFLICT, CONFIRMATION_CONFLICT, RESERVATION_EXPIRED -> 409;
            case INTERNAL -> 500;
            case REVOCATION_STATUS_UNAVAILABLE -> 503;
        };
    }
}
