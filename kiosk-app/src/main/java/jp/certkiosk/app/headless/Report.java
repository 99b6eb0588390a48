package jp.certkiosk.app.headless;

import java.util.List;

/** What happened in a headless run on which reader, transaction by transaction. It holds no PIN and no record contents. */
public record Report(String reader, List<TransactionReport> transactions) {
    /**
     * @param problem why the step could not be played as written (an unknown card, copies out of
     *     range), with outcome {@code INVALID_STEP}; or why the kiosk took no card ({@code OUT_OF_SERVICE}); else null
     */
    public record TransactionReport(String transactionId, String card, String outcome, String issuanceId,
                                    String outputFile, List<PinAttempt> pinAttempts, int verifyCommandsSent,
                                    int feeYen, int paidYen, int refundedYen, List<String> journal, String problem) {
        public TransactionReport(String transactionId, String card, String outcome, String issuanceId,
                                 String outputFile, List<PinAttempt> pinAttempts, int verifyCommandsSent,
                                 int feeYen, int paidYen, int refundedYen, List<String> journal) {
            this(transactionId, card, outcome, issuanceId, outputFile, pinAttempts, verifyCommandsSent, feeYen, paidYen,
                    refundedYen, journal, null);
        }

        static TransactionReport notPlayed(int step, String card, String outcome, String problem) {
            return new TransactionReport("step-" + step, card, outcome, null, null, List.of(), 0, 0, 0, 0, List.of(),
                    problem);
        }
    }

    /**
     * One PIN entry and what the card said: ACCEPTED, WRONG (with the tries then left), BLOCKED, or
     * MALFORMED (not four digits: never sent to the card).
     */
    public record PinAttempt(String result, Integer triesLeft) {}
}
