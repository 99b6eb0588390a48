package jp.certkiosk.config;

import java.time.Duration;
import java.util.List;

/**
 * The panel: its orientation ({@link Orientation#AUTO} follows the screen's shape), the languages
 * offered (BCP 47 tags, in the order shown), and the idle timings: the warning after
 * {@code idleWarning} without a touch, the session wiped after {@code idleTimeout}.
 */
public record ScreenConfig(Orientation orientation, List<String> languages, Duration idleWarning,
                           Duration idleTimeout) {
    public enum Orientation { AUTO, PORTRAIT, LANDSCAPE }

    /** Every language the screens speak, Japanese first. */
    public static final List<String> ALL_LANGUAGES = List.of("ja", "en", "zh-CN", "zh-TW", "ko", "pt", "es", "vi");
    public static final Duration DEFAULT_IDLE_WARNING = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);

    public ScreenConfig {
        languages = languages == null ? null : List.copyOf(languages);
    }

    public static ScreenConfig defaults() {
        return new ScreenConfig(Orientation.AUTO, ALL_LANGUAGES, DEFAULT_IDLE_WARNING, DEFAULT_IDLE_TIMEOUT);
    }
}
