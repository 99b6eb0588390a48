package jp.certkiosk.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.headless.ScenarioFile;
import jp.certkiosk.app.payment.cctalk.CcTalkBus;
import jp.certkiosk.app.payment.cctalk.CcTalkFrame;
import jp.certkiosk.app.payment.cctalk.CreditBuffer;
import jp.certkiosk.app.payment.cctalk.SerialLine;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.ResponseApdu;
import jp.certkiosk.card.jpki.JpkiCard;
import jp.certkiosk.card.jpki.JpkiException;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.printer.security.MunicipalPdfCheck;
import jp.certkiosk.sim.pki.TestPki;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz targets for the parsers that read bytes from outside the kiosk: the card's answers, the
 * endpoint's JSON, the municipality's signed statement and PDF, scenario and configuration files.
 * Each may refuse its input with its own checked refusal; anything else thrown is a finding.
 *
 * <p>Under {@code mvn test} each target replays its corpus ({@code src/test/resources/.../ParserFuzzTestsInputs/<target>});
 * {@code scripts/fuzz.sh} fuzzes each target for a bounded number of executions ({@code JAZZER_FUZZ=1}) and
 * prints how many ran.
 */
class ParserFuzzTests {
    static final Map<String, AtomicLong> EXECUTIONS = new TreeMap<>();
    static final ObjectMapper JSON = ApiJson.newMapper();
    static final Instant NOW = Instant.parse("2026-06-10T01:00:00Z");
    private static DocumentVerifier verifier;
    private static Path scratch;

    static void count(String target) {
        synchronized (EXECUTIONS) {
            EXECUTIONS.computeIfAbsent(target, t -> new AtomicLong()).incrementAndGet();
        }
    }

    @AfterAll
    static void report() {
        synchronized (EXECUTIONS) {
            EXECUTIONS.forEach((target, n) -> System.out.println("fuzz target " + target + ": " + n.get() + " executions"));
        }
    }

    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void responseApdu(byte[] raw) {
        count("responseApdu");
        try {
            ResponseApdu response = ResponseApdu.decode(raw);
            response.sw1();
            response.isSuccess();
        } catch (IllegalArgumentException expected) {
            // fewer than two bytes: refused
        }
    }

    /** The JPKI reads against a card that answers whatever the fuzzer says. */
    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void jpkiReads(FuzzedDataProvider data) {
        count("jpkiReads");
        JpkiCard card = new JpkiCard(command -> {
            byte[] raw = data.consumeBytes(data.consumeInt(0, 300));
            if (raw.length < 2) {
                throw new CardIoException("malformed response");
            }
            return ResponseApdu.decode(raw);
        });
        try {
            card.selectAp();
            card.authCertificate();
            card.authPinTriesLeft();
            char[] pin = {'1', '2', '3', '4'};
            card.verifyAuthPin(pin);
            card.signWithAuthKey(new byte[51]);
        } catch (JpkiException | CardIoException expected) {
            // a card answering nonsense is refused with the step that failed
        }
    }

    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void endpointJson(FuzzedDataProvider data) {
        count("endpointJson");
        Class<?> type = data.pickValue(List.of(Issuance.class, Session.class, IssuanceState.class, ApiError.class,
                Challenge.class));
        try {
            JSON.readValue(data.consumeRemainingAsBytes(), type);
        } catch (IOException expected) {
            // garbage from the endpoint: the client reports it unavailable
        }
    }

    /**
     * Whatever comes down the coin acceptor's serial line: decoded as a frame, and read by the bus as
     * the reply to "read buffered credit" (local echo off), down to the credit events it reports.
     */
    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void ccTalkFrames(byte[] raw) {
        count("ccTalkFrames");
        try {
            CcTalkFrame.decode(raw);
        } catch (CcTalkFrame.Malformed expected) {
            // not a frame: the bus reports no answer
        }
        CcTalkBus bus = new CcTalkBus(new SerialLine() {
            private int at;

            @Override
            public String name() {
                return "fuzz";
            }

            @Override
            public void write(byte[] bytes) {}

            @Override
            public int read(byte[] into, int length, java.time.Duration timeout) {
                int n = Math.min(length, raw.length - at);
                System.arraycopy(raw, at, into, 0, n);
                at += n;
                return n;
            }

            @Override
            public void discardInput() {}

            @Override
            public void close() {}
        }, java.time.Duration.ofMillis(1), false);
        if (bus.send(2, 229) instanceof CcTalkBus.Reply.Ack ack && ack.data().length == 11) {
            CreditBuffer.parse(ack.data()).since(raw.length % 256);
        }
    }

    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void documentStatement(byte[] signedContent) {
        count("documentStatement");
        try {
            DocumentStatement.decode(signedContent);
        } catch (IllegalArgumentException expected) {
            // not a statement
        }
    }

    /** Whatever the CMS bytes, the verifier answers Verified or Rejected, never throws. */
    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void documentVerifier(byte[] signedStatement) {
        count("documentVerifier");
        verifier().verify(new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200,
                new DocumentBinding("i-1", "s-1", "aa"), new byte[] {1}, signedStatement, new byte[32]));
    }

    /** Whatever the bytes, the PDF check lists problems, never throws. */
    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void municipalPdfCheck(byte[] pdf) {
        count("municipalPdfCheck");
        MunicipalPdfCheck.problems(pdf);
    }

    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void scenarioFile(byte[] file) {
        count("scenarioFile");
        try {
            ScenarioFile.parse("fuzzed.json", file);
        } catch (ScenarioFile.Invalid expected) {
            // named line and key
        }
    }

    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void configurationFile(byte[] file) throws IOException {
        count("configurationFile");
        Path path = scratch().resolve("kiosk.properties");
        Files.write(path, file);
        try {
            KioskConfigLoader.load(path);
        } catch (jp.certkiosk.config.InvalidConfigException expected) {
            // the loader names the keys that are wrong, and the line of a byte that is not UTF-8
        }
    }

    private static synchronized DocumentVerifier verifier() {
        if (verifier == null) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            TestPki pki = TestPki.openOrCreate(scratch().resolve("pki"), clock, List.of());
            verifier = new DocumentVerifier(DocumentVerifier.readAnchor(pki.documentSigningAnchor()), "kiosk-1", clock);
        }
        return verifier;
    }

    private static synchronized Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("certkiosk-fuzz");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return scratch;
    }
}
