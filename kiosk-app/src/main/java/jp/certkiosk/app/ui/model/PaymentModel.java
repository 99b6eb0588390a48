package jp.certkiosk.app.ui.model;

import java.util.List;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;

/** The fee, what was inserted and what is still due; in a demo, coins and bills to insert. */
public final class PaymentModel extends ScreenModel {
    /** A coin or bill the demo can insert, with its caption. */
    public record Cash(int yen, String caption) {}

    public final Cell<String> fee = new Cell<>("");
    public final Cell<String> inserted = new Cell<>("");
    public final Cell<String> due = new Cell<>("");
    public final Cell<String> hint = new Cell<>("");
    public final Cell<String> demoLabel = new Cell<>("");
    public final Cell<List<Cash>> demoCash = new Cell<>(List.of());
    public final Cell<String> cancel = new Cell<>("");

    PaymentModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("pay.title"));
        if (kiosk.state() instanceof FlowState.Paying paying) {
            fee.set(text.format("pay.fee", paying.issuance().feeYen()));
            inserted.set(text.format("pay.inserted", paying.paidYen()));
            due.set(text.format("pay.due", paying.dueYen()));
        }
        hint.set(text.text("pay.hint"));
        demoLabel.set(text.text("pay.demo"));
        demoCash.set(kiosk.demo.isEmpty() ? List.of() : SimulatedPaymentDevice.DENOMINATIONS.stream()
                .map(yen -> new Cash(yen, text.format("menu.fee", yen))).toList());
        cancel.set(text.text("cancel"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.payment");
    }

    /** Demo only: a coin or bill into the simulated acceptor. */
    public void insert(int yen) {
        kiosk.touch();
        kiosk.demo.ifPresent(demo -> kiosk.setup.background().execute(() -> demo.insertMoney(yen)));
    }

    public void cancel() {
        kiosk.cancel();
    }

    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ESCAPE) {
            cancel();
        }
    }
}
