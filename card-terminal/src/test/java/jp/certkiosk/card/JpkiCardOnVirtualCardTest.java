package jp.certkiosk.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.List;
import java.util.function.Predicate;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.jpki.JpkiCard;
import jp.certkiosk.card.jpki.JpkiException;
import jp.certkiosk.card.jpki.NotJpkiCardException;
import jp.certkiosk.card.jpki.PinOutcome;
import jp.certkiosk.card.testing.TestCards;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.virtual.VirtualJpkiCard;
import org.junit.jupiter.api.Test;

/** The JPKI protocol class against the virtual card, end to end. */
class JpkiCardOnVirtualCardTest {

    private final VirtualCardState state = TestCards.freshState();
    private final VirtualJpkiCard virtualCard = TestCards.card(state);
    private final JpkiCard card = new JpkiCard(virtualCard);

    @Test
    void readsTheCertificateItWasGiven() throws Exception {
        card.selectAp();
        assertArrayEquals(TestCards.authCertificate().getEncoded(), card.readAuthCertificate());
        assertEquals(TestCards.authCertificate(), card.authCertificate());
        assertEquals("CN=TESTCARD0001,C=JP", card.authCertificate().getSubjectX500Principal().getName());
    }

    @Test
    void readsInChunksOfAtMost255AfterTheHeader() throws Exception {
        card.selectAp();
        virtualCard.clearReceived();
        card.readAuthCertificate();
        List<CommandApdu> reads = virtualCard.received().stream().filter(c -> c.ins() == 0xB0).toList();
        assertEquals(4, reads.get(0).ne());
        int expectedOffset = 4;
        for (CommandApdu read : reads.subList(1, reads.size())) {
            assertEquals(expectedOffset, (read.p1() << 8) | read.p2());
            assertTrue(read.ne() <= 255, "chunk of " + read.ne());
            expectedOffset += read.ne();
        }
        assertEquals(TestCards.authCertificate().getEncoded().length, expectedOffset);
    }

    @Test
    void pinFlowCountsDownAndResets() throws Exception {
        card.selectAp();
        assertEquals(3, card.authPinTriesLeft());
        assertEquals(new PinOutcome.WrongPin(2), card.verifyAuthPin("0000".toCharArray()));
        assertEquals(2, card.authPinTriesLeft());
        assertEquals(new PinOutcome.Verified(), card.verifyAuthPin(TestCards.PIN.toCharArray()));
        assertEquals(3, card.authPinTriesLeft());
    }

    @Test
    void threeWrongPinsBlock() throws Exception {
        card.selectAp();
        assertEquals(new PinOutcome.WrongPin(2), card.verifyAuthPin("0000".toCharArray()));
        assertEquals(new PinOutcome.WrongPin(1), card.verifyAuthPin("0000".toCharArray()));
        assertEquals(new PinOutcome.Blocked(), card.verifyAuthPin("0000".toCharArray()));
        assertEquals(new PinOutcome.Blocked(), card.verifyAuthPin(TestCards.PIN.toCharArray()));
        assertEquals(0, card.authPinTriesLeft());
    }

