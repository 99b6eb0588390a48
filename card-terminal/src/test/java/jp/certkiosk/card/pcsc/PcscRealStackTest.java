package jp.certkiosk.card.pcsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.jpki.JpkiCard;
import jp.certkiosk.card.jpki.PinOutcome;
import jp.certkiosk.card.testing.TestCards;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.vpcd.VpcdCardLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kiosk's PC/SC path against the real stack: javax.smartcardio → libpcsclite → pcscd →
 * vsmartcard-vpcd → the virtual JPKI card over loopback TCP.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PcscRealStackTest {
    private VpcdCardLink link;
    private CardTerminal reader;

    @BeforeAll
    static void pcscd() {
        PcscStack.start();
    }

    @BeforeEach
    void connectLink() throws Exception {
        link = VpcdCardLink.start(VpcdCardLink.DEFAULT_HOST, PcscStack.PORT);
        reader = PcscStack.reader();
    }

    @AfterEach
    void closeLink() throws Exception {
        link.remove();
        link.close();
        PcscStack.awaitCard(PcscStack.reader(), false);
    }

    private PcscTransport insert(VirtualCardState state) throws Exception {
        link.insert(TestCards.card(state));
        PcscStack.awaitCard(reader, true);
        return PcscTransport.connect(reader);
    }

    @Test
    void kioskReadsTheCertificateChecksTriesVerifiesThePinAndGetsAVerifiableSignature() throws Exception {
        try (PcscTransport transport = insert(TestCards.freshState());
             var exclusive = transport.exclusive()) {
            assertEquals("T=1", transport.protocol());
            assertEquals("3B E0 00 FF 81 31 FE 45 14", Hex.toHex(transport.atr()));
            JpkiCard card = new JpkiCard(transport);
            card.selectAp();
            assertEquals(TestCards.authCertificate(), card.authCertificate());
            assertEquals(3, card.authPinTriesLeft());
            assertInstanceOf(PinOutcome.Verified.class, card.verifyAuthPin(TestCards.PIN.toCharArray()));
            byte[] message = "challenge from the municipal endpoint".getBytes(StandardCharsets.UTF_8);
            byte[] signature = card.signWithAuthKey(TestCards.sha256DigestInfo(message));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(TestCards.authCertificate().getPublicKey());
            rsa.update(message);
            assertTrue(rsa.verify(signature), "the card's signature verifies with its certificate's key");
        }
    }

    @Test
    void answersThroughPcscdMatchTheJpkiProtocolByteForByte() throws Exception {
        VirtualCardState state = TestCards.freshState();
        byte[] der = TestCards.authCertificate().getEncoded();
        String header = Hex.toHex(der, 0, 4);
        try (PcscTransport transport = insert(state)) {
            String[][] exchanges = {
                {"00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 09", "6A 82"},   // unknown AID
                {"00 A4 04 00 07 A0 00 00 00 03 10 10", "6A 82"},             // another card's AID, FCI asked
                {"00 A4 02 0C 02 00 18", "6A 82"},                            // no AP selected yet
                {"00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", "90 00"},
                {"00 A4 02 0C 02 12 34", "6A 82"},                            // unknown EF
                {"00 A4 02 0C 02 00 0A", "90 00"},
                {"00 B0 00 00 04", header + " 90 00"},
                {"00 A4 02 0C 02 00 17", "90 00"},
                {"80 2A 00 80 03 01 02 03 00", "69 82"},                      // SIGN before the PIN
                {"00 A4 02 0C 02 00 18", "90 00"},
                {"00 20 00 80", "63 C3"},
                {"00 20 00 80 04 39 39 39 39", "63 C2"},                      // wrong PIN
                {"00 20 00 80", "63 C2"},
                {"00 20 00 80 04 31 32 33 34", "90 00"},                      // the PIN resets the counter
                {"00 20 00 80", "63 C3"},                                     // still 63 Cx after a success
                {"00 A4 02 0C 02 00 01", "90 00"},
                {"00 B0 00 00 04", "69 82"},                                  // sign certificate needs the sign PIN
            };
            List<String> mismatches = new ArrayList<>();
            for (String[] exchange : exchanges) {
                String answer = Hex.toHex(transport.transmit(CommandApdu.decode(Hex.fromHex(exchange[0]))).encode());
                if (!answer.equals(exchange[1])) {
                    mismatches.add(exchange[0] + " → " + answer + ", expected " + exchange[1]);
                }
            }
            assertEquals(List.of(), mismatches);
        }
        VirtualCardState blocked = VirtualCardState.of(TestCards.PIN.toCharArray(), 1);
        link.remove();
        PcscStack.awaitCard(reader, false);
        try (PcscTransport transport = insert(blocked)) {
            String[][] exchanges = {
                {"00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", "90 00"},
                {"00 A4 02 0C 02 00 18", "90 00"},
                {"00 20 00 80", "63 C1"},
                {"00 20 00 80 04 30 30 30 30", "63 C0"},
                {"00 20 00 80", "63 C0"},
                {"00 20 00 80 04 31 32 33 34", "69 83"},                      // blocked: the right PIN too
            };
            for (String[] exchange : exchanges) {
                assertEquals(exchange[1], Hex.toHex(transport.transmit(CommandApdu.decode(Hex.fromHex(exchange[0]))).encode()),
                        exchange[0]);
            }
        }
    }

    @Test
    void theSignatureBytesAreExactlyRsaPkcs1OfTheDigestInfo() throws Exception {
        byte[] digestInfo = TestCards.sha256DigestInfo("x".getBytes(StandardCharsets.UTF_8));
        try (PcscTransport transport = insert(TestCards.freshState())) {
            JpkiCard card = new JpkiCard(transport);
            card.selectAp();
            card.verifyAuthPin(TestCards.PIN.toCharArray());
            byte[] signature = card.signWithAuthKey(digestInfo);
            Signature expected = Signature.getInstance("NONEwithRSA");
            expected.initSign(TestCards.authKey());
            expected.update(digestInfo);
            assertArrayEquals(expected.sign(), signature);
        }
    }

    @Test
    void aCardPulledDuringSigningIsARemovalAndNothingGoesToTheNextCard() throws Exception {
        PcscTransport transport = insert(TestCards.freshState());
        JpkiCard card = new JpkiCard(transport);
        card.selectAp();
        assertInstanceOf(PinOutcome.Verified.class, card.verifyAuthPin(TestCards.PIN.toCharArray()));
        link.removeWhenReceived(0x2A);
        long start = System.nanoTime();
        assertThrows(CardRemovedException.class, () -> card.signWithAuthKey(TestCards.sha256DigestInfo(new byte[] {1})));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "removal noticed within 5 s");

        // another card placed: the old connection stays dead, its commands never reach the new card
        var next = TestCards.card(TestCards.freshState());
        link.insert(next);
        PcscStack.awaitCard(reader, true);
        next.clearReceived();
        assertThrows(CardRemovedException.class, card::selectAp);
        assertEquals(List.of(), next.received());
        transport.close();
    }

    @Test
    void theWatcherReportsInsertRemoveAndSurvivesPcscdRestartingAndNoReader() throws Exception {
        BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
        try (CardWatcher watcher = CardWatcher.start(events::add)) {
            ReaderEvent first = events.poll(10, TimeUnit.SECONDS);
            ReaderEvent.Snapshot snapshot = assertInstanceOf(ReaderEvent.Snapshot.class, first);
            assertTrue(snapshot.readers().contains(PcscStack.READER), snapshot.toString());
            assertTrue(!snapshot.readersWithCard().contains(PcscStack.READER), snapshot.toString());

            link.insert(TestCards.card(TestCards.freshState()));
            awaitEvent(events, new ReaderEvent.CardInserted(PcscStack.READER));
            link.remove();
            awaitEvent(events, new ReaderEvent.CardRemoved(PcscStack.READER));
            link.insert(TestCards.card(TestCards.freshState()));
            awaitEvent(events, new ReaderEvent.CardInserted(PcscStack.READER));
            PcscTransport before = PcscTransport.connect(reader);

            // pcscd stops: no reader at all; the card goes first, then its reader
            PcscStack.script("stop");
            awaitEvent(events, new ReaderEvent.CardRemoved(PcscStack.READER));
            awaitEvent(events, new ReaderEvent.ReaderDetached(PcscStack.READER));
            CardIoException lost = assertThrows(CardIoException.class, () -> new JpkiCard(before).selectAp());
            assertTrue(lost.getMessage().startsWith("APDU 00 A4 04 0C"), lost.getMessage());

            // pcscd is back: the reader and the card (the link reconnects by itself) are seen again
            PcscStack.start();
            awaitEvent(events, new ReaderEvent.ReaderAttached(PcscStack.READER));
            awaitEvent(events, new ReaderEvent.CardInserted(PcscStack.READER));
            try (PcscTransport after = PcscTransport.connect(PcscStack.reader())) {
                JpkiCard card = new JpkiCard(after);
                card.selectAp();
                assertEquals(3, card.authPinTriesLeft());
            }
            before.close();
        } finally {
            PcscStack.start();
        }
    }

    private static void awaitEvent(BlockingQueue<ReaderEvent> events, ReaderEvent expected) throws InterruptedException {
        List<ReaderEvent> seen = new ArrayList<>();
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            ReaderEvent event = events.poll(250, TimeUnit.MILLISECONDS);
            if (event == null) {
                continue;
            }
            if (event.equals(expected)) {
                return;
            }
            seen.add(event);
        }
        throw new AssertionError("no " + expected + " within 20 s; saw " + seen);
    }
}
