package jp.certkiosk.card.jpki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.testing.ScriptedTransport;
import jp.certkiosk.card.testing.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Asserts the exact bytes {@link JpkiCard} sends and how it reads the answers. */
class JpkiCardScriptedTest {

    private static final String SELECT_AP = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";
    private static final String SELECT_AUTH_CERT = "00 A4 02 0C 02 00 0A";
    private static final String SELECT_AUTH_PIN = "00 A4 02 0C 02 00 18";
    private static final String SELECT_AUTH_KEY = "00 A4 02 0C 02 00 17";
    private static final String TRIES_LEFT = "00 20 00 80";
    private static final String VERIFY_1234 = "00 20 00 80 04 31 32 33 34";

    private final ScriptedTransport script = new ScriptedTransport();
    private final JpkiCard card = new JpkiCard(script);

    // --- SELECT AP

    @Test
    void selectApSendsTheAid() throws Exception {
        script.expect(SELECT_AP, "90 00");
        card.selectAp();
        script.assertFinished();
    }

    @Test
    void selectApFileNotFoundMeansNotAMyNumberCard() {
        script.expect(SELECT_AP, "6A 82");
        NotJpkiCardException e = assertThrows(NotJpkiCardException.class, card::selectAp);
        assertEquals("SELECT JPKI AP", e.step());
        assertEquals(0x6A82, e.sw());
        assertTrue(e.getMessage().startsWith("SELECT JPKI AP: 6A82"), e.getMessage());
    }

    @Test
    void selectApOtherErrorIsAJpkiExceptionButNotNotJpki() {
        script.expect(SELECT_AP, "6D 00");
        JpkiException e = assertThrows(JpkiException.class, card::selectAp);
        assertFalse(e instanceof NotJpkiCardException);
        assertEquals("SELECT JPKI AP: 6D00", e.getMessage());
    }

    @Test
    void selectApWithUnexpectedDataIsRefused() {
        script.expect(SELECT_AP, "01 02 90 00");
        JpkiException e = assertThrows(JpkiException.class, card::selectAp);
        assertEquals(0x9000, e.sw());
    }

    // --- READ BINARY of the auth certificate

    /** A fake "certificate" of 600 bytes: 30 82 02 54 then a counting pattern. */
    private static byte[] fakeDer600() {
        byte[] der = new byte[600];
        der[0] = 0x30;
        der[1] = (byte) 0x82;
        der[2] = 0x02;
        der[3] = 0x54;
        for (int i = 4; i < der.length; i++) {
            der[i] = (byte) i;
        }
        return der;
    }

    private static byte[] withSw(byte[] data, int from, int to, int sw) {
        byte[] out = Arrays.copyOf(Arrays.copyOfRange(data, from, to), to - from + 2);
        out[to - from] = (byte) (sw >> 8);
        out[to - from + 1] = (byte) sw;
        return out;
    }

    @Test
    void readCertificateReadsTheHeaderThenChunksOfAtMost255() throws Exception {
        byte[] der = fakeDer600();
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", withSw(der, 0, 4, 0x9000))
                .expect("00 B0 00 04 FF", withSw(der, 4, 259, 0x9000))
                .expect("00 B0 01 03 FF", withSw(der, 259, 514, 0x9000))
                .expect("00 B0 02 02 56", withSw(der, 514, 600, 0x9000));
        assertArrayEquals(der, card.readAuthCertificate());
        script.assertFinished();
    }

    @Test
    void readCertificateContinuesAfterAShortChunk() throws Exception {
        byte[] der = fakeDer600();
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", withSw(der, 0, 4, 0x9000))
                .expect("00 B0 00 04 FF", withSw(der, 4, 104, 0x9000))
                .expect("00 B0 00 68 FF", withSw(der, 104, 359, 0x9000))
                .expect("00 B0 01 67 F1", withSw(der, 359, 600, 0x9000));
        assertArrayEquals(der, card.readAuthCertificate());
        script.assertFinished();
    }

    @Test
    void readCertificateAcceptsEndOfFileWarningOnTheLastChunk() throws Exception {
        byte[] der = fakeDer600();
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", withSw(der, 0, 4, 0x9000))
                .expect("00 B0 00 04 FF", withSw(der, 4, 259, 0x9000))
                .expect("00 B0 01 03 FF", withSw(der, 259, 514, 0x9000))
                .expect("00 B0 02 02 56", withSw(der, 514, 600, 0x6282));
        assertArrayEquals(der, card.readAuthCertificate());
    }

    @Test
    void readCertificateRefusesAHeaderThatIsNot3082() {
        script.expect(SELECT_AUTH_CERT, "90 00").expect("00 B0 00 00 04", "30 81 F0 01 90 00");
        JpkiException e = assertThrows(JpkiException.class, card::readAuthCertificate);
        assertEquals("READ BINARY auth certificate", e.step());
    }

