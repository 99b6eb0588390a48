package jp.certkiosk.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A ready kiosk configuration for one kiosk identity of this simulator: {@code kiosk.properties}
 * (DEMO profile: this endpoint, the kiosk's TLS identity, the endpoint's trust store, the
 * document-signing anchor) with copies of the files it names, each store's password in a file of
 * its own. The kiosk reads it with its own configuration loader; keys given in {@code settings}
 * are added or replace the defaults (first PC/SC reader, file printer in {@code out}, simulated
 * acceptor, journal in {@code journal}).
 */
public final class KioskConfigFiles {
    public static final String FILE_NAME = "kiosk.properties";

    private KioskConfigFiles() {}

    /** Writes the configuration of {@code kioskId} into {@code dir}; returns the path of {@code kiosk.properties}. */
    public static Path write(SimulatedEndpoint simulator, String kioskId, Path dir, Map<String, String> settings) {
        try {
            Files.createDirectories(dir);
            KioskCredentials credentials = simulator.kioskCredentials(kioskId);
            copy(credentials.keyStore(), dir.resolve("kiosk.p12"));
            secret(dir.resolve("kiosk.p12.password"), credentials.keyStorePassword());
            copy(credentials.trustStore(), dir.resolve("endpoint-trust.p12"));
            secret(dir.resolve("endpoint-trust.p12.password"), credentials.trustStorePassword());
            copy(simulator.documentSigningAnchor(), dir.resolve("document-signing-ca.cer"));
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("kiosk.id", kioskId);
            keys.put("kiosk.profile", "DEMO");
            keys.put("endpoint.uri", simulator.baseUri().toString());
            keys.put("endpoint.keyStore", "kiosk.p12");
            keys.put("endpoint.keyStorePasswordFile", "kiosk.p12.password");
            keys.put("endpoint.trustStore", "endpoint-trust.p12");
            keys.put("endpoint.trustStorePasswordFile", "endpoint-trust.p12.password");
            keys.put("endpoint.documentSigningAnchor", "document-signing-ca.cer");
            keys.put("reader.kind", "PCSC");
            keys.put("printer.kind", "FILE");
            keys.put("printer.outputDirectory", "out");
            keys.put("payment.kind", "SIMULATED");
            keys.put("journal.directory", "journal");
            keys.putAll(settings);
            keys.values().removeIf(v -> v == null);
            String text = "# Kiosk " + kioskId + " against the municipal endpoint simulator (test material only)\n"
                    + keys.entrySet().stream().map(e -> e.getKey() + "=" + escape(e.getValue()))
                    .collect(Collectors.joining("\n")) + "\n";
            Path file = dir.resolve(FILE_NAME);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kiosk configuration into " + dir, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void secret(Path file, char[] password) throws IOException {
        Files.writeString(file, new String(password) + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps its defaults
        }
    }
}
