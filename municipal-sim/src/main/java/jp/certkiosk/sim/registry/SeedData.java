package jp.certkiosk.sim.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.certkiosk.api.IssuanceOptions.RecordItem;
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
    public static final String MATSUBARA = "999003";
    /** The resident whose name needs IPAmj Mincho. */
    public static final String RARE_NAME_RESIDENT = "R-0020";
    /** The resident whose name holds a character no font has. */
    public static final String UNPRINTABLE_NAME_RESIDENT = "R-0021";

    /** Fictional municipalities offering convenience-store issuance. */
    public static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality(SAKURAGAWA, "若葉県", "桜川市", "森田 健司"),
            new Municipality(AOBA, "若葉県", "青葉町", "小川 直子"),
            new Municipality(MATSUBARA, "若葉県", "松原村", "石井 誠"));

    /** What each municipality offers at kiosks, with the fee per copy in yen. */
    public static final Map<String, List<DocumentOffer>> OFFERS = Map.of(
            SAKURAGAWA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 200), offer(DocumentType.SEAL_REGISTRATION, 200),
                    offer(DocumentType.RESIDENT_RECORD_ITEMS, 200)),
            AOBA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 300)),
            MATSUBARA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 250),
                    offer(DocumentType.RESIDENT_RECORD_ITEMS, 250), offer(DocumentType.SEAL_REGISTRATION, 250),
                    offer(DocumentType.FAMILY_REGISTER, 450), offer(DocumentType.TAX_CERTIFICATE, 300)));

    /**
     * How each municipality runs its kiosk service: 6:30-23:00, closed Dec 29 - Jan 3,
     * family-register documents on weekdays only, and the optional items each allows (My Number
     * only in 松原村).
     */
    public static final List<KioskService> SERVICES = List.of(
            service(SAKURAGAWA, Set.of(RecordItem.HEAD_AND_RELATIONSHIP, RecordItem.REGISTERED_DOMICILE,
                    RecordItem.NATIONALITY_AND_STATUS)),
            service(AOBA, Set.of(RecordItem.HEAD_AND_RELATIONSHIP, RecordItem.NATIONALITY_AND_STATUS)),
            service(MATSUBARA, Set.of(RecordItem.values())));

    private static final RegisteredDomicile YAMADA_DOMICILE = new RegisteredDomicile("若葉県桜川市本町一丁目2番", "山田 太郎");
    private static final RegisteredDomicile MATSUMOTO_DOMICILE = new RegisteredDomicile("若葉県松原村大字松原1234番地", "松本 大輔");

    public static final List<Household> HOUSEHOLDS = List.of(
            new Household("H-0001", SAKURAGAWA, "若葉県桜川市本町一丁目2番3号", List.of(
                    japanese("R-0001", "H-0001", "山田 太郎", "やまだ たろう", LocalDate.of(1980, 4, 15), Sex.MALE,
                            "世帯主", LocalDate.of(2008, 4, 1), true).withDomicile(YAMADA_DOMICILE),
                    japanese("R-0002", "H-0001", "山田 花子", "やまだ はなこ", LocalDate.of(1989, 1, 8), Sex.FEMALE,
                            "妻", LocalDate.of(2012, 6, 1), true).withDomicile(YAMADA_DOMICILE),
                    japanese("R-0003", "H-0001", "山田 一郎", "やまだ いちろう", LocalDate.of(2015, 3, 20), Sex.MALE,
                            "子", LocalDate.of(2015, 3, 20), false).withDomicile(YAMADA_DOMICILE))),
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
                            ResidentStatus.REGISTERED, true, false))),
            // The cases a kiosk refuses ("please use the counter"), and more residents for many kiosks at once.
            new Household("H-0006", SAKURAGAWA, "若葉県桜川市本町四丁目1番2号", List.of(
                    new Resident("R-0008", "H-0006", PersonName.of("中村 浩二", "なかむら こうじ"), LocalDate.of(1968, 5, 5),
                            Sex.MALE, "世帯主", LocalDate.of(1999, 4, 1), Optional.empty(), ResidentStatus.MOVED_OUT,
                            false, false))),
            new Household("H-0007", SAKURAGAWA, "若葉県桜川市本町五丁目3番4号", List.of(
                    new Resident("R-0009", "H-0007", PersonName.of("小林 文子", "こばやし ふみこ"), LocalDate.of(1941, 8, 1),
                            Sex.FEMALE, "世帯主", LocalDate.of(1970, 1, 1), Optional.empty(), ResidentStatus.DECEASED,
                            false, true))),
            new Household("H-0008", AOBA, "若葉県青葉町栄三丁目2番地", List.of(
                    // U+E0A1: a provisional code while the character of this name is being registered
                    japanese("R-0010", "H-0008", "渡辺 \uE0A1子", null, LocalDate.of(1958, 3, 3), Sex.FEMALE,
                            "世帯主", LocalDate.of(1980, 4, 1), false))),
            new Household("H-0009", MATSUBARA, "若葉県松原村大字松原1234番地", List.of(
                    japanese("R-0011", "H-0009", "松本 大輔", "まつもと だいすけ", LocalDate.of(1978, 12, 1), Sex.MALE,
                            "世帯主", LocalDate.of(2005, 4, 1), true).withDomicile(MATSUMOTO_DOMICILE),
                    japanese("R-0012", "H-0009", "松本 由美", "まつもと ゆみ", LocalDate.of(1981, 6, 15), Sex.FEMALE,
                            "妻", LocalDate.of(2007, 10, 1), true).withDomicile(MATSUMOTO_DOMICILE))),
            new Household("H-0010", AOBA, "若葉県青葉町緑一丁目5番地6", List.of(
                    japanese("R-0013", "H-0010", "加藤 誠", "かとう まこと", LocalDate.of(1985, 10, 10), Sex.MALE,
                            "世帯主", LocalDate.of(2010, 4, 1), false),
                    japanese("R-0014", "H-0010", "加藤 恵", "かとう めぐみ", LocalDate.of(1987, 2, 14), Sex.FEMALE,
                            "妻", LocalDate.of(2012, 4, 1), false))),
            new Household("H-0011", AOBA, "若葉県青葉町栄一丁目8番地9", List.of(
                    japanese("R-0015", "H-0011", "山本 翔太", "やまもと しょうた", LocalDate.of(1990, 1, 20), Sex.MALE,
                            "世帯主", LocalDate.of(2016, 4, 1), true),
                    japanese("R-0016", "H-0011", "山本 愛", "やまもと あい", LocalDate.of(1991, 9, 9), Sex.FEMALE,
                            "妻", LocalDate.of(2016, 4, 1), false))),
            // 𠮷 (U+20BB7, 土吉) is not in IPAex Mincho: the certificate prints it in IPAmj Mincho
            new Household("H-0020", SAKURAGAWA, "若葉県桜川市桜木町四丁目6番7号", List.of(
                    japanese(RARE_NAME_RESIDENT, "H-0020", "𠮷田 誠", "よしだ まこと", LocalDate.of(1968, 6, 21),
                            Sex.MALE, "世帯主", LocalDate.of(1999, 10, 1), true))),
            // a municipality's own character (外字, private use area U+E000) that no font draws:
            // the kiosk must refuse the record ("please use the counter"), never print a box
            new Household("H-0021", SAKURAGAWA, "若葉県桜川市港町二丁目3番4号", List.of(
                    japanese(UNPRINTABLE_NAME_RESIDENT, "H-0021", "渡\uE000 光", "わたなべ ひかる",
                            LocalDate.of(1983, 12, 3), Sex.FEMALE, "世帯主", LocalDate.of(2010, 4, 1), false))),
            // three generations: the copy of the whole household runs over two pages
            new Household("H-0022", SAKURAGAWA, "若葉県桜川市東町一丁目8番9号", List.of(
                    japanese("R-0030", "H-0022", "鈴木 一郎", "すずき いちろう", LocalDate.of(1950, 3, 3), Sex.MALE,
                            "世帯主", LocalDate.of(1950, 3, 3), false),
                    japanese("R-0031", "H-0022", "鈴木 和子", "すずき かずこ", LocalDate.of(1953, 8, 15), Sex.FEMALE,
                            "妻", LocalDate.of(1976, 5, 1), false),
                    japanese("R-0032", "H-0022", "鈴木 誠一", "すずき せいいち", LocalDate.of(1978, 10, 10), Sex.MALE,
                            "子", LocalDate.of(1978, 10, 10), false),
                    japanese("R-0033", "H-0022", "鈴木 由美", "すずき ゆみ", LocalDate.of(1980, 1, 25), Sex.FEMALE,
                            "子の妻", LocalDate.of(2006, 6, 1), false),
                    japanese("R-0034", "H-0022", "鈴木 翔", "すずき しょう", LocalDate.of(2008, 4, 2), Sex.MALE,
                            "孫", LocalDate.of(2008, 4, 2), false),
                    japanese("R-0035", "H-0022", "鈴木 結衣", "すずき ゆい", LocalDate.of(2012, 12, 24), Sex.FEMALE,
                            "孫", LocalDate.of(2012, 12, 24), false),
                    japanese("R-0036", "H-0022", "鈴木 蓮", "すずき れん", LocalDate.of(2019, 5, 1), Sex.MALE,
                            "孫", LocalDate.of(2019, 5, 1), false))));

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
            new SeedCard("restricted", "7070", CertificateCondition.VALID, Optional.of("R-0007")),
            new SeedCard("suspended", "4321", CertificateCondition.SUSPENDED, Optional.of("R-0013")),
            new SeedCard("revoked", "8765", CertificateCondition.REVOKED, Optional.of("R-0014")),
            new SeedCard("moved-out", "1470", CertificateCondition.VALID, Optional.of("R-0008")),
            new SeedCard("deceased", "2580", CertificateCondition.VALID, Optional.of("R-0009")),
            new SeedCard("pending-name", "3690", CertificateCondition.VALID, Optional.of("R-0010")),
            new SeedCard("village", "1122", CertificateCondition.VALID, Optional.of("R-0011")),
            new SeedCard("village-spouse", "3344", CertificateCondition.VALID, Optional.of("R-0012")),
            new SeedCard("aoba-head", "5566", CertificateCondition.VALID, Optional.of("R-0015")),
            new SeedCard("aoba-spouse", "7788", CertificateCondition.VALID, Optional.of("R-0016")),
            // a minor's card (山田 一郎, born 2015): valid to the 5th birthday after issue
            new SeedCard("minor", "9182", CertificateCondition.VALID, Optional.of("R-0003")),
            new SeedCard("rare-name", "2021", CertificateCondition.VALID, Optional.of(RARE_NAME_RESIDENT)),
            new SeedCard("gaiji-name", "6543", CertificateCondition.VALID, Optional.of(UNPRINTABLE_NAME_RESIDENT)),
            new SeedCard("large-household", "9090", CertificateCondition.VALID, Optional.of("R-0030")));

    /** 前住所: where residents lived before they became residents here. */
    public static final Map<String, String> PREVIOUS_ADDRESSES = Map.of(
            "R-0001", "若葉県青葉町栄一丁目3番地2",
            "R-0002", "東若葉県緑山市中央二丁目5番8号",
            "R-0005", "若葉県桜川市本町三丁目1番1号",
            RARE_NAME_RESIDENT, "若葉県青葉町旭四丁目12番地");

    /** The text of each registered seal (印影). */
    public static final Map<String, String> SEAL_IMPRESSIONS = Map.of(
            "R-0001", "山田",
            "R-0002", "山田花子",
            "R-0005", "佐藤",
            RARE_NAME_RESIDENT, "𠮷田");

    private SeedData() {}

    private static KioskService service(String code, Set<RecordItem> allowedItems) {
        return new KioskService(code, KioskService.USUAL_OPENING, KioskService.USUAL_CLOSING,
                Set.of(DocumentType.FAMILY_REGISTER), allowedItems);
    }

    private static DocumentOffer offer(DocumentType type, int feeYen) {
        return new DocumentOffer(type, type.japaneseTitle(), feeYen);
    }

    private static Resident japanese(String id, String household, String name, String reading, LocalDate birth,
                                     Sex sex, String relationship, LocalDate since, boolean sealRegistered) {
        return new Resident(id, household, PersonName.of(name, reading), birth, sex, relationship, since,
                Optional.empty(), ResidentStatus.REGISTERED, false, sealRegistered);
    }
}
