package jp.certkiosk.sim.document;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import jp.certkiosk.api.IssuanceOptions.TaxCertificateKind;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.TaxRecord;

/**
 * 所得証明書, 課税証明書 or 所得・課税証明書 of a fiscal year (年度), as the municipality that
 * levied the tax prints it: the address on 1 January of the fiscal year (the assessment date),
 * name and date of birth; the income of the previous calendar year (給与収入, 給与所得, 合計所得金額,
 * 所得控除, 扶養親族数) and/or the municipal and prefectural tax of the year (課税標準額, 所得割,
 * 均等割, 年税額).
 */
public final class TaxCertificateDocument {
    static final String CERTIFICATION = "上記のとおり相違ないことを証明する。";
    private static final float LABEL_X = LayoutBuilder.LEFT + 10f;
    private static final float VALUE_RIGHT = 400f;
    private static final float LINE = 20f;

    private final CertificatePdfWriter writer;

    public TaxCertificateDocument(CertificatePdfWriter writer) {
        this.writer = writer;
    }

    /** The printed title, e.g. 所得・課税証明書. */
    public static String title(TaxCertificateKind kind) {
        return switch (kind) {
            case INCOME -> "所得証明書";
            case TAXATION -> "課税証明書";
            case INCOME_AND_TAXATION -> "所得・課税証明書";
        };
    }

    /**
     * 令和8年度 for 2026. A fiscal year named in the era most of it lies in: 2019 (April 2019 - March
     * 2020, 令和 from May) is 令和元年度, as municipalities wrote it.
     */
    public static String fiscalYear(int year) {
        JapaneseEraDate named = JapaneseEraDate.of(LocalDate.of(year, 12, 31));
        return named.era() + (named.year() == 1 ? "元" : Integer.toString(named.year())) + "年度";
    }

    /** @throws UnprintableTextException if a character cannot be printed faithfully */
    public byte[] render(Municipality municipality, Resident resident, TaxRecord tax, TaxCertificateKind kind,
                         String issuanceId, LocalDate issuedOn) throws UnprintableTextException {
        return writer.write(layout(municipality, resident, tax, kind, issuanceId, issuedOn));
    }

    CertificateLayout layout(Municipality municipality, Resident resident, TaxRecord tax, TaxCertificateKind kind,
                             String issuanceId, LocalDate issuedOn) {
        String title = title(kind);
        LayoutBuilder page = new LayoutBuilder();
        CertificationBlock.simulatorMark(page);
        page.text(LayoutBuilder.LEFT, 812f, 10f, municipality.fullName());
        page.centered(LayoutBuilder.CENTER, 770f, 20f, fiscalYear(tax.fiscalYear()) + "　" + title);

        float y = 730f;
        page.line(LayoutBuilder.LEFT, y + 14f, LayoutBuilder.RIGHT, y + 14f, 1.2f);
        page.text(LABEL_X, y, 10f, "住所（" + JapaneseEraDate.format(LocalDate.of(tax.fiscalYear(), 1, 1)) + "現在）");
        page.text(200f, y, 11f, tax.addressOnJanuaryFirst());
        float nameY = y - LINE - 4f;
        resident.name().reading().ifPresent(reading -> page.text(200f, nameY + 12f, 7f, reading));
        page.text(LABEL_X, nameY, 10f, "氏名");
        page.text(200f, nameY, 13f, resident.name().written());
        page.text(380f, nameY, 10f, "生年月日");
        page.text(430f, nameY, 11f, JapaneseEraDate.format(resident.birthDate()));
        float next = nameY - 14f;
        page.line(LayoutBuilder.LEFT, next, LayoutBuilder.RIGHT, next, 1.2f);
        next -= LINE;
        if (kind != TaxCertificateKind.TAXATION) {
            String incomeYear = JapaneseEraDate.of(LocalDate.of(tax.fiscalYear() - 1, 12, 31)).era()
                    + yearNumber(tax.fiscalYear() - 1) + "年中の所得";
            page.text(LABEL_X, next, 11f, "【所得】" + incomeYear);
            next -= LINE;
            next = row(page, next, "給与収入", yen(tax.salaryIncome()));
            next = row(page, next, "給与所得", yen(tax.employmentIncome()));
            next = row(page, next, "その他の所得", yen(tax.otherIncome()));
            next = row(page, next, "合計所得金額", yen(tax.totalIncome()));
            next = row(page, next, "所得控除額の合計", yen(tax.deductions()));
            next = row(page, next, "扶養親族の数", tax.dependents() + "人");
            page.rule(next + 8f);
            next -= 6f;
        }
        if (kind != TaxCertificateKind.INCOME) {
            page.text(LABEL_X, next, 11f, "【課税】" + fiscalYear(tax.fiscalYear()) + "の市町村民税・道府県民税");
            next -= LINE;
            next = row(page, next, "課税標準額", yen(tax.taxableIncome()));
            next = row(page, next, "市町村民税　所得割額", yen(tax.municipalIncomeLevy()));
            next = row(page, next, "市町村民税　均等割額", yen(tax.municipalPerCapita()));
            next = row(page, next, "道府県民税　所得割額", yen(tax.prefecturalIncomeLevy()));
            next = row(page, next, "道府県民税　均等割額", yen(tax.prefecturalPerCapita()));
            next = row(page, next, "年税額", yen(tax.annualTax()));
            page.rule(next + 8f);
        }
        page.right(LayoutBuilder.RIGHT - 10f, next - 10f, 10f, "以下余白");
        CertificationBlock.add(page, CERTIFICATION, municipality, issuedOn, issuanceId);
        return page.build(fiscalYear(tax.fiscalYear()) + " " + title);
    }

    private static float row(LayoutBuilder page, float y, String label, String value) {
        page.text(LABEL_X + 20f, y, 10f, label);
        page.right(VALUE_RIGHT, y, 11f, value);
        return y - LINE;
    }

    private static String yearNumber(int year) {
        int number = JapaneseEraDate.of(LocalDate.of(year, 12, 31)).year();
        return number == 1 ? "元" : Integer.toString(number);
    }

    private static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
    }
}
