package jp.certkiosk.card.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.apdu.ResponseApdu;
import jp.certkiosk.card.testing.TestCards;
import org.junit.jupiter.api.Test;

/** The virtual card answers byte for byte as DESIGN.md §3 describes. */
class VirtualJpkiCardTest {

    private static final String SELECT_AP = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";
    private static final String SELECT_AUTH_CERT = "00 A4 02 0C 02 00 0A";
    private static final String SELECT_AUTH_CA = "00 A4 02 0C 02 00 0B";
    private static final String SELECT_AUTH_KEY = "00 A4 02 0C 02 00 17";
    private static final String SELECT_AUTH_PIN = "00 A4 02 0C 02 00 18";
    private static final String SELECT_SIGN_CERT = "00 A4 02 0C 02 00 01";
    private static final String TRIES_LEFT = "00 20 00 80";
    private static final String VERIFY_RIGHT = "00 20 00 80 04 31 32 33 34";
    private static final String VERIFY_WRONG = "00 20 00 80 04 30 30 30 30";

    private final VirtualCardState state = TestCards.freshState();
    private final VirtualJpkiCard card = TestCards.card(state);

    private static String send(VirtualJpkiCard card, String command) throws CardRemovedException {
        return Hex.toHex(card.exchange(Hex.fromHex(command)));
    }

    private String send(String command) throws CardRemovedException {
        return send(card, command);
    }

    private static String signCommand(byte[] digestInfo) {
        return "80 2A 00 80 " + Hex.toHex(new byte[] {(byte) digestInfo.length}) + " " + Hex.toHex(digestInfo) + " 00";
    }

    private void atAuthPin() throws CardRemovedException {
        assertEquals("90 00", send(SELECT_AP));
        assertEquals("90 00", send(SELECT_AUTH_PIN));
    }

    // --- selection

    @Test
    void selectsTheJpkiApAndRejectsOtherAids() throws Exception {
        assertEquals("90 00", send(SELECT_AP));
        assertEquals("6A 82", send("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 02"));
        assertEquals("6A 82", send("00 A4 04 0C 07 A0 00 00 00 03 10 10"));
    }

    @Test
    void selectsEfsOnlyAfterTheAp() throws Exception {
        assertEquals("6A 82", send(SELECT_AUTH_CERT));
        assertEquals("90 00", send(SELECT_AP));
        assertEquals("90 00", send(SELECT_AUTH_CERT));
        assertEquals("6A 82", send("00 A4 02 0C 02 00 99"));
        assertEquals("6A 82", send("00 A4 02 0C 02 2F 00"));
    }

    @Test
    void unknownInstructionAndWrongClass() throws Exception {
        assertEquals("6D 00", send("00 CA 01 00 00"));
        assertEquals("6E 00", send("10 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"));
        assertEquals("6E 00", send("80 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"));
        assertEquals("6E 00", send("00 2A 00 80 01 00 00"));
        assertEquals("6A 86", send("00 A4 01 0C 02 00 0A"));
    }

    @Test
    void malformedCommandBytesGiveWrongLength() throws Exception {
        assertEquals("67 00", send("00 A4"));
        assertEquals("67 00", send("00 A4 02 0C 05 00 0A"));
    }

    // --- READ BINARY

    @Test
    void readsTheAuthCertificateWithoutPin() throws Exception {
        byte[] der = TestCards.authCertificate().getEncoded();
        send(SELECT_AP);
        send(SELECT_AUTH_CERT);
        assertEquals(Hex.toHex(der, 0, 4) + " 90 00", send("00 B0 00 00 04"));
        assertEquals(Hex.toHex(der, 4, 255) + " 90 00", send("00 B0 00 04 FF"));
        assertEquals(Hex.toHex(der, 0, 256) + " 90 00", send("00 B0 00 00 00"));
    }

    @Test
    void readsTheAuthCaCertificateWithoutPin() throws Exception {
        byte[] der = TestCards.authCaCertificate().getEncoded();
        send(SELECT_AP);
        send(SELECT_AUTH_CA);
        assertEquals(Hex.toHex(der, 0, 16) + " 90 00", send("00 B0 00 00 10"));
    }

    @Test
    void readBeyondTheEndAndPastTheEnd() throws Exception {
        byte[] der = TestCards.authCertificate().getEncoded();
        send(SELECT_AP);
        send(SELECT_AUTH_CERT);
        int offset = der.length - 10;
        String p1p2 = Hex.toHex(new byte[] {(byte) (offset >> 8), (byte) offset});
        assertEquals(Hex.toHex(der, offset, 10) + " 62 82", send("00 B0 " + p1p2 + " FF"),
                "Le beyond the end returns what remains with the end-of-file warning");
        String end = Hex.toHex(new byte[] {(byte) (der.length >> 8), (byte) der.length});
        assertEquals("6B 00", send("00 B0 " + end + " 01"));
        assertEquals("6B 00", send("00 B0 7F 00 01"));
    }

