package jp.certkiosk.app.ui.model;

/** The steps of a transaction, as the step indicator shows them. */
public enum Step {
    CARD, PIN, DOCUMENT, PAY, PRINT;

    public String key() {
        return "step." + name();
    }
}
