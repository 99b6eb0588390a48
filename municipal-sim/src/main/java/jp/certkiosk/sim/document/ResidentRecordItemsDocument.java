package jp.certkiosk.sim.document;

import java.time.LocalDate;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;

/**
 * 住民票記載事項証明書: certifies the items of one person's resident record that an employer or
 * school asks for (name, date of birth, sex, address, the date they became a resident), without
 * the rest of the household.
 */
public final class ResidentRecordItemsDocument {
    public static final String TITLE = DocumentType.RESIDENT_RECORD_ITEMS.japaneseTitle();
    static final String CERTIFICATION = "上記の事項は、住民票に記載されていることを証明する。";

    private static final float LABEL_X = LayoutBuilder.LEFT + 10f;
    private static final float VALUE_X = 190f;

    private final CertificatePdfWriter writer;

    public ResidentRecordItemsDocument(CertificatePdfWriter writer) {
        this.writer = writer;
    }

    /** @throws UnprintableTextException if a character cannot be printed faithfully */
    public byte[] render(Municipality municipality, Household household, Resident resident, RecordDetails details,
                         String issuanceId, LocalDate issuedOn) throws UnprintableTextException {
        return writer.write(layout(municipality, household, resident, details, issuanceId, issuedOn));
    }

    CertificateLayout layout(Municipality municipality, Household household, Resident resident, RecordDetails details,
                             String issuanceId, LocalDate issuedOn) {
        LayoutBuilder page = new LayoutBuilder();
        CertificationBlock.simulatorMark(page);
        page.text(LayoutBuilder.LEFT, 812f, 10f, municipality.fullName());
        page.centered(LayoutBuilder.CENTER, 770f, 20f, TITLE);
        page.frame(LayoutBuilder.LEFT, 470f, LayoutBuilder.RIGHT - LayoutBuilder.LEFT, 260f);
        float y = 700f;
        resident.name().reading().ifPresent(reading -> page.text(VALUE_X, 714f, 7f, reading));
        page.text(LABEL_X, y, 10f, "氏名");
        page.text(VALUE_X, y, 13f, resident.name().written());
        y -= 36f;
        page.text(LABEL_X, y, 10f, "生年月日");
        page.text(VALUE_X, y, 11f, JapaneseEraDate.format(resident.birthDate()));
        page.text(330f, y, 10f, "性別");
        page.text(370f, y, 11f, resident.sex().japanese());
        y -= 36f;
        page.text(LABEL_X, y, 10f, "住所");
        page.text(VALUE_X, y, 11f, household.address());
        y -= 36f;
        page.text(LABEL_X, y, 10f, "住民となった年月日");
        page.text(VALUE_X, y, 11f, JapaneseEraDate.format(resident.residentSince()));
        y -= 36f;
        String previous = details.previousAddress(resident.residentId()).orElse(null);
        if (previous != null) {
            page.text(LABEL_X, y, 10f, "前住所");
            page.text(VALUE_X, y, 11f, previous);
            y -= 36f;
        }
        page.rule(y + 16f);
        page.right(LayoutBuilder.RIGHT - 10f, y, 10f, "以下余白");
        CertificationBlock.add(page, CERTIFICATION, municipality, issuedOn, issuanceId);
        return page.build(TITLE);
    }
}
