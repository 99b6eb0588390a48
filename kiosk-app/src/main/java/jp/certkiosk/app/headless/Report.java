package jp.certkiosk.app.headless;

import java.util.List;

/** What happened in a headless run on which reader, transaction by transaction. It holds no PIN and no record contents. */
public record Report(String reader, List<TransactionReport> transactions) {
    public record TransactionReport(String transactionId, String card, String outcome, String issuanceId,
                                    String outputFile, List<PinAttempt> pinAttempts, int verifyCommandsSent,
                                    int feeYen, int paidYen, int refundedYen, List<String> journal) {}

    /**
     * One PIN entry and what the card said: ACCEPTED, WRONG (with the tries then left), BLOCKED, or
     * MALFORMED (not four digits: never sent to the card).
     */
    public record PinAttempt(String result, Integer triesLeft) {}
}