    @Test
    void readCertificateRefusesAShortHeader() {
        script.expect(SELECT_AUTH_CERT, "90 00").expect("00 B0 00 00 04", "30 82 62 82");
        assertThrows(JpkiException.class, card::readAuthCertificate);
    }

    @Test
    void readCertificateRefusesAnOversizedChunk() {
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", "30 82 00 02 90 00")
                .expect("00 B0 00 04 02", "01 02 03 90 00");
        assertThrows(JpkiException.class, card::readAuthCertificate);
    }

    @Test
    void readCertificateRefusesAnEmptyChunk() {
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", "30 82 00 02 90 00")
                .expect("00 B0 00 04 02", "90 00");
        assertThrows(JpkiException.class, card::readAuthCertificate);
    }

    @Test
    void readCertificateNamesTheStepAndSwOfAFailedRead() {
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", "30 82 01 00 90 00")
                .expect("00 B0 00 04 FF", "6B 00");
        JpkiException e = assertThrows(JpkiException.class, card::readAuthCertificate);
        assertEquals("READ BINARY auth certificate: 6B00", e.getMessage());
        assertEquals(0x6B00, e.sw());
    }

    @Test
    void failedEfSelectionNamesTheFile() {
        script.expect(SELECT_AUTH_CERT, "6A 82");
        JpkiException e = assertThrows(JpkiException.class, card::readAuthCertificate);
        assertEquals("SELECT auth certificate: 6A82", e.getMessage());
        assertFalse(e instanceof NotJpkiCardException);
    }

    @Test
    void authCertificateThatDoesNotParseIsAJpkiException() {
        script.expect(SELECT_AUTH_CERT, "90 00")
                .expect("00 B0 00 00 04", "30 82 00 02 90 00")
                .expect("00 B0 00 04 02", "05 00 90 00");
        JpkiException e = assertThrows(JpkiException.class, card::authCertificate);
        assertEquals("parse auth certificate", e.step());
    }

    @Test
    void authCertificateParsesTheRealTestCertificate() throws Exception {
        byte[] der = TestCards.resource("auth-cert.der");
        script.expect(SELECT_AUTH_CERT, "90 00").expect("00 B0 00 00 04", withSw(der, 0, 4, 0x9000));
        for (int offset = 4; offset < der.length; offset += 255) {
            int n = Math.min(255, der.length - offset);
            script.expect(Hex.toHex(JpkiCommands.readBinary(offset, n).encode()), withSw(der, offset, offset + n, 0x9000));
        }
        assertEquals(TestCards.authCertificate(), card.authCertificate());
        script.assertFinished();
    }

    // --- tries left

    @ParameterizedTest
    @ValueSource(strings = {"63 C3:3", "63 C2:2", "63 C1:1", "63 C0:0", "69 83:0"})
    void triesLeftMapsStatusWords(String row) throws Exception {
        String[] parts = row.split(":");
        script.expect(SELECT_AUTH_PIN, "90 00").expect(TRIES_LEFT, parts[0]);
        assertEquals(Integer.parseInt(parts[1]), card.authPinTriesLeft());
        script.assertFinished();
    }

    @Test
    void triesLeftRefusesOtherStatusWords() {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(TRIES_LEFT, "90 00");
        JpkiException e = assertThrows(JpkiException.class, card::authPinTriesLeft);
        assertEquals(0x9000, e.sw());
        assertEquals("VERIFY auth PIN (tries left)", e.step());
    }

    @Test
    void triesLeftNamesAFailedPinSelection() {
        script.expect(SELECT_AUTH_PIN, "6A 82");
        JpkiException e = assertThrows(JpkiException.class, card::authPinTriesLeft);
        assertEquals("SELECT auth PIN: 6A82", e.getMessage());
    }

    // --- VERIFY