    @Test
    void readWithoutCurrentEfOrLeOrOnProtectedFiles() throws Exception {
        send(SELECT_AP);
        assertEquals("69 86", send("00 B0 00 00 04"));
        send(SELECT_AUTH_CERT);
        assertEquals("67 00", send("00 B0 00 00"));
        send(SELECT_SIGN_CERT);
        assertEquals("69 82", send("00 B0 00 00 04"));
        send(SELECT_AUTH_KEY);
        assertEquals("69 81", send("00 B0 00 00 04"));
    }

    // --- PIN

    @Test
    void emptyVerifyReportsThreeTriesInitially() throws Exception {
        atAuthPin();
        assertEquals("63 C3", send(TRIES_LEFT));
        assertEquals("63 C3", send(TRIES_LEFT), "asking does not use a try");
    }

    @Test
    void wrongPinsCountDown() throws Exception {
        atAuthPin();
        assertEquals("63 C2", send(VERIFY_WRONG));
        assertEquals("63 C1", send(VERIFY_WRONG));
        assertEquals("63 C1", send(TRIES_LEFT));
        assertEquals(1, state.triesLeft());
    }

    @Test
    void correctPinResetsTheCounterAndEmptyVerifyStillReportsTries() throws Exception {
        atAuthPin();
        assertEquals("63 C2", send(VERIFY_WRONG));
        assertEquals("90 00", send(VERIFY_RIGHT));
        assertEquals("63 C3", send(TRIES_LEFT));
        assertTrue(card.isAuthPinVerified());
    }

    @Test
    void threeWrongPinsBlockEvenTheCorrectOne() throws Exception {
        atAuthPin();
        assertEquals("63 C2", send(VERIFY_WRONG));
        assertEquals("63 C1", send(VERIFY_WRONG));
        assertEquals("63 C0", send(VERIFY_WRONG));
        assertEquals("69 83", send(VERIFY_RIGHT));
        assertEquals("69 83", send(VERIFY_WRONG));
        assertEquals("63 C0", send(TRIES_LEFT));
        assertTrue(state.isBlocked());
        assertFalse(card.isAuthPinVerified());
    }

    @Test
    void pinStateCarriesOverToANewCardOnTheSameState() throws Exception {
        atAuthPin();
        send(VERIFY_WRONG);
        send(VERIFY_WRONG);
        VirtualJpkiCard sameCardAgain = TestCards.card(state);
        send(sameCardAgain, SELECT_AP);
        send(sameCardAgain, SELECT_AUTH_PIN);
        assertEquals("63 C1", send(sameCardAgain, TRIES_LEFT));
        assertEquals("63 C0", send(sameCardAgain, VERIFY_WRONG));
        VirtualJpkiCard third = TestCards.card(state);
        send(third, SELECT_AP);
        send(third, SELECT_AUTH_PIN);
        assertEquals("69 83", send(third, VERIFY_RIGHT));
    }

    @Test
    void verifyWithOtherLengthsUsesNoTry() throws Exception {
        atAuthPin();
        assertEquals("67 00", send("00 20 00 80 03 31 32 33"));
        assertEquals("67 00", send("00 20 00 80 05 31 32 33 34 35"));
        assertEquals("63 C3", send(TRIES_LEFT));
    }

    @Test
    void verifyNeedsThePinEf() throws Exception {
        send(SELECT_AP);
        assertEquals("69 86", send(TRIES_LEFT));
        send(SELECT_AUTH_CERT);
        assertEquals("69 86", send(VERIFY_RIGHT));
        assertEquals(3, state.triesLeft());
    }

    @Test
    void blockedStateFromConstructionAnswersBlocked() throws Exception {
        VirtualJpkiCard blocked = TestCards.card(VirtualCardState.of("1234".toCharArray(), 0));
        send(blocked, SELECT_AP);
        send(blocked, SELECT_AUTH_PIN);
        assertEquals("63 C0", send(blocked, TRIES_LEFT));
        assertEquals("69 83", send(blocked, VERIFY_RIGHT));
    }

    // --- SIGN

    @Test
    void signWithoutPinIsRefused() throws Exception {
        send(SELECT_AP);
        send(SELECT_AUTH_KEY);
        assertEquals("69 82", send(signCommand(TestCards.sha256DigestInfo(new byte[] {1}))));
    }

