package jp.certkiosk.app.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A virtual My Number Card as a directory of card profiles describes it: {@code <name>.p12}
 * (PKCS12, password {@value #KEY_STORE_PASSWORD}: the user-authentication key under alias
 * {@value #ALIAS} with its certificate and the issuing CA certificate) and {@code <name>.properties}
 * ({@code pin}, {@code description}, and {@code order}: where the card comes in lists). Test material only: the simulator writes such a directory
 * ({@code ./kiosk sim}) and a DEMO configuration names it as {@code reader.virtualCards}.
 */
public record VirtualCard(String name, String description, String pin, PrivateKey authKey,
                          X509Certificate authCertificate, X509Certificate authCaCertificate) {
    public static final String KEY_STORE_PASSWORD = "virtual-card";
    public static final String ALIAS = "card";

    /** Every card profile of the directory, in name order. */
    public static List<VirtualCard> readAll(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.properties")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        List<Ordered> ordered = new ArrayList<>();
        for (Path file : files) {
            ordered.add(read(file));
        }
        ordered.sort(java.util.Comparator.comparingInt(Ordered::order));
        List<VirtualCard> cards = ordered.stream().map(Ordered::card).toList();
        if (cards.isEmpty()) {
            throw new IOException("no card profiles (*.properties with *.p12) in " + directory);
        }
        return cards;
    }

    /** Writes these cards into {@code directory} in the format {@link #readAll} reads, keeping their order. */
    public static void writeAll(Path directory, List<VirtualCard> cards) throws IOException {
        Files.createDirectories(directory);
        int order = 0;
        for (VirtualCard card : cards) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(ALIAS, card.authKey(), KEY_STORE_PASSWORD.toCharArray(),
                        new Certificate[] {card.authCertificate(), card.authCaCertificate()});
                try (var out = Files.newOutputStream(directory.resolve(card.name() + ".p12"))) {
                    store.store(out, KEY_STORE_PASSWORD.toCharArray());
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write the card profile " + card.name() + ": " + e.getMessage(), e);
            }
            Properties p = new Properties();
            p.setProperty("pin", card.pin());
            p.setProperty("description", card.description());
            p.setProperty("order", Integer.toString(order++));
            try (var writer = Files.newBufferedWriter(directory.resolve(card.name() + ".properties"), StandardCharsets.UTF_8)) {
                p.store(writer, "virtual My Number Card '" + card.name() + "' (test material)");
            }
        }
    }

    private record Ordered(int order, VirtualCard card) {}

    private static Ordered read(Path propertiesFile) throws IOException {
        String name = propertiesFile.getFileName().toString().replaceFirst("\\.properties$", "");
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Path keyFile = propertiesFile.resolveSibling(name + ".p12");
        try (InputStream in = Files.newInputStream(keyFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KEY_STORE_PASSWORD.toCharArray());
            Certificate[] chain = store.getCertificateChain(ALIAS);
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, KEY_STORE_PASSWORD.toCharArray());
            if (key == null || chain == null || chain.length < 2) {
                throw new IOException(keyFile + " holds no key '" + ALIAS + "' with its certificate and CA");
            }
            int order;
            try {
                order = Integer.parseInt(p.getProperty("order", "1000").trim());
            } catch (NumberFormatException e) {
                order = 1000;
            }
            return new Ordered(order, new VirtualCard(name, p.getProperty("description", ""), p.getProperty("pin", ""),
                    key, (X509Certificate) chain[0], (X509Certificate) chain[1]));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the card profile " + keyFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "VirtualCard[" + name + "]";
    }
}