    @Test
    void verifySendsAsciiDigitsAndMapsSuccess() throws Exception {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "90 00");
        assertEquals(new PinOutcome.Verified(), card.verifyAuthPin("1234".toCharArray()));
        script.assertFinished();
    }

    @Test
    void verifyMapsWrongPinWithTriesLeft() throws Exception {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "63 C2");
        assertEquals(new PinOutcome.WrongPin(2), card.verifyAuthPin("1234".toCharArray()));
    }

    @Test
    void verifyMapsLastWrongPinToBlocked() throws Exception {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "63 C0");
        assertEquals(new PinOutcome.Blocked(), card.verifyAuthPin("1234".toCharArray()));
    }

    @Test
    void verifyMapsAuthenticationMethodBlockedToBlocked() throws Exception {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "69 83");
        assertEquals(new PinOutcome.Blocked(), card.verifyAuthPin("1234".toCharArray()));
    }

    @Test
    void verifyRefusesOtherStatusWordsNamingTheStep() {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "6A 80");
        JpkiException e = assertThrows(JpkiException.class, () -> card.verifyAuthPin("1234".toCharArray()));
        assertEquals("VERIFY auth PIN: 6A80", e.getMessage());
        assertEquals("VERIFY auth PIN", e.step());
        assertEquals(0x6A80, e.sw());
    }

    @Test
    void verifySuccessWithResponseDataIsMalformed() {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "01 90 00");
        JpkiException e = assertThrows(JpkiException.class, () -> card.verifyAuthPin("1234".toCharArray()));
        assertEquals("VERIFY auth PIN", e.step());
    }

    @Test
    void triesLeftWithResponseDataIsMalformed() {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(TRIES_LEFT, "01 63 C3");
        assertThrows(JpkiException.class, card::authPinTriesLeft);
    }

    @Test
    void verifyWipesTheCommandDataAfterwards() throws Exception {
        script.expect(SELECT_AUTH_PIN, "90 00").expect(VERIFY_1234, "63 C1");
        char[] pin = "1234".toCharArray();
        card.verifyAuthPin(pin);
        CommandApdu sentVerify = script.sent().get(1);
        assertEquals(0x20, sentVerify.ins());
        assertArrayEquals(new byte[4], sentVerify.data());
        assertArrayEquals("1234".toCharArray(), pin, "the caller's char[] is the caller's to wipe");
    }

    @Test
    void verifyWipesTheCommandDataWhenTheCardIsRemoved() {
        script.expect(SELECT_AUTH_PIN, "90 00").expectAndFail(VERIFY_1234, new CardRemovedException("gone"));
        assertThrows(CardRemovedException.class, () -> card.verifyAuthPin("1234".toCharArray()));
        assertArrayEquals(new byte[4], script.sent().get(1).data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345", "12a4", "１２３４", "12 4"})
    void verifyRejectsMalformedPinsWithoutTalkingToTheCard(String pin) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> card.verifyAuthPin(pin.toCharArray()));
        if (!pin.isEmpty()) {
            assertFalse(e.getMessage().contains(pin), e.getMessage());
        }
        assertTrue(script.sent().isEmpty());
    }

    @Test
    void malformedResponseFromTheTransportIsACardIoException() {
        script.expect(SELECT_AUTH_PIN, "90");
        assertThrows(CardIoException.class, card::authPinTriesLeft);
    }

    // --- SIGN

    @Test
    void signSelectsTheKeyAndSendsTheDigestInfoWithLeZero() throws Exception {
        byte[] digestInfo = TestCards.sha256DigestInfo("challenge".getBytes());
        byte[] signature = new byte[256];
        Arrays.fill(signature, (byte) 0x5A);
        byte[] answer = Arrays.copyOf(signature, 258);
        answer[256] = (byte) 0x90;
        script.expect(SELECT_AUTH_KEY, "90 00")
                .expect("80 2A 00 80 33 " + Hex.toHex(digestInfo) + " 00", answer);
        assertArrayEquals(signature, card.signWithAuthKey(digestInfo));
        script.assertFinished();
    }

    @Test
    void signWithoutVerifiedPinNamesTheStep() {
        byte[] digestInfo = TestCards.sha256DigestInfo(new byte[0]);
        script.expect(SELECT_AUTH_KEY, "90 00").expect("80 2A 00 80 33 " + Hex.toHex(digestInfo) + " 00", "69 82");
        JpkiException e = assertThrows(JpkiException.class, () -> card.signWithAuthKey(digestInfo));
        assertEquals("SIGN auth key", e.step());
        assertEquals(0x6982, e.sw());
        assertEquals("SIGN auth key: 6982", e.getMessage());
    }

    @Test
    void signRefusesASignatureOfTheWrongLength() {
        byte[] digestInfo = TestCards.sha256DigestInfo(new byte[0]);
        script.expect(SELECT_AUTH_KEY, "90 00").expect("80 2A 00 80 33 " + Hex.toHex(digestInfo) + " 00", "01 02 03 90 00");
        JpkiException e = assertThrows(JpkiException.class, () -> card.signWithAuthKey(digestInfo));
        assertEquals("SIGN auth key", e.step());
    }

    @Test
    void signRejectsEmptyDigestInfoBeforeTalkingToTheCard() {
        assertThrows(IllegalArgumentException.class, () -> card.signWithAuthKey(new byte[0]));
        assertTrue(script.sent().isEmpty());
    }
}
