package jp.certkiosk.sim.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.sim.registry.FamilyRegister;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.RegisterPerson;

/**
 * 戸籍証明書 in the computerized horizontal format (横書き), as the family-register office prints
 * it: 本籍 and 氏名 (the head, 筆頭者), 戸籍事項 (how the register was made), then each person
 * recorded (戸籍に記録されている者) with 名, 生年月日, 配偶者区分, 父, 母, 続柄 and the personal
 * events (身分事項: 出生, 婚姻, 分籍 …); a person who left the register is marked 除籍. The
 * 全部事項証明書 shows every person, the 個人事項証明書 one; a large register runs over several sheets.
 */
public final class FamilyRegisterDocument {
    public static final String WHOLE_TITLE = "戸籍全部事項証明書";
    public static final String INDIVIDUAL_TITLE = "戸籍個人事項証明書";
    static final String WHOLE_CERTIFICATION = "これは、戸籍に記録されている事項の全部を証明した書面である。";
    static final String INDIVIDUAL_CERTIFICATION =
            "これは、戸籍中の一部の者について記録されている事項の全部を証明した書面である。";

    private final CertificatePdfWriter writer;

    public FamilyRegisterDocument(CertificatePdfWriter writer) {
        this.writer = writer;
    }

    /**
     * @param person the person of a 個人事項証明書, or null for the 全部事項証明書
     * @throws UnprintableTextException if a character cannot be printed faithfully
     */
    public byte[] render(Municipality municipality, FamilyRegister register, RegisterPerson person, String issuanceId,
                         LocalDate issuedOn) throws UnprintableTextException {
        return writer.write(layout(municipality, register, person, issuanceId, issuedOn));
    }

    CertificateLayout layout(Municipality municipality, FamilyRegister register, RegisterPerson person,
                             String issuanceId, LocalDate issuedOn) {
        boolean whole = person == null;
        String title = whole ? WHOLE_TITLE : INDIVIDUAL_TITLE;
        List<RegisterTable.Section> sections = new ArrayList<>();
        sections.add(new RegisterTable.Section(List.of("本籍"), List.of(register.domicile()), false));
        sections.add(new RegisterTable.Section(List.of("氏名"), List.of(register.headName()), false));
        sections.add(new RegisterTable.Section(List.of("戸籍事項", "戸籍" + register.compiledBy()),
                List.of("", "【" + register.compiledBy() + "日】" + JapaneseEraDate.format(register.compiledOn())), true));
        for (RegisterPerson p : whole ? register.persons() : List.of(person)) {
            sections.addAll(personSections(p));
        }
        LayoutBuilder page = new LayoutBuilder();
        RegisterTable.layout(page, sections, continued -> header(page, municipality, title, continued));
        CertificationBlock.add(page, whole ? WHOLE_CERTIFICATION : INDIVIDUAL_CERTIFICATION, municipality, issuedOn,
                issuanceId);
        return page.build(title);
    }

    private static List<RegisterTable.Section> personSections(RegisterPerson p) {
        List<RegisterTable.Section> sections = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("【名】" + p.givenName());
        lines.add("【生年月日】" + JapaneseEraDate.format(p.birthDate())
                + (p.spouseRole() == null ? "" : "　　【配偶者区分】" + p.spouseRole()));
        lines.add("【父】" + (p.father() == null ? "" : p.father()));
        lines.add("【母】" + (p.mother() == null ? "" : p.mother()));
        lines.add("【続柄】" + p.relationship());
        sections.add(new RegisterTable.Section(List.of("戸籍に記録されている者"), lines, false,
                p.removed() ? "除籍" : null));
        for (int i = 0; i < p.events().size(); i++) {
            RegisterPerson.StatusEntry event = p.events().get(i);
            List<String> labels = i == 0 ? List.of("身分事項", event.kind()) : List.of(event.kind());
            List<String> eventLines = new ArrayList<>();
            if (i == 0) {
                eventLines.add("");
            }
            for (RegisterPerson.StatusEntry.Item item : event.items()) {
                eventLines.add(item.label() + (item.date() != null ? JapaneseEraDate.format(item.date()) : item.text()));
            }
            boolean last = i == p.events().size() - 1;
            sections.add(new RegisterTable.Section(i == 0 ? labels : List.of("　" + event.kind()), eventLines, last));
        }
        return sections;
    }

    private static void header(LayoutBuilder page, Municipality municipality, String title, boolean continued) {
        CertificationBlock.simulatorMark(page);
        page.text(LayoutBuilder.LEFT, 812f, 10f, municipality.fullName());
        page.centered(LayoutBuilder.CENTER, 770f, 20f, continued ? title + "（続き）" : title);
        page.right(LayoutBuilder.RIGHT, 750f, 9f, title.contains("全部") ? "全部事項証明" : "個人事項証明");
    }
}
