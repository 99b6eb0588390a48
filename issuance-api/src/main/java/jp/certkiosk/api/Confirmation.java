package jp.certkiosk.api;

/** Tells the endpoint how an issuance ended at the printer. The fee counts only on PRINTED. */
public record Confirmation(Outcome outcome, String reason) {
    public enum Outcome { PRINTED, FAILED }

    public static Confirmation printed() {
        return new Confirmation(Outcome.PRINTED, null);
    }

    public static Confirmation failed(String reason) {
        return new Confirmation(Outcome.FAILED, reason);
    }
}
