package jp.certkiosk.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.printer.security.AntiForgeryComposer;
import jp.certkiosk.printer.security.MunicipalPdfCheck;
import jp.certkiosk.printer.security.PrintMarks;
import jp.certkiosk.sim.document.CertificatePdfWriter;
import jp.certkiosk.sim.document.ResidentRecordDocument;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.SeedData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kiosk's work on the municipality's PDF, warm: the anti-forgery composition alone, and the
 * print path (check, then compose) with two parses of the PDF, as it was, and with one, as it is. The input is the simulator's one-page
 * copy of a household's resident record, as a kiosk receives it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ComposeBenchmark {
    /** Pages of the municipality's PDF the benchmark composes. */
    public static final int PAGES = 1;

    private byte[] municipal;
    private AntiForgeryComposer composer;
    private PrintMarks marks;

    /**
     * The system property naming the municipality's PDF to compose, written by the bench before
     * the fork: the fork runs with the kiosk's heap bound, too small for the simulator's fonts.
     */
    public static final String INPUT = "bench.compose.input";

    @Setup
    public void setUp() throws Exception {
        String input = System.getProperty(INPUT);
        municipal = input == null ? municipalPdf() : java.nio.file.Files.readAllBytes(java.nio.file.Path.of(input));
        composer = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO);
        marks = new PrintMarks("ISS-BENCH-0001", "kiosk-bench",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    }

    /** A copy of the Yamada household's resident record, as the simulator renders it. */
    public static byte[] municipalPdf() throws Exception {
        try (CertificatePdfWriter writer = CertificatePdfWriter.standard()) {
            Household household = SeedData.HOUSEHOLDS.get(0);
            return new ResidentRecordDocument(writer).render(SeedData.MUNICIPALITIES.get(0), household,
                    household.members(), "ISS-BENCH-0001", LocalDate.of(2026, 12, 1));
        }
    }

    @Benchmark
    public byte[] compose() throws Exception {
        return composer.compose(municipal, marks);
    }

    /** The print path as the engine ran it before: check and compose each parse the PDF. */
    @Benchmark
    public byte[] checkThenCompose() throws Exception {
        List<String> problems = MunicipalPdfCheck.problems(municipal);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return composer.compose(municipal, marks);
    }

    /** The print path as the engine runs it: one parse, checked, then composed. */
    @Benchmark
    public Object checkAndCompose() throws Exception {
        AntiForgeryComposer.Composition composed = composer.checkAndCompose(municipal, marks);
        if (composed instanceof AntiForgeryComposer.Composition.Refused refused) {
            throw new IllegalStateException(refused.problems().toString());
        }
        return composed;
    }
}
