package jp.certkiosk.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a kiosk configuration from a Java properties file (UTF-8). Relative paths are taken from
 * the file's folder. Every missing, malformed or unknown key is reported at once, each problem
 * starting with its key: a typo never falls back to a default. The README lists every key.
 */
public final class KioskConfigLoader {
    /** Every key a configuration file may hold. */
    public static final Set<String> KEYS = Set.of(
            "kiosk.id", "kiosk.profile",
            "endpoint.uri", "endpoint.keyStore", "endpoint.keyStorePasswordFile", "endpoint.trustStore",
            "endpoint.trustStorePasswordFile", "endpoint.documentSigningAnchor", "endpoint.connectTimeout",
            "endpoint.readTimeout",
            "reader.kind", "reader.name", "reader.virtualCards",
            "printer.kind", "printer.uri", "printer.outputDirectory",
            "payment.kind", "payment.simulatedHopperYen",
            "payment.port", "payment.selectorAddress", "payment.coins", "payment.hoppers", "payment.pollInterval",
            "payment.replyTimeout", "payment.localEcho",
            "staff.pinHashFile",
            "journal.directory",
            "screen.orientation", "screen.languages", "screen.idleWarning", "screen.idleTimeout");

    private KioskConfigLoader() {}

    /** Loads and validates; throws {@link InvalidConfigException} listing every problem. */
    public static KioskConfig load(Path file) throws IOException {
        Read read = read(file);
        if (!read.problems().isEmpty()) {
            throw new InvalidConfigException(read.problems());
        }
        return read.config();
    }

    /**
     * A configuration as far as it could be read, and every problem found, each starting with its
     * key and ending with the line that set it ("(line 7)"), where the file sets it: for {@code config check}, which goes on to open the files a broken configuration names.
     * Parts that could not be read are null in {@code config}.
     */
    public record Read(KioskConfig config, List<String> problems) {}

    /** @throws InvalidConfigException when the file is not UTF-8 text (naming the line and column) */
    public static Read read(Path file) throws IOException {
        PropertiesText text = PropertiesText.parse(Files.readAllBytes(file));
        ConfigProblems problems = new ConfigProblems(text.lines());
        KioskConfig config = from(text.properties(), file.toAbsolutePath().getParent(), problems);
        return new Read(config, problems.list());
    }

    static KioskConfig from(Properties p, Path base) {
        ConfigProblems problems = new ConfigProblems();
        KioskConfig config = from(p, base, problems);
        problems.throwIfAny();
        return config;
    }

