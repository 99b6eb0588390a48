package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA for every text colour in the stylesheet: each {@code -fx-text-fill} against the
 * background it is drawn on (its own rule's background, the container it sits in, or every page
 * background of its theme: the screen, the flashing screen, the overlay) must reach 4.5:1, in the
 * normal and in the high-contrast theme; and every text colour of the normal theme that relies on
 * the page behind it has its own colour in the high-contrast theme (black page).
 */
class StylesheetContrastTest {
    static final double AA = 4.5;
    /** Text classes drawn on a container's background rather than the page's. */
    static final Map<String, String> CONTAINED_IN = Map.of(".step-number", ".step", ".step-name", ".step");

    record Rule(String selector, Map<String, String> declarations) {
        boolean highContrast() {
            return selector.contains("high-contrast");
        }
    }

    static List<Rule> parse(String css) {
        List<Rule> rules = new ArrayList<>();
        Matcher m = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (m.find()) {
            Map<String, String> declarations = new LinkedHashMap<>();
            for (String declaration : m.group(2).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    declarations.put(declaration.substring(0, colon).trim(), declaration.substring(colon + 1).trim());
                }
            }
            for (String selector : m.group(1).split(",")) {
                rules.add(new Rule(selector.trim().replaceAll("\\s+", " "), declarations));
            }
        }
        return rules;
    }

    /** Relative luminance of #rrggbb (WCAG 2.1). */
    static double luminance(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Every text/background pair below AA, and every normal-theme page text without a high-contrast colour. */
    static List<String> problems(String css) {
        List<Rule> rules = parse(css);
        Map<String, String> background = new LinkedHashMap<>();
        for (Rule rule : rules) {
            String bg = rule.declarations().get("-fx-background-color");
            if (bg != null && bg.startsWith("#")) {
                background.put(rule.selector(), bg);
            }
        }
        Map<Boolean, List<String>> pages = Map.of(
                false, List.of(".kiosk", ".kiosk.flash", ".overlay"),
                true, List.of(".kiosk.high-contrast", ".kiosk.high-contrast.flash", ".high-contrast .overlay"));
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            String text = rule.declarations().get("-fx-text-fill");
            if (text == null) {
                continue;
            }
            String selector = rule.selector();
            List<String> behind = new ArrayList<>();
            String own = rule.declarations().get("-fx-background-color");
            String last = selector.substring(selector.lastIndexOf(' ') + 1);
            String ancestor = selector.contains(" ") ? selector.substring(0, selector.lastIndexOf(' ')) : null;
            if (own != null) {
                behind.add(selector);
            } else if (ancestor != null && background.containsKey(ancestor) && !ancestor.equals(".high-contrast")) {
                behind.add(ancestor);
            } else if (CONTAINED_IN.containsKey(last)) {
                behind.add((rule.highContrast() ? ".high-contrast " : "") + CONTAINED_IN.get(last));
            } else {
                behind.addAll(pages.get(rule.highContrast()));
                if (!rule.highContrast() && rules.stream().noneMatch(r -> r.selector().equals(".high-contrast " + selector)
                        && r.declarations().containsKey("-fx-text-fill"))) {
                    problems.add(selector + ": no text colour of its own in the high-contrast theme");
                }
            }
            for (String place : behind) {
                String bg = place.equals(selector) ? own : background.get(place);
                if (bg == null) {
                    problems.add(selector + ": no background colour for " + place);
                    continue;
                }
                double ratio = contrast(text, bg);
                if (ratio < AA) {
                    problems.add(String.format(Locale.ROOT, "%s: %s on %s (%s) is %.2f:1, below %.1f:1",
                            selector, text, bg, place, ratio, AA));
                }
            }
        }
        return problems;
    }

    static String stylesheet() throws IOException {
        try (InputStream in = StylesheetContrastTest.class.getResourceAsStream("/jp/certkiosk/app/ui/kiosk.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyTextColourOfTheStylesheetPassesAaInBothThemes() throws IOException {
        String css = stylesheet();
        assertTrue(parse(css).stream().filter(r -> r.declarations().containsKey("-fx-text-fill")).count() > 40,
                "the stylesheet's text colours were read");
        assertEquals("", String.join("\n", problems(css)));
    }

    @Test
    void theCheckCatchesALowContrastColourAndAMissingHighContrastColour() {
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        List<String> found = problems("""
                .kiosk { -fx-background-color: #ffffff; } .kiosk.flash { -fx-background-color: #ffffff; }
                .overlay { -fx-background-color: #ffffff; } .kiosk.high-contrast { -fx-background-color: #000000; }
                .kiosk.high-contrast.flash { -fx-background-color: #000000; } .high-contrast .overlay { -fx-background-color: #000000; }
                .hint { -fx-text-fill: #999999; }
                .primary { -fx-text-fill: #ffffff; -fx-background-color: #66aaff; }
                """);
        assertTrue(found.stream().anyMatch(p -> p.startsWith(".hint: #999999 on #ffffff")), found.toString());
        assertTrue(found.contains(".hint: no text colour of its own in the high-contrast theme"), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith(".primary: #ffffff on #66aaff")), found.toString());
    }
}
