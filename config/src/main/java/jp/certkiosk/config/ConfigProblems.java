package jp.certkiosk.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration, so that one run tells an installer all of them. */
final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();
    private final java.util.Map<String, Integer> lines;

    ConfigProblems() {
        this(java.util.Map.of());
    }

    /** @param lines the line of the file that set each key: a problem with a key names it */
    ConfigProblems(java.util.Map<String, Integer> lines) {
        this.lines = lines;
    }

    void add(String key, String problem) {
        Integer at = lines.get(key);
        String line = key + " " + problem + (at == null ? "" : " (line " + at + ")");
        if (!problems.contains(line)) {
            problems.add(line);
        }
    }

    List<String> list() {
        return List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}
