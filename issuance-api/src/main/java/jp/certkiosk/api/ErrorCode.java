package jp.certkiosk.api;

/**
 * Stable error codes of the contract. The kiosk maps each to what the resident is told; the
 * detail text that comes with it is for the log only. Codes are only ever added, never renamed or
 * given another meaning; a kiosk that meets a code it does not know treats it as a refusal.
 * The HTTP status of each code is in {@code openapi.yaml}.
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
    /** Past its notAfter: the resident renews it at the municipal office (from three months before expiry). */
    CERTIFICATE_EXPIRED,
    CERTIFICATE_NOT_YET_VALID,
    /** Suspended after the card was reported lost: the resident calls the hotline. */
    CERTIFICATE_SUSPENDED,
    CERTIFICATE_REVOKED,
    /** No resident holds this certificate in a municipality offering the service. */
    RESIDENT_NOT_FOUND,
    /**
     * The resident's record cannot be issued at a kiosk (moved out, deceased, under DV / stalking
     * support measures, a name with characters still being registered): please use the counter.
     */
    RESIDENT_REFUSED,
    /** The session is unknown or expired. */
    SESSION_INVALID,
    /** The municipality does not offer this document at kiosks. */
    DOCUMENT_NOT_OFFERED,
    ISSUANCE_UNKNOWN,
    INTERNAL,
    /** The municipality's kiosk service is closed now (outside its hours, or Dec 29 - Jan 3). */
    MUNICIPALITY_CLOSED,
    /** The document is offered, but not at this time (e.g. family-register documents on weekdays only). */
    DOCUMENT_NOT_AVAILABLE_NOW,
    /**
     * This document cannot be issued for this resident at a kiosk, though others can (e.g. no seal
     * registered, a household member whose record is not issued at kiosks): please use the counter.
     */
    DOCUMENT_REFUSED,
    /** An option the municipality does not allow, or one that does not apply to this record. */
    OPTION_NOT_ALLOWED,
    /** The idempotency key was used before for a different request. */
    IDEMPOTENCY_CONFLICT,
    /** The issuance was already confirmed with a different outcome. */
    CONFIRMATION_CONFLICT,
    /** The certificate's revocation status cannot be learned now (OCSP unreachable): try later. */
    REVOCATION_STATUS_UNAVAILABLE,
    /**
     * The registered domicile (本籍) is in another participating municipality and the resident has
     * not applied for use registration (利用登録申請) there: the kiosk can file the application.
     */
    USE_REGISTRATION_REQUIRED,
    /** The use registration with the domicile's municipality is filed and not yet approved: come back later. */
    USE_REGISTRATION_PENDING,
    /** The registered domicile's municipality does not issue at kiosks: please ask that municipality. */
    DOMICILE_NOT_PARTICIPATING,
    /**
     * A tax certificate of a fiscal year is issued by the municipality the resident lived in on
     * 1 January of that year: this one was not it.
     */
    NOT_RESIDENT_ON_JANUARY_FIRST,
    /** The session has reserved as many documents as one session may. */
    RESERVATION_LIMIT_REACHED,
    /**
     * The reservation ran out before a PRINTED confirmation came: the endpoint ended it FAILED and
     * charges no fee (a FAILED confirmation of it is accepted).
     */
    RESERVATION_EXPIRED
}
