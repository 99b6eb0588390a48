package jp.certkiosk.sim.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * 氏名 as registered: the written name (kanji, or Latin letters for many foreign residents) and
 * its reading (furigana in hiragana, or katakana for a foreign name) where the register holds one.
 */
public record PersonName(String written, Optional<String> reading) {
    public PersonName {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(reading, "reading");
    }

    /**
     * Whether the written name holds a character the register keeps as a provisional private-use
     * code (外字) while it is still being registered: such a name cannot be printed faithfully.
     */
    public boolean hasUnregisteredCharacters() {
        return written.codePoints().anyMatch(c -> Character.getType(c) == Character.PRIVATE_USE);
    }

    public static PersonName of(String written, String reading) {
        return new PersonName(written, Optional.ofNullable(reading));
    }
}