    @Test
    void signWithPinProducesAVerifiableSha256Signature() throws Exception {
        byte[] message = "single-use challenge 0001".getBytes();
        atAuthPin();
        assertEquals("90 00", send(VERIFY_RIGHT));
        assertEquals("90 00", send(SELECT_AUTH_KEY));
        ResponseApdu response = ResponseApdu.decode(card.exchange(Hex.fromHex(signCommand(TestCards.sha256DigestInfo(message)))));
        assertEquals(0x9000, response.sw());
        assertEquals(256, response.data().length);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestCards.authCertificate().getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(response.data()));
        verifier.initVerify(TestCards.authCertificate().getPublicKey());
        verifier.update("another message".getBytes());
        assertFalse(verifier.verify(response.data()));
    }

    @Test
    void signNeedsTheAuthKeyEf() throws Exception {
        atAuthPin();
        send(VERIFY_RIGHT);
        assertEquals("69 86", send(signCommand(TestCards.sha256DigestInfo(new byte[0]))), "PIN EF is current");
        send("00 A4 02 0C 02 00 1A");
        assertEquals("69 82", send(signCommand(TestCards.sha256DigestInfo(new byte[0]))), "sign key needs the sign PIN");
    }

    @Test
    void resetClearsTheSecurityStatus() throws Exception {
        atAuthPin();
        send(VERIFY_RIGHT);
        card.reset();
        assertFalse(card.isAuthPinVerified());
        assertEquals("6A 82", send(SELECT_AUTH_KEY), "the AP is deselected by a reset");
        send(SELECT_AP);
        send(SELECT_AUTH_KEY);
        assertEquals("69 82", send(signCommand(TestCards.sha256DigestInfo(new byte[0]))));
    }

    @Test
    void reselectingTheApClearsTheSecurityStatus() throws Exception {
        atAuthPin();
        send(VERIFY_RIGHT);
        send(SELECT_AP);
        send(SELECT_AUTH_KEY);
        assertEquals("69 82", send(signCommand(TestCards.sha256DigestInfo(new byte[0]))));
    }

    @Test
    void aWrongPinAfterASuccessClearsTheSecurityStatus() throws Exception {
        atAuthPin();
        send(VERIFY_RIGHT);
        send(VERIFY_WRONG);
        send(SELECT_AUTH_KEY);
        assertEquals("69 82", send(signCommand(TestCards.sha256DigestInfo(new byte[0]))));
    }

    // --- removal, behaviours

    @Test
    void removedCardThrowsUntilInsertedAgainLikeAPowerCycle() throws Exception {
        atAuthPin();
        send(VERIFY_RIGHT);
        card.remove();
        assertFalse(card.isPresent());
        assertThrows(CardRemovedException.class, () -> send(SELECT_AP));
        assertThrows(CardRemovedException.class, () -> card.transmit(CommandApdu.decode(Hex.fromHex(SELECT_AP))));
        card.insert();
        assertEquals("6A 82", send(SELECT_AUTH_KEY), "nothing selected after insertion");
        send(SELECT_AP);
        send(SELECT_AUTH_KEY);
        assertEquals("69 82", send(signCommand(TestCards.sha256DigestInfo(new byte[0]))));
    }

    @Test
    void cardWithoutJpkiApplicationAnswersFileNotFound() throws Exception {
        VirtualJpkiCard other = TestCards.card(state, VirtualJpkiCard.Behaviour.NO_JPKI_APPLICATION);
        assertEquals("6A 82", send(other, SELECT_AP));
        assertEquals("6A 82", send(other, SELECT_AUTH_CERT));
        assertFalse(Arrays.equals(TestCards.card(state).atr(), other.atr()));
        assertEquals("3B E0 00 FF 81 31 FE 45 14", Hex.toHex(card.atr()));
    }

    @Test
    void garbageCardNeverAnswersSensibly() throws Exception {
        VirtualJpkiCard garbage = TestCards.card(state, VirtualJpkiCard.Behaviour.GARBAGE);
        for (int i = 0; i < 10; i++) {
            byte[] answer = garbage.exchange(Hex.fromHex(SELECT_AP));
            assertFalse(Arrays.equals(Hex.fromHex("90 00"), answer), "answer " + i);
        }
    }

    @Test
    void constructorRefusesAKeyThatDoesNotMatchTheCertificate() {
        assertThrows(IllegalArgumentException.class, () -> new VirtualJpkiCard(state,
                TestCards.authCertificate(), TestCards.authCaCertificate(), TestCards.unrelatedKey()));
    }

    // --- inspection log

    @Test
    void receivedLogsCommandsButNoPinDigits() throws Exception {
        atAuthPin();
        send(VERIFY_RIGHT);
        send(VERIFY_WRONG);
        List<CommandApdu> received = card.received();
        assertEquals(4, received.size());
        assertEquals(CommandApdu.decode(Hex.fromHex(SELECT_AP)), received.get(0));
        long verifies = received.stream().filter(c -> c.ins() == 0x20).count();
        assertEquals(2, verifies);
        for (CommandApdu c : received.subList(2, 4)) {
            assertArrayEquals(new byte[4], c.data());
        }
        card.clearReceived();
        assertTrue(card.received().isEmpty());
    }
}
