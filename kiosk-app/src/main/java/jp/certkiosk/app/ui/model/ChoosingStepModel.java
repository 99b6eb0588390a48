package jp.certkiosk.app.ui.model;

/**
 * A screen on the way from the menu to the copies (options, the family register's extent, the tax
 * year, the domicile's notices): Back returns to the menu forgetting the choice, Cancel ends the
 * transaction, and a complete choice goes on to the copies.
 */
abstract class ChoosingStepModel extends ScreenModel {
    protected ChoosingStepModel(KioskModel kiosk) {
        super(kiosk);
    }

    /** Back to the menu: the other documents can still be printed. */
    public void back() {
        kiosk.touch();
        kiosk.choice.forget();
        kiosk.update();
    }

    /** Nothing more today: the transaction ends, nothing printed, no fee. */
    public void cancel() {
        kiosk.cancel();
    }

    /** On to the copies, once what this step asks for is {@code complete}. */
    protected void nextWhen(boolean complete) {
        kiosk.touch();
        if (complete) {
            kiosk.choice.stage = DocumentChoice.Stage.COPIES;
            kiosk.update();
        }
    }
}
