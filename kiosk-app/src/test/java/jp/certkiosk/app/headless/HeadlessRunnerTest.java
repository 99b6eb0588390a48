package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole transactions through the real flow, card protocol, HTTPS endpoint, printer and journal. */
class HeadlessRunnerTest {
    @TempDir static Path dir;
    static SimulatedEnvironment demo;
    static HeadlessRunner runner;

    @BeforeAll
    static void start() throws IOException {
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemDefaultZone());
        runner = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String pin(String profile) {
        return demo.simulator().card(profile).orElseThrow().pin();
    }

    static Report.TransactionReport play(String card, List<String> pins, DocumentType document) {
        return runner.run(new Scenario(List.of(new Scenario.Step(card, pins, document, 1)))).transactions().get(0);
    }

    @Test
    void theReportGrowsAsEachTransactionEndsAndAStepThatCannotBePlayedEndsOnlyItself() {
        List<Integer> reported = new java.util.ArrayList<>();
        Report whole = runner.run(new Scenario(List.of(
                new Scenario.Step("adult", List.of(pin("adult")), DocumentType.RESIDENT_RECORD_COPY, 11),
                new Scenario.Step("nobody-has-this-card", List.of("1234"), DocumentType.RESIDENT_RECORD_COPY, 1),
                new Scenario.Step("adult", List.of(pin("adult")), DocumentType.RESIDENT_RECORD_COPY, 1))),
                soFar -> reported.add(soFar.transactions().size()));

        assertEquals(List.of(1, 2, 3), reported, "the report is handed on after every transaction");
        assertEquals("INVALID_STEP", whole.transactions().get(0).outcome());
        assertTrue(!whole.transactions().get(1).outcome().equals("ISSUED"), whole.transactions().get(1).toString());
        assertEquals("ISSUED", whole.transactions().get(2).outcome(), "the run goes on after the steps it could not play");
    }

    @Test
    void theRightPinIssuesTheResidentsOwnRecord() throws IOException {
        Report.TransactionReport result = play("adult", List.of(pin("adult")), DocumentType.RESIDENT_RECORD_COPY);

        assertEquals("ISSUED", result.outcome());
        assertNotNull(result.issuanceId());
        assertEquals(200, result.feeYen());
        assertEquals(200, result.paidYen());
        assertEquals(0, result.refundedYen());
        assertEquals(List.of(new Report.PinAttempt("ACCEPTED", null)), result.pinAttempts());
        Path pdf = Path.of(result.outputFile());
        assertTrue(pdf.startsWith(dir.resolve("out")), pdf.toString());
        String text = text(pdf);
        assertTrue(text.contains("住民票"), text);
        assertTrue(text.replaceAll("[ 　]", "").contains("山田太郎"), text);
        assertEquals(List.of("CARD_READ tries left 3", "AUTHENTICATED", "RESERVED 200 yen RESIDENT_RECORD_COPY x1",
                "CASH_TAKEN 100 yen", "CASH_TAKEN 100 yen", "PAID 200 yen inserted 200 yen", "PRINT_SENDING",
                "PRINT_SUBMITTED job 1", "PRINTED job 1 PRINTED", "CONFIRM_SENT PRINTED", "CONFIRMED PRINTED ISSUED",
                "CARD_TAKEN"), result.journal());
    }

    @Test
    void twoWrongPinsThenTheRightOneStillIssuesAndShowsTheTriesLeft() {
        String right = pin("spouse");
        Report.TransactionReport result = play("spouse", List.of(wrong(right, 1), wrong(right, 2), right),
                DocumentType.RESIDENT_RECORD_COPY);

        assertEquals("ISSUED", result.outcome());
        assertEquals(List.of(new Report.PinAttempt("WRONG", 2), new Report.PinAttempt("WRONG", 1),
                new Report.PinAttempt("ACCEPTED", null)), result.pinAttempts());
        assertEquals(3, result.verifyCommandsSent());
        assertEquals(3, demo.slot().triesLeft("spouse"), "a correct PIN resets the counter on the card");
    }

