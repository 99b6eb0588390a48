package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.IssuanceOptions.TaxCertificateKind;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.ui.model.OptionsModel.Option;

/**
 * A tax certificate: which one (所得, 課税, or both on one sheet) and the fiscal year (年度), among
 * the years the municipality offers. The newest year is chosen to begin with.
 */
public final class TaxOptionsModel extends ChoosingStepModel {
    /** The first fiscal year of the Reiwa era (令和元年度). */
    static final int REIWA_FIRST_YEAR = 2019;

    public final Cell<List<Option>> kinds = new Cell<>(List.of());
    public final Cell<List<Option>> years = new Cell<>(List.of());
    /** What the chosen year means: whose income, and who issues it. */
    public final Cell<String> yearNote = new Cell<>("");
    public final Cell<Boolean> nextEnabled = new Cell<>(true);
    public final Cell<String> next = new Cell<>("");
    public final Cell<String> back = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");

    TaxOptionsModel(KioskModel kiosk) {
        super(kiosk);
    }

    /** The fiscal year in the screen's words: 「2026年度（令和8年度）」, "FY 2026 (Reiwa 8)". */
    static String fiscalYear(int year, Messages text) {
        return text.format("taxOptions.year", year, year - REIWA_FIRST_YEAR + 1);
    }

    @Override
    protected void refresh(Messages text) {
        DocumentChoice choice = kiosk.choice;
        title.set(text.text("taxOptions.title"));
        List<Option> shownKinds = new ArrayList<>();
        for (TaxCertificateKind kind : TaxCertificateKind.values()) {
            shownKinds.add(new Option("tax-" + kind.name(), text.text("taxOptions.kind." + kind.name()), choice.taxKind == kind,
                    () -> chooseKind(kind)));
        }
        kinds.set(List.copyOf(shownKinds));
        List<Option> shownYears = new ArrayList<>();
        Menu menu = menu();
        if (menu != null) {
            for (int year : menu.fiscalYears()) {
                shownYears.add(new Option("year-" + year, fiscalYear(year, text),
                        choice.fiscalYear != null && choice.fiscalYear == year, () -> chooseYear(year)));
            }
        }
        years.set(List.copyOf(shownYears));
        yearNote.set(choice.fiscalYear == null ? ""
                : text.format("taxOptions.yearNote", choice.fiscalYear, choice.fiscalYear - 1));
        nextEnabled.set(choice.taxOptionsComplete());
        next.set(text.text("options.next"));
        back.set(text.text("back"));
        cancel.set(text.text("cancel"));
    }

    private Menu menu() {
        return kiosk.state() instanceof FlowState.ChoosingDocument choosing ? choosing.session().menu() : null;
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.taxOptions");
    }

    public void chooseKind(TaxCertificateKind kind) {
        kiosk.touch();
        kiosk.choice.taxKind = kind;
        kiosk.update();
    }

    /** Only a year the municipality offers can be chosen. */
    public void chooseYear(int year) {
        kiosk.touch();
        Menu menu = menu();
        if (menu != null && menu.fiscalYears().contains(year)) {
            kiosk.choice.fiscalYear = year;
        }
        kiosk.update();
    }

    public void next() {
        nextWhen(kiosk.choice.taxOptionsComplete());
    }

    /** Keypad: 1 to 3 the certificate, 4… the years newest first; Enter goes on, Escape back to the menu. */
    @Override
    protected void key(KeypadKey key) {
        TaxCertificateKind[] all = TaxCertificateKind.values();
        if (key == KeypadKey.ENTER) {
            next();
        } else if (key == KeypadKey.ESCAPE) {
            back();
        } else if (key.isDigit() && key.number() >= 1 && key.number() <= all.length) {
            chooseKind(all[key.number() - 1]);
        } else if (key.isDigit() && key.number() > all.length && menu() != null
                && key.number() - all.length - 1 < menu().fiscalYears().size()) {
            chooseYear(menu().fiscalYears().get(key.number() - all.length - 1));
        }
    }
}
