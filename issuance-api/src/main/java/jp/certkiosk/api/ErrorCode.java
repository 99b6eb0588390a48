package jp.certkiosk.api;

/**
 * Stable error codes of the contract. The kiosk maps each to what the resident is told; the
 * detail text that comes with it is for the log only.
 */
public enum ErrorCode {
    /** The request was malformed or named something that does not exist. */
    BAD_REQUEST,
    /** The TLS client is not a known kiosk, or the kiosk id does not match its certificate. */
    KIOSK_UNKNOWN,
    /** The challenge is unknown, already used or expired. */
    CHALLENGE_INVALID,
    /** The signature does not verify with the certificate's key. */
    SIGNATURE_INVALID,
    /** The certificate does not chain to a user-authentication trust anchor. */
    CERTIFICATE_UNTRUSTED,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_NOT_YET_VALID,
    /** Suspended after the card was reported lost: the resident calls the hotline. */
    CERTIFICATE_SUSPENDED,
    CERTIFICATE_REVOKED,
    /** No resident holds this certificate in a municipality offering the service. */
    RESIDENT_NOT_FOUND,
    /** The resident's record cannot be issued at a kiosk: please use the counter. */
    RESIDENT_REFUSED,
    /** The session is unknown or expired. */
    SESSION_INVALID,
    /** The municipality does not offer this document now. */
    DOCUMENT_NOT_OFFERED,
    ISSUANCE_UNKNOWN,
    INTERNAL
}
