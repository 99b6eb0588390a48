package jp.certkiosk.printer;

import java.util.regex.Pattern;

/**
 * One document to print: a name that identifies it (the issuance id, never personal data) and
 * the PDF to put on paper.
 */
public record PrintJob(String name, byte[] pdf) {
    /** Issuance ids are base64url, so they may start with '_' or '-'; never with '.', never with a '/'. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    public PrintJob {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("print job name must be 1-100 letters, digits, '.', '_' or '-', "
                    + "not starting with '.'");
        }
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("print job " + name + " has no document");
        }
    }
}
