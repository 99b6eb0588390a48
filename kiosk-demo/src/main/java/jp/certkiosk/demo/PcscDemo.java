package jp.certkiosk.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.IssuedCard;

/**
 * The headless demo on a PC/SC reader: the card placed in the reader (e.g. with
 * {@code ./kiosk card insert --profile adult}) is read through pcscd; the card watcher tells the flow
 * it was placed. The demo plays the resident: it types the PIN the simulator personalised the card
 * with (found by the certificate the kiosk read) and asks for a resident-record copy.
 */
public final class PcscDemo {
    private static final long WAIT_MILLIS = 20_000;

    private PcscDemo() {
    }

    /** Runs one issuance; returns the exit code (0 when a document was issued). */
    public static int run(Path data, PrinterConfig printer, String reader) throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.startOnPcsc(data, printer, Clock.systemDefaultZone(), reader)) {
            System.out.println("Kiosk " + demo.config().kioskId() + " (headless demo), endpoint "
                    + demo.config().endpoint().baseUri() + ", reader: " + demo.kiosk().readerName());
            KioskEngine engine = demo.engine();
            FlowState state = awaitResident(engine);
            if (state instanceof FlowState.EnteringPin entering) {
                Optional<IssuedCard> card = demo.simulator().cards().stream()
                        .filter(c -> sameCertificate(c, entering)).findFirst();
                if (card.isEmpty()) {
                    System.out.println("The card in the reader is not one of the simulator's cards; no PIN to type.");
                    engine.dispatch(new FlowEvent.Cancelled());
                    return 1;
                }
                System.out.println("Card in the reader: '" + card.get().profile() + "', " + entering.triesLeft()
                        + " PIN tries left");
                char[] digits = card.get().pin().toCharArray();
                try {
                    state = engine.dispatch(new FlowEvent.PinEntered(Pin.typed(digits)));
                } finally {
                    java.util.Arrays.fill(digits, '\0');
                }
            }
            if (state instanceof FlowState.ChoosingDocument) {
                state = engine.dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));
            }
            if (state instanceof FlowState.Paying paying) {
                // the demo's resident pays the exact fee into the simulated acceptor
                System.out.println("Fee: " + paying.dueYen() + " yen");
                state = engine.dispatch(new FlowEvent.CashInserted(paying.dueYen()));
            }
            if (!(state instanceof FlowState.TakeCard take)) {
                System.out.println("Outcome: stopped in " + state.getClass().getSimpleName());
                return 1;
            }
            Outcome outcome = take.outcome();
            System.out.println("Outcome: " + outcome.code());
            if (!(outcome instanceof Outcome.Issued issued)) {
                System.out.println("No document was issued.");
                return 1;
            }
            System.out.println("Issued " + DocumentType.RESIDENT_RECORD_COPY.japaneseTitle() + " " + outcome.issuanceId()
                    + (printer.kind() == PrinterConfig.Kind.FILE ? "; the PDF is at " : "; printed on ") + issued.location());
            System.out.println("Take your card: ./kiosk card remove");
            return 0;
        }
    }

    /** Waits until the watcher has placed the card and the flow asks the resident something. */
    private static FlowState awaitResident(KioskEngine engine) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        FlowState state = engine.state();
        while (!(state instanceof FlowState.EnteringPin) && !(state instanceof FlowState.TakeCard)
                && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            state = engine.state();
        }
        return state;
    }

    private static boolean sameCertificate(IssuedCard card, FlowState.EnteringPin entering) {
        try {
            return java.util.Arrays.equals(card.authCertificate().getEncoded(), entering.card().certificate());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
