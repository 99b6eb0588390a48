package jp.certkiosk.printer;

import java.util.List;

/** Whether a printer can finish an order now, and the printer's own words for why not. */
public record PrinterStatus(boolean ready, List<String> reasons) {
    public PrinterStatus {
        reasons = List.copyOf(reasons);
    }

    public static PrinterStatus readyNow() {
        return new PrinterStatus(true, List.of());
    }
}
