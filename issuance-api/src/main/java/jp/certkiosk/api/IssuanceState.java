package jp.certkiosk.api;

import java.time.Instant;

/**
 * The answer to the recovery query {@code GET /v1/issuances/{id}}: where an issuance stands, so a
 * kiosk restarted mid-transaction learns whether its confirmation arrived.
 *
 * @param feeYen the fee for all copies
 * @param feeChargedYen what was charged: the fee once PRINTED was confirmed, else 0
 */
public record IssuanceState(String issuanceId, DocumentType documentType, int copies, int feeYen, Status status,
                            String failureReason, Instant reservedAt, Instant confirmedAt, int feeChargedYen) {
    public enum Status { RESERVED, PRINTED, FAILED }
}
