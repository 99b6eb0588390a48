package jp.certkiosk.printer.security;

import java.util.Objects;

/**
 * What the kiosk adds to every printed side: the issuance number and the kiosk id (printed), and
 * the issuance's print key (never printed: it scrambles the back).
 */
public record PrintMarks(String issuanceId, String kioskId, byte[] printKey) {
    public PrintMarks {
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(kioskId, "kioskId");
        if (printKey == null || printKey.length < 16) {
            throw new IllegalArgumentException("the issuance carries no usable print key");
        }
        printKey = printKey.clone();
    }

    @Override
    public byte[] printKey() {
        return printKey.clone();
    }

    @Override
    public String toString() {
        return "PrintMarks[" + issuanceId + ", " + kioskId + "]";
    }
}
