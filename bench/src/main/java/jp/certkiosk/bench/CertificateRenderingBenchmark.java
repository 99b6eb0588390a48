package jp.certkiosk.bench;

import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The simulator's certificate rendering as eight kiosks ask for it at once: one shared writer (as
 * the simulator has), eight threads each rendering a copy of a resident record. With one font set
 * the writer draws one document at a time, as the synchronized writer did; with one set a
 * processor, as the simulator's writer now does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class CertificateRenderingBenchmark {
    /** Font sets of the writer: 1 (one document at a time), or 0 for one a processor (the simulator's). */
    @Param({"1", "0"})
    public int fontSets;

    private CertificatePdfWriter writer;
    private ResidentRecordDocument document;
    private Household household;

    @Setup
    public void setUp() {
        Path[] fonts = {CertificatePdfWriter.IPAEX_MINCHO, CertificatePdfWriter.IPAMJ_MINCHO};
        writer = fontSets == 0 ? new CertificatePdfWriter(fonts) : new CertificatePdfWriter(fontSets, fonts);
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
