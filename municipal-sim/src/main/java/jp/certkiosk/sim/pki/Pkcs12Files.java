package jp.certkiosk.sim.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the PKCS12 files of the test PKI. Files are written to a temporary name, then moved. */
final class Pkcs12Files {
    private final char[] password;

    Pkcs12Files(char[] password) {
        this.password = password.clone();
    }

    /** All key entries of a file, by alias; empty if the file does not exist. */
    Map<String, KeyEntry> readKeyEntries(Path file) {
        Map<String, KeyEntry> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            KeyStore store = load(file);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    entries.put(alias, new KeyEntry((PrivateKey) store.getKey(alias, password), chain));
                }
            }
            return entries;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key store " + file.getFileName(), e);
        }
    }

    void writeKeyEntries(Path file, Map<String, KeyEntry> entries) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, KeyEntry> entry : entries.entrySet()) {
                store.setKeyEntry(entry.getKey(), entry.getValue().key(), password,
                        entry.getValue().chain().toArray(new Certificate[0]));
            }
            write(file, store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write key store " + file.getFileName(), e);
        }
    }

    /** A trust store holding the given certificates as trusted entries. */
    void writeTrustedCertificates(Path file, Map<String, X509Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                store.setCertificateEntry(entry.getKey(), entry.getValue());
            }
            write(file, store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write trust store " + file.getFileName(), e);
        }
    }

    char[] password() {
        return password.clone();
    }

    private KeyStore load(Path file) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    private void write(Path file, KeyStore store) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
