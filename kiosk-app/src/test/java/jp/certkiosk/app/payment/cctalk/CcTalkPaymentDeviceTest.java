package jp.certkiosk.app.payment.cctalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.certkiosk.app.payment.PaymentDevice.PayOutResult;
import jp.certkiosk.config.PaymentConfig;
import org.junit.jupiter.api.Test;

/** The acceptor's logic against the emulated devices on an in-memory line, polled step by step. */
class CcTalkPaymentDeviceTest {
    static final Map<Integer, Integer> COINS = Map.of(1, 10, 2, 50, 3, 100, 4, 500);

    static PaymentConfig.CcTalk config(String port, Duration poll) {
        return new PaymentConfig.CcTalk(port, 2, COINS, Map.of(3, 100, 4, 10, 5, 50), poll, Duration.ofMillis(300), true);
    }

    static CcTalkDeviceEmulator japaneseCoins(CcTalkDeviceEmulator emulator) {
        return emulator.coin(1, "JP010A").coin(2, "JP050A").coin(3, "JP100A").coin(4, "JP500A");
    }

    private final CcTalkDeviceEmulator emulator = japaneseCoins(new CcTalkDeviceEmulator(2, true))
            .hopper(3, 10).hopper(4, 10).hopper(5, 10);
    private final CcTalkPaymentDevice device = CcTalkPaymentDevice.unpolled(new EmulatedLine(emulator),
            config("emulated", Duration.ofSeconds(1)));

    @Test
    void coinsAreTakenOnlyWhileAFeeIsDueAndTheSlotClosesAtTheFee() {
        assertEquals(List.of(), device.outOfService().map(List::of).orElse(List.of()));
        assertFalse(emulator.insert(3), "inhibited before any fee");
        assertEquals(List.of(), device.pollOnce());

        device.startAccepting(150);
        assertTrue(emulator.insert(3));
        assertEquals(List.of(100), device.pollOnce());
        assertTrue(emulator.masterEnabled(), "50 yen still due");
        assertTrue(emulator.insert(4));
        assertEquals(List.of(500), device.pollOnce());
        assertFalse(emulator.masterEnabled(), "the fee is reached: the selector is inhibited at once");
        assertFalse(emulator.insert(3));
        assertEquals(List.of(), device.pollOnce());
    }

    @Test
    void aLostReplyIsReadAgainWithoutCountingACoinTwiceOrLosingOne() {
        device.startAccepting(1000);
        emulator.insert(3);
        emulator.dropReplies(1);
        assertEquals(List.of(), device.pollOnce(), "the reply carrying the coin is lost");
        emulator.insert(2);
        assertEquals(List.of(100, 50), device.pollOnce(), "both coins, each once");
        assertEquals(List.of(), device.pollOnce());
        assertTrue(device.outOfService().isEmpty(), "one lost reply is no fault");
    }

    @Test
    void changeComesFromTheHoppersLargestCoinsFirst() {
        PayOutResult result = device.payOut(360);
        assertTrue(result.done(), String.valueOf(result));
        assertEquals(3, emulator.hopper(3).paidTotal);
        assertEquals(1, emulator.hopper(5).paidTotal);
        assertEquals(1, emulator.hopper(4).paidTotal);
    }

    @Test
    void anEmptyHopperIsMadeUpBySmallerCoinsAndWhatCannotBePaidIsSaid() {
        emulator.hopper(3).coins = 1;
        emulator.hopper(5).coins = 0;
        emulator.hopper(4).coins = 4;
        PayOutResult result = device.payOut(200);
        assertFalse(result.done());
        assertEquals(140, result.paidYen(), result.problem());
        assertTrue(result.problem().contains("paid 140 of 200 yen"), result.problem());
        assertTrue(result.problem().contains("hopper 3 (100 yen) paid 1 of 2 coins"), result.problem());
        assertTrue(device.status().contains("last payout"), device.status());
    }

    @Test
    void aSelectorThatStopsAnsweringPutsThePaymentOutOfService() {
        emulator.silenceSelector();
        for (int i = 0; i < CcTalkPaymentDevice.SILENT_POLLS - 1; i++) {
            device.pollOnce();
            assertTrue(device.outOfService().isEmpty(), "a few lost replies are no fault");
        }
        device.pollOnce();
        String why = device.outOfService().orElseThrow();
        assertTrue(why.contains("the coin selector (ccTalk address 2 on emulated) stopped answering"), why);
        assertTrue(device.status().startsWith("ccTalk on emulated: OUT OF SERVICE"), device.status());
        device.startAccepting(200);
        assertFalse(device.accepting(), "no coins taken by a device out of service");
    }

    @Test
    void aCoinTableThatDoesNotMatchTheSelectorIsRefusedAtStart() {
        CcTalkDeviceEmulator wrong = japaneseCoins(new CcTalkDeviceEmulator(2, true)).coin(3, "JP500A").hopper(3, 1)
                .hopper(4, 1).hopper(5, 1);
        CcTalkPaymentDevice mismatched = CcTalkPaymentDevice.unpolled(new EmulatedLine(wrong), config("emulated", Duration.ofSeconds(1)));
        String why = mismatched.outOfService().orElseThrow();
        assertTrue(why.startsWith("payment.coins gives coin 3 100 yen, but the coin selector"), why);
        assertTrue(why.contains("'JP500A'"), why);
    }

    @Test
    void aPortThatCannotBeOpenedLeavesTheKioskOutOfServiceNamingTheKey() {
        try (CcTalkPaymentDevice missing = CcTalkPaymentDevice.open(config("/nonexistent/ttyUSB9", Duration.ofMillis(100)))) {
            String why = missing.outOfService().orElseThrow();
            assertTrue(why.contains("/nonexistent/ttyUSB9") && why.endsWith("check payment.port, then restart the kiosk"), why);
            missing.startAccepting(200);
            assertFalse(missing.accepting());
            assertFalse(missing.payOut(100).done());
        }
    }
}
