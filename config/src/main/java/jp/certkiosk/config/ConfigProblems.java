package jp.certkiosk.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration, so that one run tells an installer all of them. */
final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    void add(String key, String problem) {
        String line = key + " " + problem;
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
