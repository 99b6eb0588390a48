package jp.certkiosk.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a kiosk configuration from a properties file. Relative paths are taken from the file's
 * folder. Every missing or malformed key is reported at once.
 *
 * <pre>
 * kiosk.id=kiosk-0001
 * kiosk.profile=PRODUCTION
 * endpoint.uri=https://issuance.example/
 * endpoint.keyStore=kiosk.p12
 * endpoint.keyStorePassword=...
 * endpoint.trustStore=endpoint-ca.p12
 * endpoint.trustStorePassword=...
 * endpoint.connectTimeout=PT5S      (optional)
 * endpoint.readTimeout=PT20S        (optional)
 * endpoint.documentSigningAnchor=document-signing-ca.cer
 * printer.kind=FILE               (or IPP)
 * printer.outputDirectory=out      (FILE only)
 * printer.uri=ipp://localhost:631/printers/kiosk   (IPP only)
 * journal.directory=journal
 * </pre>
 */
public final class KioskConfigLoader {
    private KioskConfigLoader() {}

    public static KioskConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Path base = file.toAbsolutePath().getParent();
        return from(properties, base);
    }

    static KioskConfig from(Properties p, Path base) {
        List<String> problems = new ArrayList<>();
        Profile profile = parseEnum(p, "kiosk.profile", Profile.class, problems);
        URI uri = null;
        String uriText = required(p, "endpoint.uri", problems);
        if (uriText != null) {
            try {
                uri = new URI(uriText);
            } catch (URISyntaxException e) {
                problems.add("endpoint.uri is not a URI: " + e.getMessage());
            }
        }
        EndpointConfig endpoint = new EndpointConfig(uri,
                path(p, "endpoint.keyStore", base, problems),
                password(p, "endpoint.keyStorePassword"),
                path(p, "endpoint.trustStore", base, problems),
                password(p, "endpoint.trustStorePassword"),
                duration(p, "endpoint.connectTimeout", EndpointConfig.DEFAULT_CONNECT_TIMEOUT, problems),
                duration(p, "endpoint.readTimeout", EndpointConfig.DEFAULT_READ_TIMEOUT, problems),
                path(p, "endpoint.documentSigningAnchor", base, problems));
        PrinterConfig.Kind kind = parseEnum(p, "printer.kind", PrinterConfig.Kind.class, problems);
        PrinterConfig printer;
        if (kind == PrinterConfig.Kind.IPP) {
            URI printerUri = null;
            String printerText = required(p, "printer.uri", problems);
            if (printerText != null) {
                try {
                    printerUri = new URI(printerText);
                } catch (URISyntaxException e) {
                    problems.add("printer.uri is not a URI: " + e.getMessage());
                }
            }
            printer = PrinterConfig.ipp(printerUri);
        } else {
            printer = new PrinterConfig(kind, path(p, "printer.outputDirectory", base, problems));
        }
        Path journal = path(p, "journal.directory", base, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new KioskConfig(p.getProperty("kiosk.id", "").trim(), profile, endpoint, printer, journal).validate();
    }

    private static String required(Properties p, String key, List<String> problems) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            problems.add(key + " is required");
            return null;
        }
        return value.trim();
    }

    private static Path path(Properties p, String key, Path base, List<String> problems) {
        String value = required(p, key, problems);
        return value == null ? null : base.resolve(value).normalize();
    }

    private static char[] password(Properties p, String key) {
        return p.getProperty(key, "").toCharArray();
    }

    private static Duration duration(Properties p, String key, Duration fallback, List<String> problems) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(key + " is not an ISO-8601 duration such as PT5S: " + value.trim());
            return fallback;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Properties p, String key, Class<E> type, List<String> problems) {
        String value = required(p, key, problems);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not " + value);
            return null;
        }
    }
}
