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
import jp.certkiosk.sim.registry.RegisterPerson.StatusEntry.Item;

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
                    offer(DocumentType.RESIDENT_RECORD_ITEMS, 200), offer(DocumentType.FAMILY_REGISTER, 450),
                    offer(DocumentType.FAMILY_REGISTER_ANNEX, 300), offer(DocumentType.TAX_CERTIFICATE, 300)),
            // 青葉町 issues its residents' copies only, and its family registers to anyone registered for use
            AOBA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 300), offer(DocumentType.FAMILY_REGISTER, 450),
                    offer(DocumentType.FAMILY_REGISTER_ANNEX, 350)),
            MATSUBARA, List.of(offer(DocumentType.RESIDENT_RECORD_COPY, 250),
                    offer(DocumentType.RESIDENT_RECORD_ITEMS, 250), offer(DocumentType.SEAL_REGISTRATION, 250),
                    offer(DocumentType.FAMILY_REGISTER, 450), offer(DocumentType.TAX_CERTIFICATE, 300),
                    offer(DocumentType.FAMILY_REGISTER_ANNEX, 300)));

    /** A municipality that takes no part in kiosk issuance: family registers kept there are not issued here. */
    public static final String MIDORIYAMA = "990001";
    /** The resident whose registered domicile is in 青葉町 (use registration needed). */
    public static final String DOMICILE_IN_AOBA_RESIDENT = "R-0040";
    /** The resident whose registered domicile is in 緑山市, which takes no part. */
    public static final String DOMICILE_OUTSIDE_RESIDENT = "R-0041";

    /**
     * How each municipality runs its kiosk service: 6:30-23:00, closed Dec 29 - Jan 3,
     * family-register documents on weekdays only, and the optional items each allows (My Number
     * only in 松原村).
     */
    public static final List<KioskService> SERVICES = List.of(
            service(SAKURAGAWA, Set.of(RecordItem.HEAD_AND_RELATIONSHIP, RecordItem.REGISTERED_DOMICILE,
                    RecordItem.NATIONALITY_AND_STATUS), List.of(2026, 2025, 2024)),
            service(AOBA, Set.of(RecordItem.HEAD_AND_RELATIONSHIP, RecordItem.NATIONALITY_AND_STATUS), List.of()),
            service(MATSUBARA, Set.of(RecordItem.values()), List.of(2026, 2025)));

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
                            "孫", LocalDate.of(2019, 5, 1), false))),
            // registered domicile in 青葉町, which issues family registers to those registered for use
            new Household("H-0030", SAKURAGAWA, "若葉県桜川市緑町一丁目5番6号", List.of(
                    japanese(DOMICILE_IN_AOBA_RESIDENT, "H-0030", "木村 拓也", "きむら たくや", LocalDate.of(1988, 7, 7),
                            Sex.MALE, "世帯主", LocalDate.of(2019, 4, 1), false)
                            .withDomicile(new RegisteredDomicile("若葉県青葉町栄一丁目1番地", "木村 拓也")))),
            // registered domicile in 緑山市, which takes no part; moved here in October 2025
            new Household("H-0031", SAKURAGAWA, "若葉県桜川市桜木町二丁目1番1号 桜木コーポ305号", List.of(
                    japanese(DOMICILE_OUTSIDE_RESIDENT, "H-0031", "林 美香", "はやし みか", LocalDate.of(1993, 3, 3),
                            Sex.FEMALE, "世帯主", LocalDate.of(2025, 10, 1), false)
                            .withDomicile(new RegisteredDomicile("東若葉県緑山市中央二丁目5番", "林 美香")))));

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
            new SeedCard("large-household", "9090", CertificateCondition.VALID, Optional.of("R-0030")),
            // 鈴木 誠一: his family register holds a daughter born abroad
            new SeedCard("register-born-abroad", "6060", CertificateCondition.VALID, Optional.of("R-0032")),
            new SeedCard("domicile-aoba", "4040", CertificateCondition.VALID, Optional.of(DOMICILE_IN_AOBA_RESIDENT)),
            new SeedCard("domicile-outside", "5050", CertificateCondition.VALID, Optional.of(DOMICILE_OUTSIDE_RESIDENT)));

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

    /**
     * The family registers (戸籍) the municipalities keep, with their annexes' addresses: a married
     * couple and their son; a large register over two sheets, whose son and daughter left it on
     * marriage (除籍); the son's own register, with a daughter born in Los Angeles (reported to the
     * consulate); a register in 青葉町 made by 分籍; and one in 緑山市, which takes no part.
     */
    public static final List<FamilyRegister> FAMILY_REGISTERS = List.of(
            new FamilyRegister("FR-0001", SAKURAGAWA, "若葉県桜川市", "若葉県桜川市本町一丁目2番", "山田 太郎", "編製",
                    LocalDate.of(2012, 6, 1), List.of(
                    person(1, "R-0001", "山田 太郎", LocalDate.of(1980, 4, 15), "山田 一男", "山田 和子", "長男", "夫", false,
                            List.of(birth(LocalDate.of(1980, 4, 15), "若葉県桜川市", LocalDate.of(1980, 4, 22), "父"),
                                    marriage(LocalDate.of(2012, 6, 1), "佐藤 花子", "従前戸籍",
                                            "若葉県桜川市本町一丁目2番　山田 一男")),
                            List.of(address("若葉県桜川市本町一丁目2番3号", LocalDate.of(2008, 4, 1)))),
                    person(2, "R-0002", "山田 花子", LocalDate.of(1989, 1, 8), "佐藤 一郎", "佐藤 良子", "長女", "妻", false,
                            List.of(birth(LocalDate.of(1989, 1, 8), "東若葉県緑山市", LocalDate.of(1989, 1, 12), "父"),
                                    marriage(LocalDate.of(2012, 6, 1), "山田 太郎", "従前戸籍",
                                            "東若葉県緑山市中央二丁目5番　佐藤 一郎")),
                            List.of(address("東若葉県緑山市中央二丁目5番8号", LocalDate.of(1989, 1, 8)),
                                    address("若葉県桜川市本町一丁目2番3号", LocalDate.of(2012, 6, 1)))),
                    person(3, "R-0003", "山田 一郎", LocalDate.of(2015, 3, 20), "山田 太郎", "山田 花子", "長男", null, false,
                            List.of(birth(LocalDate.of(2015, 3, 20), "若葉県桜川市", LocalDate.of(2015, 3, 27), "父")),
                            List.of(address("若葉県桜川市本町一丁目2番3号", LocalDate.of(2015, 3, 20)))))),
            new FamilyRegister("FR-0022", SAKURAGAWA, "若葉県桜川市", "若葉県桜川市東町一丁目8番", "鈴木 一郎", "編製",
                    LocalDate.of(1976, 5, 1), List.of(
                    person(1, "R-0030", "鈴木 一郎", LocalDate.of(1950, 3, 3), "鈴木 正", "鈴木 ハナ", "長男", "夫", false,
                            List.of(birth(LocalDate.of(1950, 3, 3), "若葉県桜川市", LocalDate.of(1950, 3, 10), "父"),
                                    marriage(LocalDate.of(1976, 5, 1), "田中 和子", "従前戸籍",
                                            "若葉県桜川市東町一丁目8番　鈴木 正")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(1976, 5, 1)))),
                    person(2, "R-0031", "鈴木 和子", LocalDate.of(1953, 8, 15), "田中 茂", "田中 キヨ", "二女", "妻", false,
                            List.of(birth(LocalDate.of(1953, 8, 15), "若葉県青葉町", LocalDate.of(1953, 8, 20), "父"),
                                    marriage(LocalDate.of(1976, 5, 1), "鈴木 一郎", "従前戸籍",
                                            "若葉県青葉町栄二丁目10番地　田中 茂")),
                            List.of(address("若葉県青葉町栄二丁目10番地", LocalDate.of(1953, 8, 15)),
                                    address("若葉県桜川市東町一丁目8番9号", LocalDate.of(1976, 5, 1)))),
                    person(3, null, "鈴木 誠一", LocalDate.of(1978, 10, 10), "鈴木 一郎", "鈴木 和子", "長男", null, true,
                            List.of(birth(LocalDate.of(1978, 10, 10), "若葉県桜川市", LocalDate.of(1978, 10, 16), "父"),
                                    marriage(LocalDate.of(2006, 6, 1), "高田 由美", "新本籍", "若葉県桜川市東町一丁目8番")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(1978, 10, 10)))),
                    person(4, null, "鈴木 恵子", LocalDate.of(1981, 2, 2), "鈴木 一郎", "鈴木 和子", "長女", null, true,
                            List.of(birth(LocalDate.of(1981, 2, 2), "若葉県桜川市", LocalDate.of(1981, 2, 9), "父"),
                                    marriage(LocalDate.of(2005, 10, 10), "中島 健", "新本籍", "東若葉県緑山市中央一丁目1番")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(1981, 2, 2)))))),
            new FamilyRegister("FR-0023", SAKURAGAWA, "若葉県桜川市", "若葉県桜川市東町一丁目8番", "鈴木 誠一", "編製",
                    LocalDate.of(2006, 6, 1), List.of(
                    person(1, "R-0032", "鈴木 誠一", LocalDate.of(1978, 10, 10), "鈴木 一郎", "鈴木 和子", "長男", "夫", false,
                            List.of(birth(LocalDate.of(1978, 10, 10), "若葉県桜川市", LocalDate.of(1978, 10, 16), "父"),
                                    marriage(LocalDate.of(2006, 6, 1), "高田 由美", "従前戸籍",
                                            "若葉県桜川市東町一丁目8番　鈴木 一郎")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(1978, 10, 10)))),
                    person(2, "R-0033", "鈴木 由美", LocalDate.of(1980, 1, 25), "高田 浩", "高田 幸子", "長女", "妻", false,
                            List.of(birth(LocalDate.of(1980, 1, 25), "若葉県松原村", LocalDate.of(1980, 1, 31), "父"),
                                    marriage(LocalDate.of(2006, 6, 1), "鈴木 誠一", "従前戸籍",
                                            "若葉県松原村大字松原56番地　高田 浩")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(2006, 6, 1)))),
                    person(3, "R-0034", "鈴木 翔", LocalDate.of(2008, 4, 2), "鈴木 誠一", "鈴木 由美", "長男", null, false,
                            List.of(birth(LocalDate.of(2008, 4, 2), "若葉県桜川市", LocalDate.of(2008, 4, 8), "父")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(2008, 4, 2)))),
                    person(4, "R-0035", "鈴木 結衣", LocalDate.of(2012, 12, 24), "鈴木 誠一", "鈴木 由美", "長女", null, false,
                            List.of(new RegisterPerson.StatusEntry("出生", List.of(
                                    Item.date("【出生日】", LocalDate.of(2012, 12, 24)),
                                    Item.text("【出生地】", "アメリカ合衆国カリフォルニア州ロサンゼルス市"),
                                    Item.date("【届出日】", LocalDate.of(2013, 1, 15)),
                                    Item.text("【届出人】", "父"),
                                    Item.text("【国籍留保の届出】", "あり"),
                                    Item.date("【送付を受けた日】", LocalDate.of(2013, 2, 5)),
                                    Item.text("【受理者】", "在ロサンゼルス総領事")))),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(2013, 3, 1)))),
                    person(5, "R-0036", "鈴木 蓮", LocalDate.of(2019, 5, 1), "鈴木 誠一", "鈴木 由美", "二男", null, false,
                            List.of(birth(LocalDate.of(2019, 5, 1), "若葉県桜川市", LocalDate.of(2019, 5, 7), "父")),
                            List.of(address("若葉県桜川市東町一丁目8番9号", LocalDate.of(2019, 5, 1)))))),
            new FamilyRegister("FR-0009", MATSUBARA, "若葉県松原村", "若葉県松原村大字松原1234番地", "松本 大輔", "編製",
                    LocalDate.of(2007, 10, 1), List.of(
                    person(1, "R-0011", "松本 大輔", LocalDate.of(1978, 12, 1), "松本 勇", "松本 節子", "長男", "夫", false,
                            List.of(birth(LocalDate.of(1978, 12, 1), "若葉県松原村", LocalDate.of(1978, 12, 6), "父"),
                                    marriage(LocalDate.of(2007, 10, 1), "大野 由美", "従前戸籍",
                                            "若葉県松原村大字松原1234番地　松本 勇")),
                            List.of(address("若葉県松原村大字松原1234番地", LocalDate.of(2005, 4, 1)))),
                    person(2, "R-0012", "松本 由美", LocalDate.of(1981, 6, 15), "大野 進", "大野 文子", "長女", "妻", false,
                            List.of(birth(LocalDate.of(1981, 6, 15), "若葉県桜川市", LocalDate.of(1981, 6, 19), "父"),
                                    marriage(LocalDate.of(2007, 10, 1), "松本 大輔", "従前戸籍",
                                            "若葉県桜川市川端町二丁目3番　大野 進")),
                            List.of(address("若葉県松原村大字松原1234番地", LocalDate.of(2007, 10, 1)))))),
            new FamilyRegister("FR-0040", AOBA, "若葉県青葉町", "若葉県青葉町栄一丁目1番地", "木村 拓也", "分籍",
                    LocalDate.of(2015, 4, 1), List.of(
                    person(1, DOMICILE_IN_AOBA_RESIDENT, "木村 拓也", LocalDate.of(1988, 7, 7), "木村 修", "木村 恵美", "長男",
                            null, false,
                            List.of(birth(LocalDate.of(1988, 7, 7), "若葉県青葉町", LocalDate.of(1988, 7, 12), "父"),
                                    new RegisterPerson.StatusEntry("分籍", List.of(
                                            Item.date("【分籍日】", LocalDate.of(2015, 4, 1)),
                                            Item.text("【従前戸籍】", "若葉県青葉町栄一丁目1番地　木村 修")))),
                            List.of(address("若葉県青葉町栄一丁目1番地2", LocalDate.of(2015, 4, 1)),
                                    address("若葉県桜川市緑町一丁目5番6号", LocalDate.of(2019, 4, 1)))))),
            new FamilyRegister("FR-0041", MIDORIYAMA, "東若葉県緑山市", "東若葉県緑山市中央二丁目5番", "林 美香", "分籍",
                    LocalDate.of(2016, 5, 10), List.of(
                    person(1, DOMICILE_OUTSIDE_RESIDENT, "林 美香", LocalDate.of(1993, 3, 3), "林 康夫", "林 直美", "長女",
                            null, false,
                            List.of(birth(LocalDate.of(1993, 3, 3), "東若葉県緑山市", LocalDate.of(1993, 3, 9), "父")),
                            List.of(address("若葉県桜川市桜木町二丁目1番1号", LocalDate.of(2025, 10, 1)))))));

    /**
     * Tax rolls: each row is the resident's tax of a fiscal year in the municipality they lived in
     * on 1 January of it. 林 美香 moved to 桜川市 in October 2025: 桜川市 has her 2026 row only.
     */
    public static final List<TaxRecord> TAX_RECORDS = List.of(
            salaried("R-0001", 2024, SAKURAGAWA, "若葉県桜川市本町一丁目2番3号", 5_800_000, 2),
            salaried("R-0001", 2025, SAKURAGAWA, "若葉県桜川市本町一丁目2番3号", 6_000_000, 2),
            salaried("R-0001", 2026, SAKURAGAWA, "若葉県桜川市本町一丁目2番3号", 6_200_000, 2),
            salaried("R-0002", 2026, SAKURAGAWA, "若葉県桜川市本町一丁目2番3号", 1_200_000, 0),
            salaried(DOMICILE_IN_AOBA_RESIDENT, 2025, SAKURAGAWA, "若葉県桜川市緑町一丁目5番6号", 4_100_000, 0),
            salaried(DOMICILE_IN_AOBA_RESIDENT, 2026, SAKURAGAWA, "若葉県桜川市緑町一丁目5番6号", 4_300_000, 0),
            salaried(DOMICILE_OUTSIDE_RESIDENT, 2026, SAKURAGAWA, "若葉県桜川市桜木町二丁目1番1号 桜木コーポ305号",
                    3_600_000, 0),
            salaried("R-0011", 2025, MATSUBARA, "若葉県松原村大字松原1234番地", 5_200_000, 1),
            salaried("R-0011", 2026, MATSUBARA, "若葉県松原村大字松原1234番地", 5_400_000, 1));

    private SeedData() {}

    private static KioskService service(String code, Set<RecordItem> allowedItems, List<Integer> fiscalYears) {
        return new KioskService(code, KioskService.USUAL_OPENING, KioskService.USUAL_CLOSING,
                Set.of(DocumentType.FAMILY_REGISTER, DocumentType.FAMILY_REGISTER_ANNEX), allowedItems, fiscalYears);
    }

    private static RegisterPerson person(int position, String residentId, String name, LocalDate birth, String father,
                                         String mother, String relationship, String spouseRole, boolean removed,
                                         List<RegisterPerson.StatusEntry> events,
                                         List<RegisterPerson.AnnexAddress> addresses) {
        return new RegisterPerson(position, residentId, name, birth, father, mother, relationship, spouseRole, removed,
                events, addresses);
    }

    private static RegisterPerson.StatusEntry birth(LocalDate born, String place, LocalDate reported, String reporter) {
        return new RegisterPerson.StatusEntry("出生", List.of(Item.date("【出生日】", born), Item.text("【出生地】", place),
                Item.date("【届出日】", reported), Item.text("【届出人】", reporter)));
    }

    /** 婚姻: with 従前戸籍 for the one who joins the register, 新本籍 for the one who leaves it (除籍). */
    private static RegisterPerson.StatusEntry marriage(LocalDate on, String spouse, String registerLabel,
                                                       String register) {
        return new RegisterPerson.StatusEntry("婚姻", List.of(Item.date("【婚姻日】", on),
                Item.text("【配偶者氏名】", spouse), Item.text("【" + registerLabel + "】", register)));
    }

    private static RegisterPerson.AnnexAddress address(String address, LocalDate since) {
        return new RegisterPerson.AnnexAddress(address, since);
    }

    /**
     * A salaried resident's row: 給与所得 after the employment income deduction, 基礎控除 430,000 yen,
     * social insurance at 15 % of the salary, 330,000 yen per dependent; 市町村民税 6 % and 道府県民税
     * 4 % of the taxable income (less the adjustment deductions), per-capita 3,500 and 1,500 yen.
     */
    private static TaxRecord salaried(String residentId, int fiscalYear, String code, String address, long salary,
                                      int dependents) {
        long employment = salary - employmentDeduction(salary);
        long deductions = 430_000 + salary * 15 / 100 + 330_000L * dependents;
        long taxable = Math.max(0, (employment - deductions) / 1000 * 1000);
        long municipal = Math.max(0, (taxable * 6 / 100 - 1_500) / 100 * 100);
        long prefectural = Math.max(0, (taxable * 4 / 100 - 1_000) / 100 * 100);
        boolean exempt = employment <= 450_000;
        return new TaxRecord(residentId, fiscalYear, code, address, salary, employment, 0, employment, deductions,
                taxable, municipal, exempt ? 0 : 3_500, prefectural, exempt ? 0 : 1_500, dependents);
    }

    private static long employmentDeduction(long salary) {
        if (salary <= 1_625_000) {
            return Math.min(salary, 550_000);
        }
        if (salary <= 1_800_000) {
            return salary * 40 / 100 - 100_000;
        }
        if (salary <= 3_600_000) {
            return salary * 30 / 100 + 80_000;
        }
        if (salary <= 6_600_000) {
            return salary * 20 / 100 + 440_000;
        }
        if (salary <= 8_500_000) {
            return salary * 10 / 100 + 1_100_000;
        }
        return 1_950_000;
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
