package jp.certkiosk.app.ui.model;

/** Every screen of the kiosk; each has one view-model and one view. */
public enum Screen {
    WELCOME, TERMS, PLACE_CARD, PIN, BUSY, MENU, OPTIONS, REGISTER_OPTIONS, TAX_OPTIONS, COPIES, PAYMENT, PRINTING,
    RESULT, TAKE_DOCUMENTS, OUT_OF_SERVICE, STAFF_PIN, STAFF_PANEL,
    /** The family register's domicile is elsewhere: the kiosk offers the use registration (free, nothing printed). */
    USE_REGISTRATION,
    /** The use registration is being filed with the domicile's municipality. */
    USE_REGISTRATION_FILING,
    /** The use registration is filed and not yet approved: come back in a few days. */
    USE_REGISTRATION_PENDING,
    /** The domicile's municipality does not issue at kiosks: please ask it. */
    DOMICILE_NOT_PARTICIPATING
}
