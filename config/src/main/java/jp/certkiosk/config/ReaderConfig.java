package jp.certkiosk.config;

import java.nio.file.Path;

/**
 * Where residents place their card: a PC/SC reader through pcscd ({@link Kind#PCSC}, by name, or
 * the first reader pcscd lists when the name is blank), or the in-process virtual reader holding
 * the card profiles of a directory ({@link Kind#VIRTUAL}, never in production).
 */
public record ReaderConfig(Kind kind, String name, Path virtualCards) {
    public enum Kind { PCSC, VIRTUAL }

    /** The first reader pcscd lists. */
    public static ReaderConfig firstPcscReader() {
        return new ReaderConfig(Kind.PCSC, null, null);
    }

    public static ReaderConfig pcsc(String name) {
        return new ReaderConfig(Kind.PCSC, name, null);
    }

    public static ReaderConfig virtual(Path cards) {
        return new ReaderConfig(Kind.VIRTUAL, null, cards);
    }

    public boolean firstReader() {
        return name == null || name.isBlank();
    }
}
