package jp.certkiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short soak with one of the two simulator instances killed in the middle: every transaction
 * still ends in a defined outcome, no document is misissued, no fee is kept without a PRINTED
 * confirmation, and the kiosks go on issuing through the surviving instance.
 */
class SoakTest {
    @TempDir
    Path dataDir;

    @Test
    void killingAnInstanceMidSoakMisissuesNothingAndTheOthersGoOn() throws Exception {
        int documents = 24;
        int killAfter = 8;
        Soak.Summary summary = Soak.run(Soak.Options.of(dataDir, 2, 2, documents).killingAfter(killAfter), System.out);
        summary.print(System.out);
        assertEquals(java.util.List.of(), summary.runnerFailures(), "every transaction ended in a defined outcome");
        assertEquals(java.util.List.of(), summary.audit().mismatches(), "nothing misissued, every fee accounted for");
        assertTrue(summary.audit().issued() >= documents, "the kiosks went on after the kill: " + summary.outcomes());
        assertEquals(0, summary.audit().stillReserved(), "no reservation left open");
        assertEquals(summary.audit().issued(), summary.audit().printedInLedger());
    }
}
