package jp.certkiosk.app.ui.view;

import javafx.scene.Parent;

/** The view of one screen: built once, bound to its view-model, shown when the router picks its screen. */
interface ScreenView {
    Parent root();

    /** The panel is wider than high (or not): views that lay out differently on a landscape panel rearrange. */
    default void landscape(boolean landscape) {
    }
}
