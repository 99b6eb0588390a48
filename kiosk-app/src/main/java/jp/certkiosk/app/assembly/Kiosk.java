package jp.certkiosk.app.assembly;

import java.time.Clock;
import java.util.Optional;
import jp.certkiosk.app.card.CardSlot;
import jp.certkiosk.app.card.PcscCardSlot;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.printer.Printer;

/**
 * One kiosk as its configuration built it ({@link KioskAssembly#build}): the engine and every part
 * it drives. The screens and the headless runner are residents of it; closing it closes the parts.
 *
 * @param virtualReader the in-process virtual reader, when the configuration names one (never in production)
 * @param pcscReader the PC/SC reader the card watcher follows, when the configuration names one
 * @param simulatedPayment the simulated acceptor, when the configuration names it (never in production)
 * @param staffPin the staff PIN hash, when the configuration names its file
 * @param doubtRetry asks about prints in doubt again while the kiosk runs
 */
public record Kiosk(KioskConfig config, Clock clock, KioskEngine engine, H2Journal journal,
                   JerseyIssuanceEndpoint endpoint, CardSlot cardSlot, Optional<VirtualCardSlot> virtualReader,
                   Optional<PcscCardSlot> pcscReader, Printer printer, PaymentDevice payment,
                   Optional<SimulatedPaymentDevice> simulatedPayment, StaffConsole staff, Optional<StaffPin> staffPin,
                   jp.certkiosk.app.settle.DoubtRetry doubtRetry)
        implements AutoCloseable {

    public String kioskId() {
        return config.kioskId();
    }

    /** The reader in plain words, for reports and the staff panel: {@code PC/SC 'name'} or {@code virtual reader}. */
    public String readerName() {
        return pcscReader.map(r -> "PC/SC '" + r.readerName() + "'").orElse("virtual reader");
    }

    @Override
    public void close() {
        doubtRetry.close();
        pcscReader.ifPresent(PcscCardSlot::close);
        if (payment instanceof AutoCloseable device) {
            try {
                device.close(); // the coin slot is inhibited before the kiosk goes
            } catch (Exception e) {
                System.getLogger(Kiosk.class.getName()).log(System.Logger.Level.WARNING, "closing the payment device", e);
            }
        }
        endpoint.close();
        journal.close();
    }
}
