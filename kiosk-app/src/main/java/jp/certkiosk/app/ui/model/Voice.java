package jp.certkiosk.app.ui.model;

import jp.certkiosk.app.ui.Language;

/**
 * Voice guidance: says a prompt (a {@code voice.*} message key) in a language. A kiosk plays
 * recorded clips; tests record what would be said. PIN digits are never said.
 */
public interface Voice {
    void say(Language language, String key);

    Voice SILENT = (language, key) -> { };
}
