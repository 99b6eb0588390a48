package jp.certkiosk.app.assembly;

import jp.certkiosk.app.endpoint.IssuanceEndpoint;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.printer.Printer;

/**
 * What a harness may put around a kiosk's outside edges when {@link KioskAssembly} builds it: the
 * printer, the endpoint client, the card's APDU transport and the journal. The soak puts a jamming
 * printer in front of the real one, the bench puts stopwatches on them; everything between the
 * edges is built as the store's kiosk builds it. The store's kiosk uses {@link #none()}.
 *
 * @param printer around the configured printer (the engine and the staff console see the result)
 * @param endpoint around the mutual-TLS endpoint client, as the engine calls it
 * @param cardTransport around the transport of each card the reader hands the card service
 * @param journal around the durable journal, as the engine and the staff console write and read it
 */
public record Decorators(PrinterDecorator printer, EndpointDecorator endpoint, CardTransportDecorator cardTransport,
                         JournalDecorator journal) {
    /** Puts something around the printer. */
    @FunctionalInterface
    public interface PrinterDecorator {
        Printer around(Printer printer);
    }

    /** Puts something around the endpoint client. */
    @FunctionalInterface
    public interface EndpointDecorator {
        IssuanceEndpoint around(IssuanceEndpoint endpoint);
    }

    /** Puts something around a card's APDU transport. */
    @FunctionalInterface
    public interface CardTransportDecorator {
        ApduTransport around(ApduTransport transport);
    }

    /** Puts something around the journal. */
    @FunctionalInterface
    public interface JournalDecorator {
        Journal around(Journal journal);
    }

    public Decorators {
        java.util.Objects.requireNonNull(printer, "printer");
        java.util.Objects.requireNonNull(endpoint, "endpoint");
        java.util.Objects.requireNonNull(cardTransport, "cardTransport");
        java.util.Objects.requireNonNull(journal, "journal");
    }

    /** Nothing around anything: the kiosk as its configuration describes it. */
    public static Decorators none() {
        return new Decorators(p -> p, e -> e, t -> t, j -> j);
    }

    public Decorators withPrinter(PrinterDecorator around) {
        return new Decorators(around, endpoint, cardTransport, journal);
    }

    public Decorators withEndpoint(EndpointDecorator around) {
        return new Decorators(printer, around, cardTransport, journal);
    }

    public Decorators withCardTransport(CardTransportDecorator around) {
        return new Decorators(printer, endpoint, around, journal);
    }

    public Decorators withJournal(JournalDecorator around) {
        return new Decorators(printer, endpoint, cardTransport, around);
    }
}
