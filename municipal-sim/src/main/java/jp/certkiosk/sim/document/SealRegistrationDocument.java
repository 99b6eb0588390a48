package jp.certkiosk.sim.document;

import java.time.LocalDate;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;

/**
 * 印鑑登録証明書: certifies the impression of a resident's registered seal. The simulator draws
 * the impression from the register's text of the seal (usually the family name) as a round red
 * seal: a double rim with the characters stacked inside, as a 実印 is cut.
 */
public final class SealRegistrationDocument {
    public static final String TITLE = DocumentType.SEAL_REGISTRATION.japaneseTitle();
    static final String CERTIFICATION = "この写しは、登録された印影と相違ないことを証明する。";

    private static final float LABEL_X = LayoutBuilder.LEFT + 10f;

    private final CertificatePdfWriter writer;

    public SealRegistrationDocument(CertificatePdfWriter writer) {
        this.writer = writer;
    }

    /** @throws UnprintableTextException if a character cannot be printed faithfully */
    public byte[] render(Municipality municipality, Household household, Resident resident, String issuanceId,
                         LocalDate issuedOn) throws UnprintableTextException {
        return render(municipality, household, resident, RecordDetails.none(), issuanceId, issuedOn);
    }

    /** The same, with the registered impression's text from the register. */
    public byte[] render(Municipality municipality, Household household, Resident resident, RecordDetails details,
                         String issuanceId, LocalDate issuedOn) throws UnprintableTextException {
        return writer.write(layout(municipality, household, resident, details, issuanceId, issuedOn));
    }

    CertificateLayout layout(Municipality municipality, Household household, Resident resident, String issuanceId,
                             LocalDate issuedOn) {
        return layout(municipality, household, resident, RecordDetails.none(), issuanceId, issuedOn);
    }

    CertificateLayout layout(Municipality municipality, Household household, Resident resident, RecordDetails details,
                             String issuanceId, LocalDate issuedOn) {
        LayoutBuilder page = new LayoutBuilder();
        CertificationBlock.simulatorMark(page);
        page.text(LayoutBuilder.LEFT, 812f, 10f, municipality.fullName());
        page.centered(LayoutBuilder.CENTER, 770f, 20f, TITLE);

        page.text(LABEL_X, 700f, 10f, "印影");
        page.frame(LABEL_X, 560f, 130f, 130f);
        String impression = details.sealImpression(resident.residentId()).orElse(familyName(resident));
        page.impression(LABEL_X + 65f, 625f, 46f, impression);

        float valueX = 290f;
        resident.name().reading().ifPresent(reading -> page.text(valueX, 664f, 7f, reading));
        page.text(220f, 650f, 10f, "氏名");
        page.text(valueX, 650f, 13f, resident.name().written());
        page.text(220f, 620f, 10f, "生年月日");
        page.text(valueX, 620f, 11f, JapaneseEraDate.format(resident.birthDate()));
        page.text(220f, 590f, 10f, "性別");
        page.text(valueX, 590f, 11f, resident.sex().japanese());
        page.text(LABEL_X, 520f, 10f, "住所");
        page.text(120f, 520f, 11f, household.address());
        page.rule(500f);
        page.right(LayoutBuilder.RIGHT - 10f, 484f, 10f, "以下余白");

        CertificationBlock.add(page, CERTIFICATION, municipality, issuedOn, issuanceId);
        return page.build(TITLE);
    }

    private static String familyName(Resident resident) {
        String written = resident.name().written().strip();
        int space = written.indexOf(' ');
        return space > 0 ? written.substring(0, space) : written;
    }
}
