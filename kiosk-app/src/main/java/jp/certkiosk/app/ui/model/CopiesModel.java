package jp.certkiosk.app.ui.model;

import java.util.List;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;

/** How many copies, and the fee before paying. */
public final class CopiesModel extends ScreenModel {
    public final Cell<String> document = new Cell<>("");
    /** What the chosen options make of it: 全部事項 or whose 個人事項, the tax certificate and its year. */
    public final Cell<String> detail = new Cell<>("");
    public final Cell<String> perCopy = new Cell<>("");
    public final Cell<String> count = new Cell<>("");
    public final Cell<String> total = new Cell<>("");
    public final Cell<String> japaneseOnly = new Cell<>("");
    public final Cell<Boolean> fewerEnabled = new Cell<>(false);
    public final Cell<Boolean> moreEnabled = new Cell<>(true);
    public final Cell<String> fewer = new Cell<>("");
    public final Cell<String> more = new Cell<>("");
    public final Cell<String> pay = new Cell<>("");
    public final Cell<String> back = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");

    CopiesModel(KioskModel kiosk) {
        super(kiosk);
    }

    public int copies() {
        return kiosk.choice.copies;
    }

    @Override
    protected void refresh(Messages text) {
        DocumentChoice choice = kiosk.choice;
        title.set(text.text("copies.title"));
        if (choice.offer != null) {
            document.set(MenuModel.documentName(choice.offer, text));
            perCopy.set(text.format("copies.perCopy", choice.offer.feeYen()));
        }
        detail.set(detail(choice, text));
        count.set(text.format("copies.count", choice.copies));
        total.set(text.format("copies.total", choice.fee()));
        japaneseOnly.set(text.text("copies.japaneseOnly"));
        fewerEnabled.set(choice.copies > 1);
        moreEnabled.set(choice.copies < Flow.MAX_COPIES);
        fewer.set(text.text("copies.fewer"));
        more.set(text.text("copies.more"));
        pay.set(text.text("copies.pay"));
        back.set(text.text("back"));
        cancel.set(text.text("cancel"));
    }

    private String detail(DocumentChoice choice, Messages text) {
        if (choice.offer == null || !(kiosk.state() instanceof FlowState.ChoosingDocument choosing)) {
            return "";
        }
        return switch (choice.optionsStage(choosing.session().menu())) {
            case REGISTER_OPTIONS -> choice.registerExtent == IssuanceOptions.RegisterExtent.ALL
                    ? text.text("registerOptions.all")
                    : text.format("copies.registerPerson", choosing.session().menu().familyRegister().persons().stream()
                            .filter(p -> p.memberRef().equals(choice.registerPerson))
                            .map(p -> p.displayName()).findFirst().orElse(""));
            case TAX_OPTIONS -> text.format("copies.tax", text.text("taxKind." + choice.taxKind.name()),
                    TaxOptionsModel.fiscalYear(choice.fiscalYear, text));
            default -> "";
        };
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.copies");
    }

    public void more() {
        kiosk.touch();
        kiosk.choice.copies(kiosk.choice.copies + 1);
        kiosk.update();
    }

    public void fewer() {
        kiosk.touch();
        kiosk.choice.copies(kiosk.choice.copies - 1);
        kiosk.update();
    }

    /** Asks the flow for the document: it reserves it, and the fee is paid before a page is printed. */
    public void pay() {
        kiosk.touch();
        DocumentChoice choice = kiosk.choice;
        if (choice.offer == null || !(kiosk.state() instanceof FlowState.ChoosingDocument choosing)) {
            return;
        }
        kiosk.run(new FlowEvent.DocumentChosen(choice.offer.type(), choice.copies,
                choice.options(choosing.session().menu())));
    }

    /** Back to the options where the document has any, else to the menu. */
    public void back() {
        kiosk.touch();
        DocumentChoice choice = kiosk.choice;
        if (kiosk.state() instanceof FlowState.ChoosingDocument choosing && choice.hasOptions(choosing.session().menu())) {
            choice.stage = choice.optionsStage(choosing.session().menu());
        } else {
            choice.forget();
        }
        kiosk.update();
    }

    public void cancel() {
        kiosk.cancel();
    }

    /** Keypad: a digit is the number of copies (0 means ten), Enter pays, Escape goes back. */
    @Override
    protected void key(KeypadKey key) {
        if (key.isDigit()) {
            kiosk.touch();
            kiosk.choice.copies(key.number() == 0 ? 10 : key.number());
            kiosk.update();
        } else if (key == KeypadKey.ENTER) {
            pay();
        } else if (key == KeypadKey.ESCAPE) {
            back();
        }
    }
}
