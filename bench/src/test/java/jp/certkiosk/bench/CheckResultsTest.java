package jp.certkiosk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckResultsTest {
    @TempDir Path dir;

    private Path write(List<Figure> figures, List<String> errors) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", "quick");
        results.put("machine", Map.of("cores", 2, "loadAverageBefore", "1.00 1.00 1.00"));
        results.put("figures", figures);
        results.put("errors", errors);
        Path file = dir.resolve("results.json");
        new ObjectMapper().writeValue(file.toFile(), results);
        return file;
    }

    private static List<Figure> everyFigure() {
        List<Figure> figures = new ArrayList<>();
        for (String key : BenchMain.FIGURES) {
            figures.add(Figure.measured(key, key, 1.0, "ms", "<= 1", true, "n"));
        }
        return figures;
    }

    @Test
    void aCompleteRunPasses() throws Exception {
        assertEquals(List.of(), CheckResults.problems(write(everyFigure(), List.of())));
    }

    @Test
    void aFigureNotMeasuredMustSayWhy() throws Exception {
        List<Figure> figures = everyFigure();
        figures.set(0, Figure.missing(BenchMain.FIGURES.get(0), "t", "ms", "<= 1", "needs a display"));
        assertEquals(List.of(), CheckResults.problems(write(figures, List.of())));
        figures.set(0, new Figure(BenchMain.FIGURES.get(0), "t", null, "ms", "<= 1", null, ""));
        assertEquals(List.of(BenchMain.FIGURES.get(0) + ": neither a value nor why not"),
                CheckResults.problems(write(figures, List.of())));
    }

    @Test
    void aMissingFigureOrAFailedSectionIsReported() throws Exception {
        List<Figure> figures = everyFigure();
        figures.remove(figures.size() - 1);
        List<String> problems = CheckResults.problems(write(figures, List.of("memory: the kiosk process ended")));
        assertTrue(problems.contains("figure " + BenchMain.FIGURES.get(BenchMain.FIGURES.size() - 1) + " missing"),
                problems.toString());
        assertTrue(problems.contains("the run failed: memory: the kiosk process ended"), problems.toString());
    }

    @Test
    void withoutTheRealStackEveryRealStackFigureSaysWhyNot() throws Exception {
        List<Figure> figures = everyFigure();
        figures.removeIf(f -> f.key().startsWith("real_"));
        List<Figure> notMeasured = BenchMain.realStackNotMeasured("ippeveprinter is not installed");
        figures.addAll(notMeasured);
        Path file = write(figures, List.of());

        assertEquals(List.of(), CheckResults.problems(file), "a machine without the stack passes, with the reason");
        assertTrue(notMeasured.stream().allMatch(f -> f.verdict().equals("not measured")
                && f.note().contains("ippeveprinter is not installed")), notMeasured.toString());
        // where the stack is installed (CI), not measuring it is a failure
        assertEquals(List.of("real_pin_to_job_p50_ms: must be measured here, not measured: ippeveprinter is not installed"),
                CheckResults.problems(file, java.util.Set.of("real_pin_to_job_p50_ms")));
    }

    @Test
    void noResultsFileIsAProblem() throws Exception {
        assertEquals(List.of("no results file at " + dir.resolve("none.json")),
                CheckResults.problems(dir.resolve("none.json")));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> sample = new ArrayList<>();
        for (long i = 1; i <= 200; i++) {
            sample.add(i);
        }
        assertEquals(100, Stats.percentile(sample, 50));
        assertEquals(198, Stats.percentile(sample, 99));
        assertEquals(200, Stats.percentile(sample, 100));
    }
}
