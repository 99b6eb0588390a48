package jp.certkiosk.app.ui.model;

/** Every screen of the kiosk; each has one view-model and one view. */
public enum Screen {
    WELCOME, TERMS, PLACE_CARD, PIN, BUSY, MENU, OPTIONS, COPIES, PAYMENT, PRINTING, RESULT, TAKE_DOCUMENTS,
    OUT_OF_SERVICE, STAFF_PIN, STAFF_PANEL
}
