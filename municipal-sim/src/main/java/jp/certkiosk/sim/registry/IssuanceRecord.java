package jp.certkiosk.sim.registry;

import java.time.Instant;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;

/**
 * One reserved document as the municipality keeps it: the request it answered (session, kiosk,
 * idempotency key), the card certificate and resident it was issued for, fee and state, and the
 * PDF returned, so a repeated request gets the very same document.
 *
 * @param feeYen the fee for all copies
 * @param signedStatement the CMS SignedData of the document statement, returned with the PDF
 * @param options the options asked for, so a repeated key with other options is a conflict
 */
public record IssuanceRecord(
        String issuanceId,
        String sessionId,
        String kioskId,
        String idempotencyKey,
        String certificateSha256,
        String residentId,
        DocumentType documentType,
        int copies,
        int feeYen,
        IssuanceStatus status,
        Instant reservedAt,
        byte[] pdf,
        byte[] signedStatement,
        IssuanceOptions options,
        byte[] printKey) {}
