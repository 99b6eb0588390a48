package jp.certkiosk.sim.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.sim.pki.CertificateCondition;

/**
 * The registry's content on first run, and the one place where the virtual cards and their PINs
 * are defined.
 *
 * <p>Everything here is fictional: 若葉県 is not a prefecture, the codes 9990xx are not local
 * government codes (real ones start with a prefecture number 01-47), and the people, addresses
 * and mayors are invented for tests and demos.
 */
public final class SeedData {
    public static final String SAKURAGAWA = "999001";
    public static final String AOBA = "999002";

    /** Fictional municipalities offering convenience-store issuance. */
    public static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality(SAKURAGAWA, "若葉県", "桜川市", "森田 健司"),
            new Municipality(AOBA, "若葉県", "青葉町", "小川 直子"));

    /** What each municipality offers at kiosks, with the fee per copy in yen. */
    public static final Map<String, List<DocumentOffer>> OFFERS = Map.of(
            SAKURAGAWA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 200), offer(DocumentType.SEAL_REGISTRATION, 200)),
            AOBA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 300)));

    public static final List<Household> HOUSEHOLDS = List.of(
            new Household("H-0001", SAKURAGAWA, "若葉県桜川市本町一丁目2番3号", List.of(
                    japanese("R-0001", "H-0001", "山田 太郎", "やまだ たろう", LocalDate.of(1980, 4, 15), Sex.MALE,
                            "世帯主", LocalDate.of(2008, 4, 1), true),
                    japanese("R-0002", "H-0001", "山田 花子", "やまだ はなこ", LocalDate.of(1989, 1, 8), Sex.FEMALE,
                            "妻", LocalDate.of(2012, 6, 1), true),
                    japanese("R-0003", "H-0001", "山田 一郎", "やまだ いちろう", LocalDate.of(2015, 3, 20), Sex.MALE,
                            "子", LocalDate.of(2015, 3, 20), false))),
            new Household("H-0002", SAKURAGAWA, "若葉県桜川市緑町三丁目4番5号 さくらハイツ201号", List.of(
                    new Resident("R-0004", "H-0002", PersonName.of("NGUYEN VAN AN", "グエン ヴァン アン"),
                            LocalDate.of(1995, 9, 2), Sex.MALE, "世帯主", LocalDate.of(2021, 4, 1),
                            Optional.of(new ForeignResidence("ベトナム", "技術・人文知識・国際業務",
                                    Optional.of(LocalDate.of(2027, 3, 31)))),
                            ResidentStatus.REGISTERED, false, false))),
            new Household("H-0003", AOBA, "若葉県青葉町栄二丁目7番地1", List.of(
                    japanese("R-0005", "H-0003", "佐藤 美咲", "さとう みさき", LocalDate.of(1992, 11, 30), Sex.FEMALE,
                            "世帯主", LocalDate.of(2018, 4, 1), true))),
            new Household("H-0004", SAKURAGAWA, "若葉県桜川市栄町五丁目1番1号", List.of(
                    japanese("R-0006", "H-0004", "高橋 健一", "たかはし けんいち", LocalDate.of(1975, 2, 10), Sex.MALE,
                            "世帯主", LocalDate.of(1975, 2, 10), false))),
            new Household("H-0005", SAKURAGAWA, "若葉県桜川市川端町八丁目9番10号", List.of(
                    new Resident("R-0007", "H-0005", PersonName.of("伊藤 さくら", "いとう さくら"),
                            LocalDate.of(1990, 7, 7), Sex.FEMALE, "世帯主", LocalDate.of(2023, 10, 1), Optional.empty(),
                            // under DV / stalking support measures: never issued at a kiosk
                            ResidentStatus.REGISTERED, true, false))));

    /** The virtual cards, their PINs, certificate conditions and residents. */
    public static final List<SeedCard> CARDS = List.of(
            new SeedCard("adult", "1234", CertificateCondition.VALID, Optional.of("R-0001")),
            new SeedCard("spouse", "5678", CertificateCondition.VALID, Optional.of("R-0002")),
            new SeedCard("foreign", "2468", CertificateCondition.VALID, Optional.of("R-0004")),
            new SeedCard("single", "1357", CertificateCondition.VALID, Optional.of("R-0005")),
            new SeedCard("expired", "9753", CertificateCondition.EXPIRED, Optional.of("R-0006")),
            new SeedCard("not-yet-valid", "8024", CertificateCondition.NOT_YET_VALID, Optional.of("R-0006")),
            new SeedCard("unknown-issuer", "8642", CertificateCondition.UNKNOWN_ISSUER, Optional.empty()),
            new SeedCard("unregistered", "3141", CertificateCondition.VALID, Optional.empty()),
            new SeedCard("restricted", "7070", CertificateCondition.VALID, Optional.of("R-0007")));

    private SeedData() {}

    private static DocumentOffer offer(DocumentType type, int feeYen) {
        return new DocumentOffer(type, type.japaneseTitle(), feeYen);
    }

    private static Resident japanese(String id, String household, String name, String reading, LocalDate birth,
                                     Sex sex, String relationship, LocalDate since, boolean sealRegistered) {
        return new Resident(id, household, PersonName.of(name, reading), birth, sex, relationship, since,
                Optional.empty(), ResidentStatus.REGISTERED, false, sealRegistered);
    }
}