    @Test
    void threeWrongPinsBlockTheCardAndNoFurtherVerifyIsSent() {
        String right = pin("single");
        Report.TransactionReport blocked = play("single",
                List.of(wrong(right, 1), wrong(right, 2), wrong(right, 3), right), DocumentType.RESIDENT_RECORD_COPY);

        assertEquals("PIN_BLOCKED", blocked.outcome());
        assertEquals(List.of(new Report.PinAttempt("WRONG", 2), new Report.PinAttempt("WRONG", 1),
                new Report.PinAttempt("BLOCKED", 0)), blocked.pinAttempts());
        assertEquals(3, blocked.verifyCommandsSent(), "the fourth PIN must never reach the card");
        assertNull(blocked.issuanceId());
        assertEquals(0, demo.slot().triesLeft("single"));

        Report.TransactionReport again = play("single", List.of(right), DocumentType.RESIDENT_RECORD_COPY);
        assertEquals("PIN_BLOCKED", again.outcome(), "the block lives on the card, across sessions");
        assertEquals(0, again.verifyCommandsSent());
        assertEquals(List.of(), again.pinAttempts());
    }

    @Test
    void cardsThatCannotBeUsedEndWithTheirOwnOutcome() {
        assertEquals("NOT_MY_NUMBER_CARD", play(VirtualCardSlot.NOT_MY_NUMBER_CARD, List.of(), null).outcome());
        assertEquals("CARD_UNREADABLE", play(VirtualCardSlot.GARBAGE, List.of(), null).outcome());
        assertEquals("REFUSED_CERTIFICATE_EXPIRED", play("expired", List.of(pin("expired")), null).outcome());
        Report.TransactionReport untrusted = play("unknown-issuer", List.of(pin("unknown-issuer")),
                DocumentType.RESIDENT_RECORD_COPY);
        assertEquals("REFUSED_CERTIFICATE_UNTRUSTED", untrusted.outcome());
        assertNull(untrusted.outputFile());
    }

    @Test
    void cancellingAtTheMenuPrintsNothing() {
        Report.TransactionReport result = play("foreign", List.of(pin("foreign")), null);
        assertEquals("CANCELLED", result.outcome());
        assertNull(result.outputFile());
        List<JournalEntry> entries = demo.journal().entries().stream()
                .filter(e -> e.transactionId().equals(result.transactionId())).toList();
        assertTrue(entries.stream().noneMatch(e -> e.stage() == JournalStage.RESERVED || e.stage() == JournalStage.PRINTED));
    }

    @Test
    void aFailedPrintRefundsTheFeeAndJournalsTheRefund() throws IOException {
        Path out = dir.resolve("out");
        Path aside = dir.resolve("out-aside");
        Files.createDirectories(out);
        // the printer was ready when the fee was taken and breaks as the job is sent
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(true);
        demo.engine().onStateChange(state -> {
            if (state instanceof jp.certkiosk.app.flow.FlowState.Printing && armed.getAndSet(false)) {
                try {
                    Files.move(out, aside);
                    Files.writeString(out, "not a directory: the printer cannot write");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        int paidOutBefore = demo.payment().paidOutYen();
        try {
            Report.TransactionReport result = play("adult", List.of(pin("adult")), DocumentType.RESIDENT_RECORD_COPY);
            assertEquals("PRINT_FAILED", result.outcome());
            assertEquals(200, result.paidYen());
            assertEquals(200, result.refundedYen());
            assertEquals(200, demo.payment().paidOutYen() - paidOutBefore);
            assertTrue(result.journal().contains("REFUNDED 200 yen"), result.journal().toString());
        } finally {
            armed.set(false);
            if (Files.exists(aside)) {
                Files.delete(out);
                Files.move(aside, out);
            }
        }
    }

    /** A PIN that differs from the right one, different for each n. */
    static String wrong(String right, int n) {
        char[] digits = right.toCharArray();
        digits[0] = (char) ('0' + (digits[0] - '0' + n) % 10);
        return new String(digits);
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(document);
        }
    }
}