    @Test
    void signsAfterVerifyAndTheSignatureVerifies() throws Exception {
        byte[] challenge = "session 42 challenge".getBytes(StandardCharsets.US_ASCII);
        card.selectAp();
        assertEquals(new PinOutcome.Verified(), card.verifyAuthPin(TestCards.PIN.toCharArray()));
        byte[] signature = card.signWithAuthKey(TestCards.sha256DigestInfo(challenge));
        assertEquals(256, signature.length);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(card.authCertificate().getPublicKey());
        verifier.update(challenge);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void signingWithoutPinNamesTheStep() throws Exception {
        card.selectAp();
        JpkiException e = assertThrows(JpkiException.class,
                () -> card.signWithAuthKey(TestCards.sha256DigestInfo(new byte[0])));
        assertEquals("SIGN auth key", e.step());
        assertEquals(0x6982, e.sw());
    }

    @Test
    void afterAResetTheCallerReselectsAndVerifiesAgain() throws Exception {
        card.selectAp();
        card.verifyAuthPin(TestCards.PIN.toCharArray());
        virtualCard.reset();
        assertThrows(JpkiException.class, card::authPinTriesLeft, "EF selection fails without the AP");
        card.selectAp();
        assertThrows(JpkiException.class, () -> card.signWithAuthKey(TestCards.sha256DigestInfo(new byte[0])));
    }

    @Test
    void receivedHoldsNoPinDigitsAfterAVerify() throws Exception {
        card.selectAp();
        card.verifyAuthPin("1234".toCharArray());
        card.verifyAuthPin("5678".toCharArray());
        List<CommandApdu> verifies = virtualCard.received().stream()
                .filter(c -> c.ins() == 0x20 && c.nc() > 0).toList();
        assertEquals(2, verifies.size());
        for (CommandApdu verify : verifies) {
            assertArrayEquals(new byte[4], verify.data());
            assertFalse(verify.toString().contains("31 32"), verify.toString());
        }
        Predicate<CommandApdu> hasDigit = c -> {
            for (byte b : c.data()) {
                if (c.ins() == 0x20 && b >= '0' && b <= '9') {
                    return true;
                }
            }
            return false;
        };
        assertTrue(virtualCard.received().stream().noneMatch(hasDigit));
    }

    @Test
    void removalSurfacesAsCardRemoved() throws Exception {
        card.selectAp();
        virtualCard.remove();
        assertThrows(CardRemovedException.class, card::readAuthCertificate);
        assertThrows(CardRemovedException.class, () -> card.verifyAuthPin(TestCards.PIN.toCharArray()));
        assertEquals(3, state.triesLeft());
    }

    @Test
    void aCardWithoutJpkiIsNotAMyNumberCard() {
        JpkiCard other = new JpkiCard(TestCards.card(state, VirtualJpkiCard.Behaviour.NO_JPKI_APPLICATION));
        NotJpkiCardException e = assertThrows(NotJpkiCardException.class, other::selectAp);
        assertEquals(0x6A82, e.sw());
    }

    @FunctionalInterface
    private interface Operation {
        void run(JpkiCard card) throws Exception;
    }

    @Test
    void garbageGivesCheckedErrorsAtEveryStepNeverSuccessOrRuntimeExceptions() throws Exception {
        List<Operation> operations = List.of(
                JpkiCard::selectAp,
                JpkiCard::readAuthCertificate,
                JpkiCard::authCertificate,
                JpkiCard::authPinTriesLeft,
                c -> c.verifyAuthPin(TestCards.PIN.toCharArray()),
                c -> c.signWithAuthKey(TestCards.sha256DigestInfo(new byte[0])));
        int jpkiErrors = 0;
        int ioErrors = 0;
        // Start the rotation of garbage answers at every phase, so each operation meets each kind.
        for (int phase = 0; phase < 5; phase++) {
            for (Operation operation : operations) {
                VirtualJpkiCard garbage = TestCards.card(state, VirtualJpkiCard.Behaviour.GARBAGE);
                for (int i = 0; i < phase; i++) {
                    garbage.exchange(new byte[] {0, (byte) 0xCA, 0, 0});
                }
                try {
                    operation.run(new JpkiCard(garbage));
                    fail("an operation succeeded against a garbage card (phase " + phase + ")");
                } catch (JpkiException e) {
                    jpkiErrors++;
                } catch (CardIoException e) {
                    ioErrors++;
                }
            }
        }
        assertTrue(jpkiErrors > 0 && ioErrors > 0, "jpki=" + jpkiErrors + " io=" + ioErrors);
        assertEquals(3, state.triesLeft(), "garbage never touches the PIN counter");
    }
}
