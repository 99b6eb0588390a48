package jp.certkiosk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What the municipality signs for every document it issues (the content of
 * {@link Issuance#signedStatement}): which issuance, for which session, kiosk and card
 * certificate, which document, its fee, and the SHA-256 of the exact PDF bytes. Encoded as the contract's
 * JSON (UTF-8); the verifier reads the statement from the signed bytes, never from elsewhere.
 *
 * @param certificateSha256 SHA-256 (lower-case hex) of the card's user-authentication certificate (DER)
 * @param feeYen the fee for all copies together, as in {@link Issuance#feeYen}: the menu's fee per
 *     copy times the copies; the kiosk takes no money for a document whose signed fee differs
 * @param pdfSha256 SHA-256 (lower-case hex) of {@link Issuance#pdf}
 */
public record DocumentStatement(String issuanceId, String sessionId, String kioskId, String certificateSha256,
                                String municipalityCode, DocumentType documentType, int copies, int feeYen, String pdfSha256,
                                Instant issuedAt) {
    private static final ObjectMapper JSON = ApiJson.newMapper();

    public byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a document statement", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not a statement */
    public static DocumentStatement decode(byte[] bytes) {
        try {
            DocumentStatement statement = JSON.readValue(bytes, DocumentStatement.class);
            if (statement == null || statement.issuanceId() == null || statement.sessionId() == null
                    || statement.kioskId() == null || statement.certificateSha256() == null
                    || statement.municipalityCode() == null || statement.documentType() == null
                    || statement.pdfSha256() == null) {
                throw new IllegalArgumentException("the statement lacks a required field");
            }
            return statement;
        } catch (IOException e) {
            throw new IllegalArgumentException("the signed content is not a document statement", e);
        }
    }

    /** The binding this statement makes, in the shape of {@link DocumentBinding}. */
    public DocumentBinding binding() {
        return new DocumentBinding(issuanceId, sessionId, certificateSha256);
    }
}
