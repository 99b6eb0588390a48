package jp.certkiosk.app.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.app.card.PcscCardSlot;
import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.config.EndpointConfig;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.config.PaymentConfig;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.config.ReaderConfig;
import jp.certkiosk.printer.PrinterStatus;

/**
 * {@code config check}: every problem of a configuration file at once, each with its key. Beyond
 * the file's own keys it opens what the file names: the key stores with their passwords, the
 * document-signing anchor, the virtual cards, the staff PIN hash. A reader or printer that cannot be
 * reached now is a warning, not an error: it may be switched off while the kiosk is installed.
 */
public final class ConfigCheck {
    /** Errors make the configuration unusable; warnings do not. */
    public record Result(List<String> errors, List<String> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private ConfigCheck() {}

    public static Result check(Path file) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isReadable(file)) {
            errors.add("(file) cannot read " + file);
            return new Result(errors, warnings);
        }
        KioskConfigLoader.Read read;
        try {
            read = KioskConfigLoader.read(file);
        } catch (IOException | IllegalArgumentException e) {
            errors.add("(file) is not a properties file: " + e.getMessage());
            return new Result(errors, warnings);
        } catch (jp.certkiosk.config.InvalidConfigException e) {
            errors.addAll(e.problems()); // not UTF-8 text, or an escape that cannot be read: its line
            return new Result(errors, warnings);
        }
        errors.addAll(read.problems());
        KioskConfig config = read.config();
        EndpointConfig endpoint = config.endpoint();
        keyStore(endpoint.keyStore(), endpoint.keyStorePassword(), "endpoint.keyStore", "endpoint.keyStorePasswordFile", errors);
        keyStore(endpoint.trustStore(), endpoint.trustStorePassword(), "endpoint.trustStore",
                "endpoint.trustStorePasswordFile", errors);
        if (endpoint.documentSigningAnchor() != null) {
            if (!Files.isReadable(endpoint.documentSigningAnchor())) {
                errors.add("endpoint.documentSigningAnchor cannot read " + endpoint.documentSigningAnchor());
            } else {
                try {
                    DocumentVerifier.readAnchor(endpoint.documentSigningAnchor());
                } catch (IllegalStateException e) {
                    errors.add("endpoint.documentSigningAnchor is not an X.509 certificate (DER or PEM): "
                            + endpoint.documentSigningAnchor());
                }
            }
        }
        if (config.reader() != null && config.reader().kind() == ReaderConfig.Kind.VIRTUAL
                && config.reader().virtualCards() != null) {
            try {
                VirtualCard.readAll(config.reader().virtualCards());
            } catch (IOException | RuntimeException e) {
                errors.add("reader.virtualCards " + e.getMessage());
            }
        } else if (config.reader() != null && config.reader().kind() == ReaderConfig.Kind.PCSC) {
            if (config.reader().firstReader()) {
                if (PcscCardSlot.firstReader().isEmpty()) {
                    warnings.add("reader.name (blank: the first reader) pcscd lists no reader now");
                }
            } else if (!PcscCardSlot.readers().contains(config.reader().name())) {
                warnings.add("reader.name pcscd does not list the reader '" + config.reader().name() + "' now");
            }
        }
        if (config.staffPinFile() != null) {
            try {
                StaffPin.load(config.staffPinFile(), Clock.systemUTC());
                if (!Files.readString(config.staffPinFile()).trim().matches("pbkdf2-sha256:\\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")) {
                    errors.add("staff.pinHashFile does not hold a staff PIN hash (./kiosk config staff-pin FILE writes one): "
                            + config.staffPinFile());
                }
            } catch (IOException | RuntimeException e) {
                errors.add("staff.pinHashFile cannot be read as a staff PIN hash: " + config.staffPinFile());
            }
        }
        Path journal = config.journalDirectory();
        if (journal != null && Files.exists(journal) && (!Files.isDirectory(journal) || !Files.isWritable(journal))) {
            errors.add("journal.directory is not a writable directory: " + journal);
        }
        PrinterConfig printer = config.printer();
        if (printer != null && printer.kind() == PrinterConfig.Kind.IPP && printer.uri() != null
                && config.kioskId() != null) {
            try {
                PrinterStatus status = KioskAssembly.printer(config).status();
                if (!status.ready()) {
                    warnings.add("printer.uri the printer is not ready now: " + status.reasons());
                }
            } catch (RuntimeException e) {
                warnings.add("printer.uri the printer does not answer now: " + e.getMessage());
            }
        } else if (printer != null && printer.kind() == PrinterConfig.Kind.FILE && printer.outputDirectory() != null
                && Files.exists(printer.outputDirectory()) && !Files.isWritable(printer.outputDirectory())) {
            errors.add("printer.outputDirectory is not writable: " + printer.outputDirectory());
        }
        PaymentConfig payment = config.payment();
        if (payment != null && payment.kind() == PaymentConfig.Kind.CCTALK && payment.ccTalk() != null
                && payment.ccTalk().port() != null) {
            // only looked at, never opened: a running kiosk holds the port, and a probe would disturb its bus
            Path port = Path.of(payment.ccTalk().port());
            if (!Files.exists(port)) {
                warnings.add("payment.port the serial port " + port + " does not exist now (acceptor unplugged?)");
            } else if (!Files.isReadable(port) || !Files.isWritable(port)) {
                warnings.add("payment.port this user may not open " + port + " (the kiosk's user needs group dialout)");
            }
        }
        return new Result(errors, warnings);
    }

    private static void keyStore(Path file, char[] password, String key, String passwordKey, List<String> errors) {
        if (file == null) {
            return;
        }
        if (!Files.isReadable(file)) {
            errors.add(key + " cannot read " + file);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore.getInstance("PKCS12").load(in, password);
        } catch (IOException e) {
            errors.add(e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")
                    ? passwordKey + " does not open " + key + " " + file
                    : key + " is not a PKCS12 key store: " + file + " (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            errors.add(key + " cannot be opened: " + file + " (" + e.getMessage() + ")");
        }
    }
}
