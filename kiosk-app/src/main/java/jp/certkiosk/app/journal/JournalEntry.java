package jp.certkiosk.app.journal;

import java.time.Instant;

/**
 * One state change of a transaction. It holds ids, stages, error codes and counts: never a PIN,
 * never a name, address or any other content of a record.
 *
 * @param issuanceId the endpoint's issuance id once one exists, else null
 * @param detail     a short technical note (an error code, tries left, a printer reason), or null
 */
public record JournalEntry(Instant at, String transactionId, JournalStage stage, String issuanceId, String detail) {}
