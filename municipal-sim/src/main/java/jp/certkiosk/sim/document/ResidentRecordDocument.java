package jp.certkiosk.sim.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.sim.registry.ForeignResidence;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;

/**
 * 住民票の写し: a copy of the resident record of a household, as a municipality's server returns
 * it for a kiosk to print. Shows the address, the head of household, and for each member included
 * the name (with furigana where the register holds it), date of birth in the Japanese era, sex,
 * relationship to the head (続柄), the date they became a resident and, for foreign residents,
 * nationality and status of residence, and the previous address (前住所) where the register holds
 * one. A line under the title says which optional items were chosen. The resident-record code and
 * the My Number are never shown; 本籍 is not shown (the contract has no option asking for it yet).
 */
public final class ResidentRecordDocument {
    public static final String TITLE = DocumentType.RESIDENT_RECORD_COPY.japaneseTitle();
    static final String CERTIFICATION = "この写しは、住民票の原本と相違ないことを証明する。";

    private static final float LABEL_X = LayoutBuilder.LEFT + 10f;
    private static final float VALUE_X = 170f;
    private static final float MEMBERS_TOP = 690f;
    private static final float LINE = 18f;

    private final CertificatePdfWriter writer;

    public ResidentRecordDocument(CertificatePdfWriter writer) {
        this.writer = writer;
    }

    /**
     * The PDF of the copy.
     *
     * @param members the members to include, in register order (the whole household by default)
     * @throws UnprintableTextException if a character cannot be printed faithfully
     */
    public byte[] render(Municipality municipality, Household household, List<Resident> members, String issuanceId,
                         LocalDate issuedOn) throws UnprintableTextException {
        return render(municipality, household, members, RecordDetails.none(), issuanceId, issuedOn);
    }

    /** The same, with each member's previous address and the options chosen. */
    public byte[] render(Municipality municipality, Household household, List<Resident> members, RecordDetails details,
                         String issuanceId, LocalDate issuedOn) throws UnprintableTextException {
        return writer.write(layout(municipality, household, members, details, issuanceId, issuedOn));
    }

    CertificateLayout layout(Municipality municipality, Household household, List<Resident> members,
                             String issuanceId, LocalDate issuedOn) {
        return layout(municipality, household, members, RecordDetails.none(), issuanceId, issuedOn);
    }

    CertificateLayout layout(Municipality municipality, Household household, List<Resident> members,
                             RecordDetails details, String issuanceId, LocalDate issuedOn) {
        LayoutBuilder page = new LayoutBuilder();
        header(page, municipality, household, false, details.options());
        page.centered(LayoutBuilder.CENTER, 752f, 8f, details.options().line());
        float y = MEMBERS_TOP;
        for (Resident member : members) {
            List<String[]> lines = lines(member, details);
            float height = 30f + LINE * lines.size();
            if (y - height < CertificationBlock.TOP) {
                header(page.newPage(), municipality, household, true, details.options());
                y = MEMBERS_TOP;
            }
            float nameY = y - 26f;
            member.name().reading().ifPresent(reading -> page.text(VALUE_X, nameY + 14f, 7f, reading));
            page.text(LABEL_X, nameY, 10f, "氏名");
            page.text(VALUE_X, nameY, 13f, member.name().written());
            float lineY = nameY;
            for (String[] line : lines) {
                lineY -= LINE;
                for (int i = 0; i + 1 < line.length; i += 2) {
                    float labelX = i == 0 ? LABEL_X : (i == 2 ? 330f : 420f);
                    float valueX = i == 0 ? VALUE_X : labelX + 35f;
                    page.text(labelX, lineY, 10f, line[i]);
                    page.text(valueX, lineY, 11f, line[i + 1]);
                }
            }
            y -= height;
            page.rule(y);
        }
        if (y - 22f < CertificationBlock.TOP) {
            header(page.newPage(), municipality, household, true, details.options());
            y = MEMBERS_TOP;
        }
        page.right(LayoutBuilder.RIGHT - 10f, y - 16f, 10f, "以下余白");
        CertificationBlock.add(page, CERTIFICATION, municipality, issuedOn, issuanceId);
        return page.build(TITLE);
    }

    /** The lines under a member's name, as label/value pairs (the first line holds three pairs). */
    private static List<String[]> lines(Resident member, RecordDetails details) {
        List<String[]> lines = new ArrayList<>();
        lines.add(details.options().headAndRelationship()
                ? new String[] {
                    "生年月日", JapaneseEraDate.format(member.birthDate()),
                    "性別", member.sex().japanese(),
                    "続柄", member.relationship()}
                : new String[] {
                    "生年月日", JapaneseEraDate.format(member.birthDate()),
                    "性別", member.sex().japanese()});
        lines.add(new String[] {"住民となった年月日", JapaneseEraDate.format(member.residentSince())});
        details.previousAddress(member.residentId()).ifPresent(previous ->
                lines.add(new String[] {"前住所", previous}));
        if (member.foreignResidence().isPresent()) {
            ForeignResidence foreign = member.foreignResidence().get();
            lines.add(new String[] {"国籍・地域", foreign.nationality()});
            lines.add(new String[] {"在留資格", foreign.statusOfResidence()});
            foreign.periodOfStayEnds().ifPresent(end ->
                    lines.add(new String[] {"在留期間等の満了の日", JapaneseEraDate.format(end)}));
        }
        return lines;
    }

    private static void header(LayoutBuilder page, Municipality municipality, Household household,
                               boolean continued, RecordOptions options) {
        CertificationBlock.simulatorMark(page);
        page.text(LayoutBuilder.LEFT, 812f, 10f, municipality.fullName());
        page.centered(LayoutBuilder.CENTER, 770f, 20f, continued ? TITLE + "（続き）" : TITLE);
        page.text(LABEL_X, 735f, 10f, "住所");
        page.text(VALUE_X, 735f, 11f, household.address());
        if (options.headAndRelationship()) {
            page.text(LABEL_X, 712f, 10f, "世帯主");
            household.head().ifPresent(head -> page.text(VALUE_X, 712f, 11f, head.name().written()));
        }
        page.rule(MEMBERS_TOP + 10f);
    }
}
