package jp.certkiosk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What CI asks of a bench run: the results file is there, holds every figure, each with its
 * budget, and each either measured (a number) or saying why not. It never judges a time: the
 * machine CI runs on is not the machine the budgets are for.
 *
 * <pre>java -cp bench/target/bench.jar jp.certkiosk.bench.CheckResults [--measured KEY,...] target/bench/results.json</pre>
 *
 * <p>{@code --measured} names figures that must hold a number on this machine (CI has the real
 * PC/SC stack and ippeveprinter: there, "not measured" is a failure, not a reason).
 */
public final class CheckResults {
    private CheckResults() {}

    public static void main(String[] args) throws IOException {
        Set<String> measured = Set.of();
        Path file = Path.of("target/bench/results.json");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--measured") && i + 1 < args.length) {
                measured = Set.of(args[++i].split(","));
            } else {
                file = Path.of(args[i]);
            }
        }
        List<String> problems = problems(file, measured);
        if (problems.isEmpty()) {
            System.out.println("bench results: every figure present in " + file);
            return;
        }
        problems.forEach(p -> System.err.println("bench results: " + p));
        System.exit(1);
    }

    /** Everything missing or malformed in the results file; empty when it is complete. */
    public static List<String> problems(Path file) throws IOException {
        return problems(file, Set.of());
    }

    /** The same, and every figure of {@code measured} must hold a value. */
    public static List<String> problems(Path file, Set<String> measured) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add("no results file at " + file);
            return problems;
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (String field : List.of("mode", "machine", "figures")) {
            if (!root.hasNonNull(field)) {
                problems.add("no " + field);
            }
        }
        if (root.path("machine").path("loadAverageBefore").isMissingNode()) {
            problems.add("no load average");
        }
        Set<String> present = new HashSet<>();
        for (JsonNode figure : root.path("figures")) {
            String key = figure.path("key").asText();
            present.add(key);
            if (!figure.hasNonNull("budget")) {
                problems.add(key + ": no budget");
            }
            if (!figure.path("value").isNumber() && figure.path("note").asText("").isBlank()) {
                problems.add(key + ": neither a value nor why not");
            } else if (!figure.path("value").isNumber() && measured.contains(key)) {
                problems.add(key + ": must be measured here, " + figure.path("note").asText());
            }
        }
        for (String key : BenchMain.FIGURES) {
            if (!present.contains(key)) {
                problems.add("figure " + key + " missing");
            }
        }
        for (JsonNode error : root.path("errors")) {
            problems.add("the run failed: " + error.asText());
        }
        return problems;
    }
}
