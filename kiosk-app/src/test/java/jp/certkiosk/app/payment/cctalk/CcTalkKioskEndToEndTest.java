package jp.certkiosk.app.payment.cctalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident pays with coins: the kiosk built by its one composition root from a file naming
 * {@code payment.kind=CCTALK} on a pseudo-terminal, the emulated selector and hoppers at its far end,
 * the municipal endpoint simulator, virtual card and file printer around it.
 */
class CcTalkKioskEndToEndTest {
    @TempDir Path dir;

    @Test
    void theSlotOpensOnlyForTheFeeAndChangeComesFromTheHopper() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-10T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
        CcTalkDeviceEmulator emulator = CcTalkPaymentDeviceTest.japaneseCoins(new CcTalkDeviceEmulator(2, true))
                .hopper(3, 20).hopper(4, 20).hopper(5, 20);
        try (MunicipalSimulator simulator = MunicipalSimulator.start(
                     new SimulatorOptions(dir.resolve("sim"), "127.0.0.1", 0, clock, false));
             PseudoTerminalBus bus = new PseudoTerminalBus(dir, emulator)) {
            Path file = SimulatedEnvironment.writeConfig(simulator, MunicipalSimulator.DEMO_KIOSK_ID, dir.resolve("var"),
                    new PrinterConfig(PrinterConfig.Kind.FILE, dir.resolve("out")), null);
            Properties keys = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                keys.load(in);
            }
            keys.remove("payment.simulatedHopperYen");
            keys.setProperty("payment.kind", "CCTALK");
            keys.setProperty("payment.port", bus.kioskPort());
            keys.setProperty("payment.coins", "1:10,2:50,3:100,4:500");
            keys.setProperty("payment.hoppers", "3:100,4:10,5:50");
            keys.setProperty("payment.pollInterval", "PT0.05S");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                keys.store(out, null);
            }
            try (Kiosk kiosk = KioskAssembly.build(KioskConfigLoader.load(file), clock, () -> {})) {
                assertInstanceOf(CcTalkPaymentDevice.class, kiosk.payment());
                assertTrue(kiosk.simulatedPayment().isEmpty());
                kiosk.payment().onCashInserted(yen -> kiosk.engine().dispatch(new FlowEvent.CashInserted(yen)));
                assertFalse(emulator.insert(3), "no fee due at the welcome screen: the coin is handed back");

                kiosk.virtualReader().orElseThrow().insert("adult");
                kiosk.engine().dispatch(new FlowEvent.CardInserted("tx-coins"));
                kiosk.engine().dispatch(new FlowEvent.PinEntered(
                        Pin.typed(simulator.card("adult").orElseThrow().pin().toCharArray())));
                FlowState.Paying paying = assertInstanceOf(FlowState.Paying.class,
                        kiosk.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1)));
                int fee = paying.issuance().feeYen();
                assertTrue(fee > 0 && fee < 500, "a fee one 500-yen coin pays: " + fee);
                assertTrue(emulator.masterEnabled(), "the slot opens in Paying");

                assertTrue(emulator.insert(4));
                for (int i = 0; i < 400 && !(kiosk.engine().state() instanceof FlowState.TakeCard); i++) {
                    Thread.sleep(50);
                }
                FlowState.TakeCard done = assertInstanceOf(FlowState.TakeCard.class, kiosk.engine().state());
                assertInstanceOf(Outcome.Issued.class, done.outcome());
                assertFalse(emulator.masterEnabled(), "the slot is closed once the fee is paid");
                assertFalse(emulator.insert(3));

                List<String> money = kiosk.journal().entries().stream()
                        .filter(e -> "tx-coins".equals(e.transactionId()) && e.yen() != null)
                        .map(e -> e.stage() + " " + e.yen()).toList();
                int change = 500 - fee;
                assertTrue(money.containsAll(List.of("CASH_TAKEN 500", "PAID " + fee, "CHANGE_DUE " + change,
                        "CHANGE_GIVEN " + change)), money.toString());
                int paidOut = emulator.hopper(3).paidTotal * 100 + emulator.hopper(5).paidTotal * 50
                        + emulator.hopper(4).paidTotal * 10;
                assertEquals(change, paidOut, "the hoppers paid exactly the change");
                assertTrue(kiosk.journal().entries().stream().map(JournalEntry::stage).anyMatch(s -> s.name().equals("PRINTED")));
                kiosk.virtualReader().orElseThrow().remove();
                kiosk.engine().dispatch(new FlowEvent.CardRemoved());
            }
        }
    }
}
