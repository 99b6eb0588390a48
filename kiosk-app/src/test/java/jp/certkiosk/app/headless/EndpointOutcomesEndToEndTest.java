package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.sim.endpoint.IssuanceDesk.Misissuance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's production code (flow, engine, card protocol on virtual cards, jersey client with
 * mutual TLS, signature check, journal, file printer) against the simulator over real HTTPS, with
 * OCSP and the municipalities' hours at a shared clock: each refusal reaches the resident as its
 * own outcome with its own message, and a validly signed document bound elsewhere is never printed.
 */
class EndpointOutcomesEndToEndTest {
    /** Wednesday 2026-06-10 10:00 JST. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-06-10T01:00:00Z");

    @TempDir static Path dir;
    static MovableClock clock;
    static SimulatedEnvironment demo;
    static HeadlessRunner runner;

    @BeforeAll
    static void start() throws IOException {
        clock = new MovableClock(WEDNESDAY_MORNING);
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), clock, true);
        runner = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void morning() {
        clock.set(WEDNESDAY_MORNING);
    }

    static Report.TransactionReport play(String card, DocumentType document) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return runner.run(new Scenario(List.of(new Scenario.Step(card, List.of(pin), document, 1)))).transactions().get(0);
    }

    @Test
    void everyAuthenticationOutcomeReachesTheResidentWithItsOwnMessage() {
        assertEquals("REFUSED_CERTIFICATE_SUSPENDED", play("suspended", DocumentType.RESIDENT_RECORD_COPY).outcome());
        assertEquals("REFUSED_CERTIFICATE_REVOKED", play("revoked", DocumentType.RESIDENT_RECORD_COPY).outcome());
        assertEquals("REFUSED_CERTIFICATE_EXPIRED", play("expired", DocumentType.RESIDENT_RECORD_COPY).outcome());
        assertEquals("REFUSED_CERTIFICATE_NOT_YET_VALID", play("not-yet-valid", DocumentType.RESIDENT_RECORD_COPY).outcome());
        assertEquals("REFUSED_CERTIFICATE_UNTRUSTED", play("unknown-issuer", DocumentType.RESIDENT_RECORD_COPY).outcome());
        Report.TransactionReport suspended = play("suspended", DocumentType.RESIDENT_RECORD_COPY);
        assertTrue(suspended.journal().contains("REFUSED CERTIFICATE_SUSPENDED"), suspended.journal().toString());
        assertNull(suspended.outputFile());

        ResourceBundle en = ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", Locale.ENGLISH);
        ResourceBundle ja = ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", Locale.JAPANESE);
        for (String number : List.of("0120-95-0178", "0570-783-578", "050-3818-1250")) {
            assertTrue(en.getString("outcome.REFUSED_CERTIFICATE_SUSPENDED").contains(number), number);
            assertTrue(ja.getString("outcome.REFUSED_CERTIFICATE_SUSPENDED").contains(number), number);
        }
        assertTrue(en.getString("outcome.REFUSED_CERTIFICATE_EXPIRED").contains("renewed"));
        assertTrue(ja.getString("outcome.REFUSED_CERTIFICATE_EXPIRED").contains("更新"));
    }

    @Test
    void everyErrorCodeHasAnEnglishAndAJapaneseMessage() {
        for (String language : List.of("en", "ja")) {
            ResourceBundle bundle = ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", Locale.forLanguageTag(language));
            for (ErrorCode code : ErrorCode.values()) {
                String key = "outcome." + new Outcome.Refused(code).code();
                assertTrue(bundle.containsKey(key), language + " lacks " + key);
                if (language.equals("ja")) {
                    assertFalse(bundle.getString(key).chars().allMatch(c -> c < 128), "ja text for " + key);
                }
            }
        }
    }

    @Test
    void residentsTheKioskSendsToTheCounter() {
        for (String card : List.of("moved-out", "deceased", "restricted", "pending-name")) {
            Report.TransactionReport result = play(card, DocumentType.RESIDENT_RECORD_COPY);
            assertEquals("REFUSED_RESIDENT_REFUSED", result.outcome(), card);
            assertNull(result.issuanceId(), card);
        }
        assertEquals("REFUSED_RESIDENT_NOT_FOUND", play("unregistered", DocumentType.RESIDENT_RECORD_COPY).outcome());
        assertEquals("REFUSED_DOCUMENT_REFUSED", play("foreign", DocumentType.SEAL_REGISTRATION).outcome(),
                "no seal registered: this document is refused, the resident is not");
    }

    @Test
    void theMunicipalitysHoursAndYearEndClosure() {
        clock.set(Instant.parse("2026-06-10T14:30:00Z")); // 23:30 JST
        assertEquals("REFUSED_MUNICIPALITY_CLOSED", play("adult", DocumentType.RESIDENT_RECORD_COPY).outcome());
        clock.set(Instant.parse("2026-12-31T01:00:00Z")); // Dec 31, 10:00 JST
        assertEquals("REFUSED_MUNICIPALITY_CLOSED", play("adult", DocumentType.RESIDENT_RECORD_COPY).outcome());
        clock.set(Instant.parse("2026-06-09T21:30:00Z")); // 06:30 JST
        assertEquals("ISSUED", play("adult", DocumentType.RESIDENT_RECORD_COPY).outcome());
    }

    @Test
    void theServiceClosingWhileTheResidentChoosesPrintsNothing() {
        clock.set(Instant.parse("2026-06-10T13:58:00Z")); // 22:58 JST
        String tx = "tx-closing";
        demo.slot().insert("adult");
        demo.engine().dispatch(new FlowEvent.CardInserted(tx));
        FlowState state = demo.engine().dispatch(new FlowEvent.PinEntered(
                Pin.typed(demo.simulator().card("adult").orElseThrow().pin().toCharArray())));
        assertInstanceOf(FlowState.ChoosingDocument.class, state);
        clock.set(Instant.parse("2026-06-10T14:01:00Z")); // 23:01 JST
        state = demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));
        assertEquals(new Outcome.Refused(ErrorCode.MUNICIPALITY_CLOSED), ((FlowState.TakeCard) state).outcome());
        demo.slot().remove();
        demo.engine().dispatch(new FlowEvent.CardRemoved());
        assertTrue(demo.journal().entries().stream().filter(e -> e.transactionId().equals(tx))
                .noneMatch(e -> e.stage() == JournalStage.RESERVED || e.stage() == JournalStage.PRINTED));
    }

    @Test
    void theResidentsChoiceOfMembersAndItemsReachesThePrintedCopy() throws IOException {
        String tx = "tx-selected";
        demo.slot().insert("adult");
        try {
            demo.engine().dispatch(new FlowEvent.CardInserted(tx));
            FlowState state = demo.engine().dispatch(new FlowEvent.PinEntered(
                    Pin.typed(demo.simulator().card("adult").orElseThrow().pin().toCharArray())));
            var menu = ((FlowState.ChoosingDocument) state).session().menu();
            String spouse = menu.householdMembers().stream().filter(m -> m.displayName().equals("山田 花子"))
                    .findFirst().orElseThrow().memberRef();
            state = demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1,
                    jp.certkiosk.api.IssuanceOptions.selected(List.of(spouse),
                            java.util.Set.of(jp.certkiosk.api.IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP))));
            FlowState.Paying paying = (FlowState.Paying) state;
            state = demo.engine().dispatch(new FlowEvent.CashInserted(paying.dueYen()));
            Outcome outcome = ((FlowState.TakeCard) state).outcome();
            Outcome.Issued issued = assertInstanceOf(Outcome.Issued.class, outcome);
            String text = HeadlessRunnerTest.text(Path.of(issued.location())).replaceAll("[ 　]", "");
            assertTrue(text.contains("山田花子"), text);
            assertFalse(text.contains("山田一郎"), "a member not chosen is not on the copy");
        } finally {
            demo.slot().remove();
            demo.engine().dispatch(new FlowEvent.CardRemoved());
        }
    }

    @Test
    void familyRegisterDocumentsOnlyOnWeekdaysMenus() {
        assertTrue(menuOf("village").contains(DocumentType.FAMILY_REGISTER));
        clock.set(Instant.parse("2026-06-13T01:00:00Z")); // Saturday 10:00 JST
        List<DocumentType> saturday = menuOf("village");
        assertFalse(saturday.contains(DocumentType.FAMILY_REGISTER), saturday.toString());
        assertTrue(saturday.contains(DocumentType.TAX_CERTIFICATE), saturday.toString());
    }

    private static List<DocumentType> menuOf(String card) {
        demo.slot().insert(card);
        try {
            demo.engine().dispatch(new FlowEvent.CardInserted("tx-menu-" + card + System.nanoTime()));
            FlowState state = demo.engine().dispatch(new FlowEvent.PinEntered(
                    Pin.typed(demo.simulator().card(card).orElseThrow().pin().toCharArray())));
            List<DocumentType> menu = ((FlowState.ChoosingDocument) state).session().menu().documents().stream()
                    .map(d -> d.type()).toList();
            demo.engine().dispatch(new FlowEvent.Cancelled());
            return menu;
        } finally {
            demo.slot().remove();
            demo.engine().dispatch(new FlowEvent.CardRemoved());
        }
    }

    @Test
    void aValidlySignedDocumentOfAnotherSessionIsNeverPrinted() throws IOException {
        assertEquals("ISSUED", play("spouse", DocumentType.RESIDENT_RECORD_COPY).outcome());
        long printedBefore = printedFiles();
        long feesBefore = demo.simulator().feesChargedYen();

        demo.simulator().misissueNext(Misissuance.ANOTHER_SESSIONS_DOCUMENT);
        Report.TransactionReport result = play("single", DocumentType.RESIDENT_RECORD_COPY);

        assertEquals("DOCUMENT_NOT_BOUND", result.outcome());
        assertNull(result.outputFile());
        assertEquals(printedBefore, printedFiles(), "nothing was printed");
        assertTrue(result.journal().contains("BINDING_REFUSED FAILED bound to another session"), result.journal().toString());
        assertFalse(result.journal().stream().anyMatch(line -> line.startsWith("PRINTED")), result.journal().toString());
        assertEquals(feesBefore, demo.simulator().feesChargedYen(), "no fee");
    }

    @Test
    void aValidlySignedDocumentBoundToAnotherCardIsNeverPrintedAndReportedFailed() throws IOException {
        long printedBefore = printedFiles();
        long feesBefore = demo.simulator().feesChargedYen();

        demo.simulator().misissueNext(Misissuance.ANOTHER_CARDS_BINDING);
        Report.TransactionReport result = play("adult", DocumentType.RESIDENT_RECORD_COPY);

        assertEquals("DOCUMENT_NOT_BOUND", result.outcome());
        assertEquals(printedBefore, printedFiles(), "nothing was printed");
        assertTrue(result.journal().contains("BINDING_REFUSED FAILED bound to another card"), result.journal().toString());
        assertTrue(result.journal().contains("CONFIRMED FAILED DOCUMENT_NOT_BOUND"), result.journal().toString());
        var endpoint = new jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint(demo.config().endpoint());
        try (endpoint) {
            IssuanceState state = ((jp.certkiosk.app.endpoint.EndpointResult.Ok<IssuanceState>)
                    endpoint.state(result.issuanceId())).value();
            assertEquals(IssuanceState.Status.FAILED, state.status(), "the endpoint was told");
            assertTrue(state.failureReason().contains("bound to another card"), state.failureReason());
            assertEquals(0, state.feeChargedYen());
        }
        assertEquals(feesBefore, demo.simulator().feesChargedYen());
        assertEquals("ISSUED", play("adult", DocumentType.RESIDENT_RECORD_COPY).outcome(), "the next one is fine");
    }

    private static long printedFiles() throws IOException {
        Path out = dir.resolve("out");
        if (!Files.exists(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.count();
        }
    }
}
