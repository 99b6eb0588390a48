package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.app.ui.model.Messages;
import org.junit.jupiter.api.Test;

/** Every message in every language, and a font on this machine that draws each of them. */
class MessagesTest {
    static Properties file(Language language) throws IOException {
        String suffix = language.locale().getCountry().isEmpty() ? language.locale().getLanguage()
                : language.locale().getLanguage() + "_" + language.locale().getCountry();
        String name = "messages_" + suffix + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/jp/certkiosk/app/ui/" + name)) {
            assertNotNull(in, "no " + name + " for " + language);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKeyAndNoOthers() throws IOException {
        Set<String> all = new TreeSet<>();
        for (Language language : Language.values()) {
            all.addAll(file(language).stringPropertyNames());
        }
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            Properties p = file(language);
            for (String key : all) {
                if (!p.containsKey(key) || p.getProperty(key).isBlank()) {
                    problems.add(language + " lacks " + key);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyErrorCodeAndDocumentHasItsOwnWordsOrTheGeneralRefusal() throws IOException {
        Properties en = file(Language.ENGLISH);
        for (DocumentType type : DocumentType.values()) {
            assertTrue(en.containsKey("document." + type.name()), type.name());
        }
        for (ErrorCode code : List.of(ErrorCode.CERTIFICATE_SUSPENDED, ErrorCode.CERTIFICATE_REVOKED,
                ErrorCode.CERTIFICATE_EXPIRED, ErrorCode.RESIDENT_NOT_FOUND, ErrorCode.RESIDENT_REFUSED,
                ErrorCode.DOCUMENT_NOT_OFFERED)) {
            assertTrue(en.containsKey("outcome.REFUSED_" + code.name()), code.name());
        }
        for (Language language : Language.values()) {
            assertTrue(file(language).getProperty("outcome.REFUSED_CERTIFICATE_SUSPENDED").contains("0120-95-0178"),
                    language + " must give the free hotline number");
        }
    }

    @Test
    void patternsWithArgumentsFormat() throws IOException {
        for (Language language : Language.values()) {
            Properties p = file(language);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value.contains("{0}")) {
                    String formatted = new com.ibm.icu.text.MessageFormat(value, com.ibm.icu.util.ULocale.forLocale(language.locale()))
                            .format(new Object[] {7, 8, 9, 10, 11});
                    assertTrue(formatted.contains("7"), language + " " + key + ": " + formatted);
                }
            }
        }
    }

    @Test
    void theFontOfEachLanguageDrawsAllItsMessages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            java.awt.Font font = new java.awt.Font(language.fontFamily(), java.awt.Font.PLAIN, 20);
            if (!font.getFamily().equals(language.fontFamily())) {
                problems.add(language + ": font " + language.fontFamily() + " is not installed (got " + font.getFamily()
                        + "); scripts/install-test-deps.sh installs it");
                continue;
            }
            Properties p = file(language);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key).replace("●", "").replace("○", "");
                int missing = font.canDisplayUpTo(text);
                if (missing >= 0) {
                    problems.add(language + " " + key + ": no glyph for '" + text.charAt(missing) + "'");
                }
            }
            int missing = font.canDisplayUpTo(language.nativeName());
            if (missing >= 0) {
                problems.add(language + " name: no glyph for '" + language.nativeName().charAt(missing) + "'");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A voice prompt for every screen that has one, in every language (the clips are made from these). */
    @Test
    void everyScreenPromptIsWordedForTheVoice() throws IOException {
        for (String key : List.of("voice.welcome", "voice.terms", "voice.placeCard", "voice.pin", "voice.pinWrong",
                "voice.digitEntered", "voice.menu", "voice.options", "voice.copies", "voice.payment", "voice.printing",
                "voice.done", "voice.problem", "voice.takeDocuments", "voice.outOfService", "voice.wait")) {
            for (Language language : Language.values()) {
                assertTrue(file(language).containsKey(key), language + " " + key);
                assertFalse(file(language).getProperty(key).matches(".*\\{.*"), "a recorded prompt takes no argument: " + key);
            }
        }
    }

    @Test
    void theBundlesResolveForEveryLanguage() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.of(language).bundle();
            assertEquals(language.locale(), bundle.getLocale(), language.name());
        }
    }
}
