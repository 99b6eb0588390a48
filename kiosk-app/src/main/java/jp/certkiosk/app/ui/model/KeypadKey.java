package jp.certkiosk.app.ui.model;

/** The keys of the tactile keypad (USB HID numeric keypad): digits, Enter, Backspace, Escape. */
public enum KeypadKey {
    D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, ENTER, BACKSPACE, ESCAPE;

    public boolean isDigit() {
        return ordinal() <= D9.ordinal();
    }

    public char digit() {
        if (!isDigit()) {
            throw new IllegalStateException(this + " is not a digit");
        }
        return (char) ('0' + ordinal());
    }

    public int number() {
        return digit() - '0';
    }

    public static KeypadKey digit(char d) {
        if (d < '0' || d > '9') {
            throw new IllegalArgumentException("not a digit: " + d);
        }
        return values()[d - '0'];
    }
}
