package jp.certkiosk.api;

/**
 * A reserved document. The PDF is bound to the session and card that asked for it by
 * {@code signedStatement}: a CMS SignedData (DER) made with the municipality's document-signing
 * key, encapsulating the {@link DocumentStatement} (issuance, session, card certificate hash, and
 * the PDF's hash). The kiosk prints only after verifying that signature, the signer's chain to its
 * configured municipal anchor and the statement against its own session and card; {@code binding}
 * repeats the statement unsigned, for logs and older kiosks, and is never trusted.
 *
 * @param feeYen the fee for all copies together, charged only when the print is confirmed
 * @param printKey the key (32 random bytes, chosen by the municipality for this issuance) with
 *     which the kiosk scrambles the image of the front onto the back of each sheet; a verifier
 *     holding it descrambles a scan of the back. Never printed, never journaled.
 */
public record Issuance(String issuanceId, DocumentType documentType, int copies, int feeYen,
                       DocumentBinding binding, byte[] pdf, byte[] signedStatement, byte[] printKey) {
    public Issuance(String issuanceId, DocumentType documentType, int copies, int feeYen,
                    DocumentBinding binding, byte[] pdf) {
        this(issuanceId, documentType, copies, feeYen, binding, pdf, null, null);
    }

    public Issuance(String issuanceId, DocumentType documentType, int copies, int feeYen,
                    DocumentBinding binding, byte[] pdf, byte[] signedStatement) {
        this(issuanceId, documentType, copies, feeYen, binding, pdf, signedStatement, null);
    }

    @Override
    public String toString() {
        return "Issuance[" + issuanceId + ", " + documentType + " x" + copies + "]";
    }
}
