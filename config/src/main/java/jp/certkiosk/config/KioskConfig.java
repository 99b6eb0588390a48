package jp.certkiosk.config;

import java.nio.file.Path;

/**
 * The whole configuration of one kiosk. Build it with {@link KioskConfigLoader} from a file, or
 * directly in code (the demo does), then {@link #validate()} it before use.
 */
public record KioskConfig(String kioskId, Profile profile, EndpointConfig endpoint,
                          PrinterConfig printer, Path journalDirectory) {

    /** Checks the facts that would otherwise fail later, at a resident's expense. */
    public KioskConfig validate() {
        ConfigProblems problems = new ConfigProblems();
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
            if (endpoint.keyStore() == null) {
                problems.add("endpoint.keyStore", "is required for mutual TLS");
            }
            if (endpoint.trustStore() == null) {
                problems.add("endpoint.trustStore", "is required to check the endpoint");
            }
            if (endpoint.documentSigningAnchor() == null) {
                problems.add("endpoint.documentSigningAnchor", "is required to verify documents before printing");
            }
            if (endpoint.connectTimeout() == null || endpoint.connectTimeout().isNegative() || endpoint.connectTimeout().isZero()) {
                problems.add("endpoint.connectTimeout", "must be positive");
            }
            if (endpoint.readTimeout() == null || endpoint.readTimeout().isNegative() || endpoint.readTimeout().isZero()) {
                problems.add("endpoint.readTimeout", "must be positive");
            }
        }
        if (printer == null || printer.kind() == null) {
            problems.add("printer.kind", "must be FILE or IPP");
        } else if (printer.kind() == PrinterConfig.Kind.FILE && printer.outputDirectory() == null) {
            problems.add("printer.outputDirectory", "is required for a FILE printer");
        } else if (printer.kind() == PrinterConfig.Kind.IPP && (printer.uri() == null
                || !java.util.Set.of("ipp", "ipps", "http", "https").contains(String.valueOf(printer.uri().getScheme())))) {
            problems.add("printer.uri", "must be an ipp:// or ipps:// URI for an IPP printer");
        }
        if (journalDirectory == null) {
            problems.add("journal.directory", "is required");
        }
        problems.throwIfAny();
        return this;
    }
}
