package jp.certkiosk.api;

/**
 * Reserves one document. The idempotency key lets the kiosk repeat the request after a timeout
 * without reserving twice.
 */
public record IssuanceRequest(String idempotencyKey, DocumentType documentType, int copies) {}
