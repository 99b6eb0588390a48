package jp.certkiosk.app.headless;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import jp.certkiosk.api.ApiJson;

/** Scenario files in and report files out: errors name the line and the key, a report appears whole. */
public final class ScenarioFile {
    private ScenarioFile() {}

    /** A scenario file that cannot be read, with where and why. */
    public static final class Invalid extends Exception {
        Invalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Scenario read(Path file) throws Invalid {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Invalid("scenario " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), bytes);
    }

    /** Parses a scenario; {@code name} is what error messages call it. */
    public static Scenario parse(String name, byte[] bytes) throws Invalid {
        ObjectMapper json = ApiJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            Scenario scenario = json.readValue(bytes, Scenario.class);
            if (scenario == null) {
                throw new Invalid("scenario " + name + ": empty", null);
            }
            return scenario;
        } catch (JsonProcessingException e) {
            throw new Invalid("scenario " + name + ": " + where(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new Invalid("scenario " + name + ": " + e.getMessage(), e);
        }
    }

    /** "line 3, column 15, key transactions[0].copies" */
    static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        StringBuilder where = new StringBuilder();
        if (location != null && location.getLineNr() > 0) {
            where.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            where.append(where.length() > 0 ? ", " : "").append("key ").append(path);
        }
        return where.length() == 0 ? "unreadable" : where.toString();
    }

    /** Writes the report beside its place, then moves it there: a reader never sees half a report. */
    public static void writeReport(Path file, ObjectMapper json, Report report) {
        try {
            Path absolute = file.toAbsolutePath();
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
            Files.writeString(partial, json.writeValueAsString(report) + "\n");
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
