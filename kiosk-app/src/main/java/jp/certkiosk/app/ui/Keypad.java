package jp.certkiosk.app.ui;

import java.util.Optional;
import javafx.scene.input.KeyCode;
import jp.certkiosk.app.ui.model.KeypadKey;

/** The tactile keypad's keys among the key codes a USB HID numeric keypad sends; every other key means nothing. */
public final class Keypad {
    private Keypad() {}

    public static Optional<KeypadKey> key(KeyCode code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.isDigitKey()) {
            String name = code.getName();
            return Optional.of(KeypadKey.digit(name.charAt(name.length() - 1)));
        }
        return switch (code) {
            case ENTER -> Optional.of(KeypadKey.ENTER);
            case BACK_SPACE -> Optional.of(KeypadKey.BACKSPACE);
            case ESCAPE -> Optional.of(KeypadKey.ESCAPE);
            default -> Optional.empty();
        };
    }
}
