package jp.certkiosk.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole configuration of one kiosk. Build it with {@link KioskConfigLoader} from a file (every
 * entry point does), then {@link #validate()} it before use.
 *
 * @param staffPinFile the salted hash of the staff PIN; required in production (there is no built-in PIN)
 */
public record KioskConfig(String kioskId, Profile profile, EndpointConfig endpoint, PrinterConfig printer,
                          Path journalDirectory, ReaderConfig reader, PaymentConfig payment, Path staffPinFile,
                          ScreenConfig screen) {

    /** A kiosk on the first PC/SC reader, the simulated acceptor, default screen and no staff PIN (tests). */
    public KioskConfig(String kioskId, Profile profile, EndpointConfig endpoint, PrinterConfig printer,
                       Path journalDirectory) {
        this(kioskId, profile, endpoint, printer, journalDirectory, ReaderConfig.firstPcscReader(),
                PaymentConfig.simulated(), null, ScreenConfig.defaults());
    }

    /** Checks the facts that would otherwise fail later, at a resident's expense; lists every problem with its key. */
    public KioskConfig validate() {
        ConfigProblems problems = new ConfigProblems();
        check(problems);
        problems.throwIfAny();
        return this;
    }

    void check(ConfigProblems problems) {
        boolean production = profile == Profile.PRODUCTION;
        if (kioskId == null || !kioskId.matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}")) {
            problems.add("kiosk.id", "must be 1-64 letters, digits or '-'");
        }
        if (profile == null) {
            problems.add("kiosk.profile", "must be DEMO or PRODUCTION");
        }
        if (endpoint == null || endpoint.baseUri() == null) {
            problems.add("endpoint.uri", "is required");
        } else {
            String scheme = endpoint.baseUri().getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && profile == Profile.DEMO)) {
                problems.add("endpoint.uri", "must be https:// (plain http is allowed only in the DEMO profile)");
            }
        }
        if (endpoint != null) {
            if (endpoint.keyStore() == null) {
                problems.add("endpoint.keyStore", "is required for mutual TLS");
            }
            if (endpoint.trustStore() == null) {
                problems.add("endpoint.trustStore", "is required to check the endpoint");
            }
            if (endpoint.documentSigningAnchor() == null) {
                problems.add("endpoint.documentSigningAnchor", "is required to verify documents before printing");
            }
            if (!positive(endpoint.connectTimeout())) {
                problems.add("endpoint.connectTimeout", "must be positive");
            }
            if (!positive(endpoint.readTimeout())) {
                problems.add("endpoint.readTimeout", "must be positive");
            }
        }
        if (reader == null || reader.kind() == null) {
            problems.add("reader.kind", "must be PCSC or VIRTUAL");
        } else if (reader.kind() == ReaderConfig.Kind.VIRTUAL) {
            if (production) {
                problems.add("reader.kind", "VIRTUAL (simulated cards) is refused in the PRODUCTION profile");
            }
            if (reader.virtualCards() == null) {
                problems.add("reader.virtualCards", "is required for the VIRTUAL reader");
            }
        }
        if (printer == null || printer.kind() == null) {
            problems.add("printer.kind", "must be FILE or IPP");
        } else if (printer.kind() == PrinterConfig.Kind.FILE) {
            if (production) {
                problems.add("printer.kind", "FILE (no paper) is refused in the PRODUCTION profile");
            }
            if (printer.outputDirectory() == null) {
                problems.add("printer.outputDirectory", "is required for a FILE printer");
            }
        } else if (printer.kind() == PrinterConfig.Kind.IPP && (printer.uri() == null
                || !java.util.Set.of("ipp", "ipps", "http", "https").contains(String.valueOf(printer.uri().getScheme())))) {
            problems.add("printer.uri", "must be an ipp:// or ipps:// URI for an IPP printer");
        }
        if (payment == null || payment.kind() == null) {
            problems.add("payment.kind", "must be SIMULATED or CCTALK");
        } else if (payment.kind() == PaymentConfig.Kind.CCTALK) {
            checkCcTalk(payment.ccTalk(), problems);
        } else if (payment.kind() == PaymentConfig.Kind.SIMULATED) {
            if (production) {
                problems.add("payment.kind", "SIMULATED is refused in the PRODUCTION profile");
            }
            if (payment.simulatedHopperYen() < 0) {
                problems.add("payment.simulatedHopperYen", "must not be negative");
            }
        }
        if (staffPinFile == null && production) {
            problems.add("staff.pinHashFile", "is required in the PRODUCTION profile (there is no built-in staff PIN)");
        }
        if (journalDirectory == null) {
            problems.add("journal.directory", "is required");
        }
        if (screen == null) {
            problems.add("screen.orientation", "the screen settings are missing");
        } else {
            if (screen.orientation() == null) {
                problems.add("screen.orientation", "must be AUTO, PORTRAIT or LANDSCAPE");
            }
            if (screen.languages() == null || screen.languages().isEmpty()) {
                problems.add("screen.languages", "must name at least one of " + ScreenConfig.ALL_LANGUAGES);
            } else {
                for (String language : screen.languages()) {
                    if (!ScreenConfig.ALL_LANGUAGES.contains(language)) {
                        problems.add("screen.languages", "names '" + language + "', not one of " + ScreenConfig.ALL_LANGUAGES);
                    }
                }
            }
            if (!positive(screen.idleWarning())) {
                problems.add("screen.idleWarning", "must be positive");
            }
            if (!positive(screen.idleTimeout())) {
                problems.add("screen.idleTimeout", "must be positive");
            } else if (positive(screen.idleWarning()) && screen.idleTimeout().compareTo(screen.idleWarning()) <= 0) {
                problems.add("screen.idleTimeout", "must be longer than screen.idleWarning");
            }
        }
    }

    private static void checkCcTalk(PaymentConfig.CcTalk bus, ConfigProblems problems) {
        if (bus == null) {
            problems.add("payment.port", "is required for the CCTALK acceptor");
            return;
        }
        if (bus.port() == null || bus.port().isBlank()) {
            problems.add("payment.port", "is required for the CCTALK acceptor (the serial device, e.g. /dev/ttyUSB0)");
        }
        if (!deviceAddress(bus.selectorAddress())) {
            problems.add("payment.selectorAddress", "must be a ccTalk device address 2-255 (1 is the kiosk), not "
                    + bus.selectorAddress());
        }
        if (bus.coins().isEmpty()) {
            problems.add("payment.coins", "must name at least one coin id with its yen, such as 1:10,2:50,3:100,4:500");
        }
        new java.util.TreeMap<>(bus.coins()).forEach((id, yen) -> {
            if (id < 1 || id > 16) {
                problems.add("payment.coins", "names coin id " + id + "; a selector's coin ids are 1-16");
            }
            if (!PaymentConfig.COIN_YEN.contains(yen)) {
                problems.add("payment.coins", "gives coin " + id + " " + yen + " yen, not one of " + PaymentConfig.COIN_YEN);
            }
        });
        if (bus.hoppers().isEmpty()) {
            problems.add("payment.hoppers", "must name at least one payout hopper, such as 3:100,4:10 (address:yen)");
        }
        new java.util.TreeMap<>(bus.hoppers()).forEach((address, yen) -> {
            if (!deviceAddress(address)) {
                problems.add("payment.hoppers", "names address " + address + "; ccTalk device addresses are 2-255");
            } else if (address == bus.selectorAddress()) {
                problems.add("payment.hoppers", "names address " + address + ", the coin selector's (payment.selectorAddress)");
            }
            if (!PaymentConfig.COIN_YEN.contains(yen)) {
                problems.add("payment.hoppers", "gives hopper " + address + " " + yen + " yen coins, not one of "
                        + PaymentConfig.COIN_YEN);
            }
        });
        if (!bus.hoppers().isEmpty() && !bus.hoppers().containsValue(10)) {
            problems.add("payment.hoppers", "must include a hopper of 10 yen coins: fees and change are in tens of yen");
        }
        if (!positive(bus.pollInterval())) {
            problems.add("payment.pollInterval", "must be positive");
        } else if (bus.pollInterval().compareTo(Duration.ofSeconds(1)) >= 0) {
            problems.add("payment.pollInterval", "must be shorter than PT1S: selectors stop taking coins when not polled for a second");
        }
        if (!positive(bus.replyTimeout())) {
            problems.add("payment.replyTimeout", "must be positive");
        }
    }

    private static boolean deviceAddress(int address) {
        return address >= 2 && address <= 255;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
