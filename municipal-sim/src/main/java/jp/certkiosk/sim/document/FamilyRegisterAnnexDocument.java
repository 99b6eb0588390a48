package jp.certkiosk.sim.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.sim.registry.FamilyRegister;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.RegisterPerson;

/**
 * 戸籍の附票の写し: the address history of the persons recorded in a family register, kept with
 * the register by the municipality of the registered domicile. For each person: 名 and 生年月日,
 * then each address with the date it was taken up (住所を定めた年月日), oldest first.
 */
public final class FamilyRegisterAnnexDocument {
    public static final String TITLE = DocumentType.FAMILY_REGISTER_ANNEX.japaneseTitle();
    static final String CERTIFICATION = "この写しは、戸籍の附票の原本と相違ないことを証明する。";

    private final CertificatePdfWriter writer;

    public FamilyRegisterAnnexDocument(CertificatePdfWriter writer) {
        this.writer = writer;
    }

    /** @throws UnprintableTextException if a character cannot be printed faithfully */
    public byte[] render(Municipality municipality, FamilyRegister register, String issuanceId, LocalDate issuedOn)
            throws UnprintableTextException {
        return writer.write(layout(municipality, register, issuanceId, issuedOn));
    }

    CertificateLayout layout(Municipality municipality, FamilyRegister register, String issuanceId, LocalDate issuedOn) {
        List<RegisterTable.Section> sections = new ArrayList<>();
        sections.add(new RegisterTable.Section(List.of("本籍"), List.of(register.domicile()), false));
        sections.add(new RegisterTable.Section(List.of("氏名"), List.of(register.headName()), true));
        for (RegisterPerson p : register.persons()) {
            sections.add(new RegisterTable.Section(List.of("附票に記録されている者"),
                    List.of("【名】" + p.givenName() + "　　【生年月日】" + JapaneseEraDate.format(p.birthDate())),
                    false, p.removed() ? "除籍" : null));
            for (int i = 0; i < p.addresses().size(); i++) {
                RegisterPerson.AnnexAddress address = p.addresses().get(i);
                sections.add(new RegisterTable.Section(List.of("住所"), List.of(address.address(),
                        "【住所を定めた年月日】" + JapaneseEraDate.format(address.since())),
                        i == p.addresses().size() - 1));
            }
        }
        LayoutBuilder page = new LayoutBuilder();
        RegisterTable.layout(page, sections, continued -> {
            CertificationBlock.simulatorMark(page);
            page.text(LayoutBuilder.LEFT, 812f, 10f, municipality.fullName());
            page.centered(LayoutBuilder.CENTER, 770f, 20f, continued ? TITLE + "（続き）" : TITLE);
        });
        CertificationBlock.add(page, CERTIFICATION, municipality, issuedOn, issuanceId);
        return page.build(TITLE);
    }
}
