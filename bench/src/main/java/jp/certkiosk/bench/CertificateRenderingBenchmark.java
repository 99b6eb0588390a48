package jp.certkiosk.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The simulator's certificate rendering as eight kiosks ask for it at once: one shared writer (as
 * the simulator has), eight threads each rendering a copy of a resident record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class CertificateRenderingBenchmark {
    private CertificatePdfWriter writer;
    private ResidentRecordDocument document;
    private Household household;

    @Setup
    public void setUp() {
        writer = CertificatePdfWriter.standard();
        document = new ResidentRecordDocument(writer);
        household = SeedData.HOUSEHOLDS.get(0);
    }

    @TearDown
    public void tearDown() {
        writer.close();
    }

    @Benchmark
    public byte[] renderResidentRecord() throws Exception {
        return document.render(SeedData.MUNICIPALITIES.get(0), household, household.members(), "ISS-BENCH-0001",
                LocalDate.of(2026, 12, 1));
    }
}
