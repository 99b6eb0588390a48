package jp.certkiosk.config;

import java.nio.file.Path;

/** Where documents go. Only the file printer exists so far; IPP printers come with their own kind. */
public record PrinterConfig(Kind kind, Path outputDirectory) {
    public enum Kind { FILE }
}
