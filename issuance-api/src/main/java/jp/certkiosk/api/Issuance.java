package jp.certkiosk.api;

/**
 * A reserved document. The PDF is bound to the session and card that asked for it by
 * {@link DocumentBinding}; the kiosk checks the binding before a single page is printed.
 */
public record Issuance(String issuanceId, DocumentType documentType, int copies, int feeYen,
                       DocumentBinding binding, byte[] pdf) {}