    private static KioskConfig from(Properties p, Path base, ConfigProblems problems) {
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!KEYS.contains(key)) {
                problems.add(key, "is not a key of the kiosk configuration (see the README for the keys)");
            }
        }
        Profile profile = parseEnum(p, "kiosk.profile", Profile.class, null, problems);
        EndpointConfig endpoint = new EndpointConfig(uri(p, "endpoint.uri", problems),
                path(p, "endpoint.keyStore", base, problems),
                passwordFile(p, "endpoint.keyStorePasswordFile", base, true, problems),
                path(p, "endpoint.trustStore", base, problems),
                passwordFile(p, "endpoint.trustStorePasswordFile", base, false, problems),
                duration(p, "endpoint.connectTimeout", EndpointConfig.DEFAULT_CONNECT_TIMEOUT, problems),
                duration(p, "endpoint.readTimeout", EndpointConfig.DEFAULT_READ_TIMEOUT, problems),
                path(p, "endpoint.documentSigningAnchor", base, problems));

        ReaderConfig.Kind readerKind = parseEnum(p, "reader.kind", ReaderConfig.Kind.class, null, problems);
        ReaderConfig reader = readerKind == ReaderConfig.Kind.VIRTUAL
                ? ReaderConfig.virtual(path(p, "reader.virtualCards", base, problems))
                : new ReaderConfig(readerKind, optional(p, "reader.name"), null);

        PrinterConfig.Kind printerKind = parseEnum(p, "printer.kind", PrinterConfig.Kind.class, null, problems);
        PrinterConfig printer = printerKind == PrinterConfig.Kind.IPP
                ? PrinterConfig.ipp(uri(p, "printer.uri", problems))
                : new PrinterConfig(printerKind, printerKind == PrinterConfig.Kind.FILE
                        ? path(p, "printer.outputDirectory", base, problems) : null);

        PaymentConfig.Kind paymentKind = parseEnum(p, "payment.kind", PaymentConfig.Kind.class, null, problems);
        PaymentConfig payment = new PaymentConfig(paymentKind,
                integer(p, "payment.simulatedHopperYen", PaymentConfig.DEFAULT_SIMULATED_HOPPER_YEN, problems),
                paymentKind == PaymentConfig.Kind.CCTALK ? ccTalk(p, base, problems) : null);

        String pinFile = optional(p, "staff.pinHashFile");
        ScreenConfig screen = new ScreenConfig(
                parseEnum(p, "screen.orientation", ScreenConfig.Orientation.class, ScreenConfig.Orientation.AUTO, problems),
                languages(p),
                duration(p, "screen.idleWarning", ScreenConfig.DEFAULT_IDLE_WARNING, problems),
                duration(p, "screen.idleTimeout", ScreenConfig.DEFAULT_IDLE_TIMEOUT, problems));

        KioskConfig config = new KioskConfig(p.getProperty("kiosk.id", "").trim(), profile, endpoint, printer,
                path(p, "journal.directory", base, problems), reader, payment,
                pinFile == null ? null : resolve("staff.pinHashFile", pinFile, base, problems), screen);
        config.check(problems);
        return config;
    }

    private static PaymentConfig.CcTalk ccTalk(Properties p, Path base, ConfigProblems problems) {
        String port = optional(p, "payment.port");
        if (port != null && resolve("payment.port", port, base, problems) == null) {
            port = null; // the serial device keeps its name as written; only a name no file can have is refused
        }
        return new PaymentConfig.CcTalk(port,
                integer(p, "payment.selectorAddress", PaymentConfig.CcTalk.DEFAULT_SELECTOR_ADDRESS, problems),
                pairs(p, "payment.coins", "coin id:yen, such as 1:10,2:50,3:100,4:500", problems),
                pairs(p, "payment.hoppers", "hopper address:yen of its coin, such as 3:100,4:10", problems),
                duration(p, "payment.pollInterval", PaymentConfig.CcTalk.DEFAULT_POLL_INTERVAL, problems),
                duration(p, "payment.replyTimeout", PaymentConfig.CcTalk.DEFAULT_REPLY_TIMEOUT, problems),
                bool(p, "payment.localEcho", true, problems));
    }

    /** A required comma-separated list of {@code number:number}; each left number once. */
    private static Map<Integer, Integer> pairs(Properties p, String key, String shape, ConfigProblems problems) {
        String value = required(p, key, problems);
        Map<Integer, Integer> pairs = new LinkedHashMap<>();
        if (value == null) {
            return pairs;
        }
        for (String item : value.split(",")) {
            String[] parts = item.trim().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                int left = Integer.parseInt(parts[0].trim());
                if (pairs.put(left, Integer.parseInt(parts[1].trim())) != null) {
                    problems.add(key, "names " + left + " twice");
                }
            } catch (NumberFormatException e) {
                problems.add(key, "must be a list of " + shape + "; '" + item.trim() + "' is not");
            }
        }
        return pairs;
    }

    private static boolean bool(Properties p, String key, boolean fallback, ConfigProblems problems) {
        String value = optional(p, key);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            problems.add(key, "must be true or false, not " + value);
            return fallback;
        }
        return Boolean.parseBoolean(value);
    }

    private static String optional(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String required(Properties p, String key, ConfigProblems problems) {
        String value = optional(p, key);
        if (value == null) {
            problems.add(key, "is required");
        }
        return value;
    }

    private static URI uri(Properties p, String key, ConfigProblems problems) {
        String text = required(p, key, problems);
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            problems.add(key, "is not a URI: " + e.getMessage());
            return null;
        }
    }

    private static Path path(Properties p, String key, Path base, ConfigProblems problems) {
        String value = required(p, key, problems);
        return value == null ? null : resolve(key, value, base, problems);
    }

    /** A file named by a key, relative to the configuration's folder; null (and a problem) when no file can have that name. */
    private static Path resolve(String key, String value, Path base, ConfigProblems problems) {
        try {
            return base.resolve(value).normalize();
        } catch (InvalidPathException e) {
            problems.add(key, "is not a file name: " + e.getReason());
            return null;
        }
    }

    /** A password kept in a file of its own (readable by the kiosk's user only); one line, trailing newline ignored. */
    private static char[] passwordFile(Properties p, String key, Path base, boolean required, ConfigProblems problems) {
        String name = required ? required(p, key, problems) : optional(p, key);
        if (name == null) {
            return new char[0];
        }
        Path file = resolve(key, name, base, problems);
        if (file == null) {
            return new char[0];
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Arrays.fill(bytes, (byte) 0);
            return text.replaceAll("[\\r\\n]+$", "").toCharArray();
        } catch (IOException e) {
            problems.add(key, "cannot be read: " + file);
            return new char[0];
        }
    }

    private static Duration duration(Properties p, String key, Duration fallback, ConfigProblems problems) {
        String value = optional(p, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(key, "is not an ISO-8601 duration such as PT5S: " + value);
            return fallback;
        }
    }

    private static int integer(Properties p, String key, int fallback, ConfigProblems problems) {
        String value = optional(p, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(key, "is not a whole number: " + value);
            return fallback;
        }
    }

    private static List<String> languages(Properties p) {
        String value = optional(p, "screen.languages");
        return value == null ? ScreenConfig.ALL_LANGUAGES
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parseEnum(Properties p, String key, Class<E> type, E fallback,
                                                   ConfigProblems problems) {
        String value = fallback == null ? required(p, key, problems) : optional(p, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not " + value);
            return null;
        }
    }
}
