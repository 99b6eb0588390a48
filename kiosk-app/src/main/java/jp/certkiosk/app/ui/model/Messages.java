package jp.certkiosk.app.ui.model;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.ResourceBundle;
import jp.certkiosk.app.ui.Language;

/**
 * The screens' words in one language. Arguments go through ICU's MessageFormat, so a pattern can
 * use the language's plural rules ({@code {0, plural, one {# copy} other {# copies}}}).
 */
public final class Messages {
    public static final String BUNDLE = "jp.certkiosk.app.ui.messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale());
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String text(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), ULocale.forLocale(language.locale())).format(arguments);
    }
}
