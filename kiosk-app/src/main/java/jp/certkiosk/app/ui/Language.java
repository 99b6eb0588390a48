package jp.certkiosk.app.ui;

import java.util.Locale;

/**
 * The languages of the screens, each with its name as its readers write it and a font that draws
 * its script. The printed document stays Japanese whatever the language of the screen.
 */
public enum Language {
    JAPANESE(Locale.JAPANESE, "日本語", "Noto Sans CJK JP"),
    ENGLISH(Locale.ENGLISH, "English", "Noto Sans CJK JP"),
    CHINESE_SIMPLIFIED(Locale.SIMPLIFIED_CHINESE, "简体中文", "Noto Sans CJK SC"),
    CHINESE_TRADITIONAL(Locale.TRADITIONAL_CHINESE, "繁體中文", "Noto Sans CJK TC"),
    KOREAN(Locale.KOREAN, "한국어", "Noto Sans CJK KR"),
    PORTUGUESE(Locale.forLanguageTag("pt"), "Português", "DejaVu Sans"),
    SPANISH(Locale.forLanguageTag("es"), "Español", "DejaVu Sans"),
    VIETNAMESE(Locale.forLanguageTag("vi"), "Tiếng Việt", "DejaVu Sans");

    private final Locale locale;
    private final String nativeName;
    private final String fontFamily;

    Language(Locale locale, String nativeName, String fontFamily) {
        this.locale = locale;
        this.nativeName = nativeName;
        this.fontFamily = fontFamily;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The font family the screens use in this language (Debian fonts-noto-cjk, fonts-dejavu-core). */
    public String fontFamily() {
        return fontFamily;
    }

    /** The id of its button on the screen, e.g. {@code lang-zh-CN}. */
    public String buttonId() {
        return "lang-" + locale.toLanguageTag();
    }
}
