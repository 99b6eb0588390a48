package jp.certkiosk.api;

/**
 * Reserves one document. The idempotency key lets the kiosk repeat the request after a timeout
 * without reserving twice; reusing it for a different request is {@link ErrorCode#IDEMPOTENCY_CONFLICT}.
 *
 * @param options what a resident-record document shows; null means {@link IssuanceOptions#standard()}
 */
public record IssuanceRequest(String idempotencyKey, DocumentType documentType, int copies, IssuanceOptions options) {
    public IssuanceRequest {
        options = options == null ? IssuanceOptions.standard() : options;
    }

    public IssuanceRequest(String idempotencyKey, DocumentType documentType, int copies) {
        this(idempotencyKey, documentType, copies, IssuanceOptions.standard());
    }
}
