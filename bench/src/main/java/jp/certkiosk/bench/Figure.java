package jp.certkiosk.bench;

/**
 * One measured figure against its budget. {@code value} is null when the figure could not be
 * taken in this run (then {@code note} says why, and the budget is neither met nor not met).
 */
public record Figure(String key, String title, Double value, String unit, String budget, Boolean met, String note) {
    public static Figure measured(String key, String title, double value, String unit, String budget, boolean met,
                                  String note) {
        return new Figure(key, title, value, unit, budget, met, note);
    }

    /** A figure this run could not take, and why. */
    public static Figure missing(String key, String title, String unit, String budget, String why) {
        return new Figure(key, title, null, unit, budget, null, why);
    }

    /** A figure with no budget: shown for understanding, never met or not met. */
    public static Figure informative(String key, String title, double value, String unit, String note) {
        return new Figure(key, title, value, unit, "-", null, note);
    }

    public String verdict() {
        return met == null ? (value == null ? "not measured" : "-") : met ? "met" : "not met";
    }
}
