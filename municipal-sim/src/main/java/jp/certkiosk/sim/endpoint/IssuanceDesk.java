package jp.certkiosk.sim.endpoint;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.IssuanceOptions.RecordItem;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.sim.pki.DocumentSigner;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.sim.document.RecordDetails;
import jp.certkiosk.sim.document.RecordOptions;
import jp.certkiosk.sim.document.ResidentRecordDocument;
import jp.certkiosk.sim.document.ResidentRecordItemsDocument;
import jp.certkiosk.sim.document.SealRegistrationDocument;
import jp.certkiosk.sim.document.FamilyRegisterAnnexDocument;
import jp.certkiosk.sim.document.FamilyRegisterDocument;
import jp.certkiosk.sim.document.TaxCertificateDocument;
import jp.certkiosk.sim.registry.FamilyRegister;
import jp.certkiosk.sim.registry.RegisterPerson;
import jp.certkiosk.sim.registry.TaxRecord;
import jp.certkiosk.sim.registry.TaxRoll;
import jp.certkiosk.sim.document.UnprintableTextException;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.IssuanceLedger;
import jp.certkiosk.sim.registry.IssuanceRecord;
import jp.certkiosk.sim.registry.IssuanceStatus;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.ResidentRegistry;
import jp.certkiosk.sim.registry.ResidentStatus;

/**
 * Where documents are reserved for a session and their printing confirmed. Each document is
 * generated for the session's resident only and bound to the session, the card certificate and
 * the issuance id; a repeated request with the same idempotency key gets the same issuance.
 */
public final class IssuanceDesk {
    private static final Logger LOG = System.getLogger(IssuanceDesk.class.getName());
    /** Dates printed on certificates are Japanese dates. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int MAX_COPIES = 10;
    private static final int MAX_KEY_LENGTH = 100;
    private static final int MAX_REASON_LENGTH = 200;
    private static final java.security.SecureRandom PRINT_KEYS = new java.security.SecureRandom();

    /**
     * Faults a test can make the endpoint commit, as the 2023 incidents did: answer a reservation
     * with a document validly signed for another session, or sign this request's document with
     * another card's certificate hash. The kiosk must refuse to print either.
     */
    public enum Misissuance { ANOTHER_SESSIONS_DOCUMENT, ANOTHER_CARDS_BINDING }

    private final SessionBook sessions;
    private final ResidentRegistry registry;
    private final IssuanceLedger ledger;
    private final ResidentRecordDocument residentRecord;
    private final SealRegistrationDocument sealRegistration;
    private final MunicipalServices services;
    private final Function<String, DocumentSigner> signers;
    private final RandomIds ids;
    private final Clock clock;
    private final AtomicReference<Misissuance> nextMisissuance = new AtomicReference<>();
    private ResidentRecordItemsDocument residentRecordItems;
    private DomicileDesk domiciles;
    private FamilyRegisterDocument familyRegister;
    private FamilyRegisterAnnexDocument familyRegisterAnnex;
    private TaxRoll taxRoll;
    private TaxCertificateDocument taxCertificate;

    public IssuanceDesk(SessionBook sessions, ResidentRegistry registry, IssuanceLedger ledger,
                        ResidentRecordDocument residentRecord, SealRegistrationDocument sealRegistration,
                        MunicipalServices services, Function<String, DocumentSigner> signers, RandomIds ids,
                        Clock clock) {
        this.sessions = sessions;
        this.registry = registry;
        this.ledger = ledger;
        this.residentRecord = residentRecord;
        this.sealRegistration = sealRegistration;
        this.services = services;
        this.signers = signers;
        this.ids = ids;
        this.clock = clock;
    }

    /** Makes the next reservation answer wrongly, once (tests of the kiosk's binding check). */
    public void misissueNext(Misissuance fault) {
        nextMisissuance.set(fault);
    }

    /** Issues 住民票記載事項証明書 too. */
    public IssuanceDesk withItemsCertificate(ResidentRecordItemsDocument items) {
        this.residentRecordItems = items;
        return this;
    }

    /** Issues 戸籍証明書 and 戸籍の附票の写し from the register of the resident's domicile too. */
    public IssuanceDesk withFamilyRegisters(DomicileDesk domiciles, FamilyRegisterDocument register,
                                            FamilyRegisterAnnexDocument annex) {
        this.domiciles = domiciles;
        this.familyRegister = register;
        this.familyRegisterAnnex = annex;
        return this;
    }

    /** Issues tax certificates from the tax roll too. */
    public IssuanceDesk withTaxCertificates(TaxRoll roll, TaxCertificateDocument certificate) {
        this.taxRoll = roll;
        this.taxCertificate = certificate;
        return this;
    }

    public Issuance reserve(String tlsKioskId, String sessionId, IssuanceRequest request) {
        OpenSession session = sessions.find(sessionId, tlsKioskId)
                .orElseThrow(() -> new ApiException(ErrorCode.SESSION_INVALID, "the session is unknown or expired"));
        validate(request);
        var earlier = ledger.bySessionAndKey(session.sessionId(), request.idempotencyKey());
        if (earlier.isPresent()) {
            return answer(sameRequest(earlier.get(), request));
        }
        // family-register documents are issued (and signed) by the municipality of the registered domicile
        FamilyRegister register = null;
        String issuing = session.municipalityCode();
        if (request.documentType().fromFamilyRegister()) {
            if (domiciles == null) {
                throw new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED, "the simulator does not issue this document");
            }
            DomicileDesk.Domicile domicile = domiciles.domicile(session.residentId(), session.municipalityCode());
            var refusal = domicile.refusal();
            if (refusal.isPresent()) {
                throw new ApiException(refusal.get(), "the family register cannot be issued here: " + domicile.status());
            }
            register = domicile.register().orElseThrow();
            issuing = register.municipalityCode();
            services.requireOpen(session.municipalityCode());
        }
        DocumentOffer offer = services.requireIssuableNow(issuing, request.documentType());
        Resident resident = registry.resident(session.residentId())
                .filter(Resident::issuableAtKiosk)
                .orElseThrow(() -> new ApiException(ErrorCode.RESIDENT_REFUSED, "this record is not issued at kiosks"));
        Household household = registry.household(resident.householdId());
        List<Resident> members = members(session, household, request);

        Misissuance fault = nextMisissuance.getAndSet(null);
        if (fault == Misissuance.ANOTHER_SESSIONS_DOCUMENT) {
            var another = ledger.latestOfAnotherSession(session.sessionId());
            if (another.isPresent()) {
                LOG.log(Level.WARNING, "FAULT INJECTED: answering with another session's issuance");
                return answer(another.get());
            }
        }
        String issuanceId = ids.next();
        Instant now = clock.instant();
        byte[] pdf = request.documentType().fromFamilyRegister()
                ? renderFromRegister(request.documentType(), session, register, request.options(), issuanceId,
                        LocalDate.ofInstant(now, JAPAN))
                : render(request.documentType(), session, resident, members, request.options(), issuanceId,
                        LocalDate.ofInstant(now, JAPAN));
        String boundCertificate = session.certificateSha256();
        if (fault == Misissuance.ANOTHER_CARDS_BINDING) {
            LOG.log(Level.WARNING, "FAULT INJECTED: binding a document to another card");
            boundCertificate = AuthenticationPayload.sha256Hex(("another card " + issuanceId).getBytes(UTF_8));
        }
        DocumentStatement statement = new DocumentStatement(issuanceId, session.sessionId(), tlsKioskId,
                boundCertificate, issuing, request.documentType(), request.copies(),
                offer.feeYen() * request.copies(), AuthenticationPayload.sha256Hex(pdf), now);
        byte[] signed = signers.apply(issuing).sign(statement.encode());
        IssuanceLedger.Reservation reservation = ledger.reserve(new IssuanceRecord(issuanceId, session.sessionId(),
                tlsKioskId, request.idempotencyKey(), session.certificateSha256(), resident.residentId(),
                request.documentType(), request.copies(), offer.feeYen() * request.copies(), IssuanceStatus.RESERVED,
                now, pdf, signed, request.options(), printKey()), SessionBook.MAX_RESERVATIONS);
        if (reservation instanceof IssuanceLedger.Reservation.LimitReached limit) {
            throw new ApiException(ErrorCode.RESERVATION_LIMIT_REACHED,
                    "a session reserves at most " + limit.limit() + " documents");
        }
        if (!(reservation instanceof IssuanceLedger.Reservation.Reserved made)) {
            throw new ApiException(ErrorCode.SESSION_INVALID, "the session is unknown or expired");
        }
        IssuanceRecord reserved = made.issuance();
        IssuanceRecord answered = sameRequest(reserved, request);
        if (answered.issuanceId().equals(issuanceId)) {
            LOG.log(Level.INFO, "issuance {0} reserved at kiosk {1}: {2} x{3}", issuanceId, tlsKioskId,
                    request.documentType(), request.copies());
        }
        return answer(answered);
    }

    /** The recovery query: where an issuance of this kiosk stands. */
    public IssuanceState state(String tlsKioskId, String issuanceId) {
        return ledger.state(issuanceId, tlsKioskId)
                .orElseThrow(() -> new ApiException(ErrorCode.ISSUANCE_UNKNOWN, "no such issuance for this kiosk"));
    }

    /**
     * The members a resident-record document shows, after checking the options: items the
     * municipality allows, 本籍 for Japanese nationals only, selected members of this household.
     */
    private List<Resident> members(OpenSession session, Household household, IssuanceRequest request) {
        IssuanceOptions options = request.options();
        boolean residentRecord = request.documentType() == DocumentType.RESIDENT_RECORD_COPY
                || request.documentType() == DocumentType.RESIDENT_RECORD_ITEMS;
        if (!residentRecord) {
            if (!options.recordPart().equals(IssuanceOptions.standard())
                    || (options.familyRegister() != null && request.documentType() != DocumentType.FAMILY_REGISTER)
                    || (options.tax() != null && request.documentType() != DocumentType.TAX_CERTIFICATE)) {
                throw new ApiException(ErrorCode.OPTION_NOT_ALLOWED, "this document takes no such options");
            }
            return List.of();
        }
        if (options.familyRegister() != null || options.tax() != null) {
            throw new ApiException(ErrorCode.OPTION_NOT_ALLOWED, "a resident-record document takes no such options");
        }
        Set<RecordItem> allowed = services.service(session.municipalityCode()).allowedItems();
        for (RecordItem item : options.items()) {
            if (!allowed.contains(item)) {
                throw new ApiException(ErrorCode.OPTION_NOT_ALLOWED, "the municipality does not allow " + item);
            }
        }
        List<Resident> current = household.members().stream()
                .filter(member -> member.status() == ResidentStatus.REGISTERED)
                .toList();
        List<Resident> members = current;
        if (options.household() == IssuanceOptions.HouseholdScope.SELECTED_MEMBERS) {
            Set<String> refs = Set.copyOf(options.memberRefs());
            members = current.stream()
                    .filter(member -> refs.contains(MemberRefs.of(session.sessionId(), member.residentId())))
                    .toList();
            if (refs.isEmpty() || members.size() != refs.size()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "a selected member is not in the household");
            }
        }
        if (options.items().contains(RecordItem.REGISTERED_DOMICILE)
                && !members.stream().allMatch(Resident::isJapaneseNational)) {
            throw new ApiException(ErrorCode.OPTION_NOT_ALLOWED, "本籍 is shown for Japanese nationals only");
        }
        if (members.stream().anyMatch(member -> !member.issuableAtKiosk())) {
            throw new ApiException(ErrorCode.DOCUMENT_REFUSED, "a member's record is not issued at kiosks");
        }
        return members;
    }

    public void confirm(String tlsKioskId, String issuanceId, Confirmation confirmation) {
        if (confirmation == null || confirmation.outcome() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the outcome is missing");
        }
        IssuanceStatus outcome = confirmation.outcome() == Confirmation.Outcome.PRINTED
                ? IssuanceStatus.PRINTED : IssuanceStatus.FAILED;
        String reason = confirmation.reason();
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH);
        }
        switch (ledger.confirm(issuanceId, tlsKioskId, outcome, reason, clock.instant())) {
            case RECORDED -> LOG.log(Level.INFO, "issuance {0} confirmed {1} by kiosk {2}", issuanceId, outcome,
                    tlsKioskId);
            case ALREADY_RECORDED -> LOG.log(Level.DEBUG, "issuance {0} confirmed {1} again", issuanceId, outcome);
            case CONFLICT -> throw new ApiException(ErrorCode.CONFIRMATION_CONFLICT,
                    "a different outcome was recorded for this issuance");
            case EXPIRED -> {
                if (outcome == IssuanceStatus.PRINTED) {
                    LOG.log(Level.WARNING, "issuance {0}: kiosk {1} printed it after the reservation expired "
                            + "(FAILED, no fee); the late print is recorded", issuanceId, tlsKioskId);
                }
                throw new ApiException(ErrorCode.RESERVATION_EXPIRED,
                        "the reservation expired before the confirmation came: it ended FAILED, no fee"
                                + (outcome == IssuanceStatus.PRINTED ? "; the late print is recorded" : ""));
            }
            case UNKNOWN -> throw new ApiException(ErrorCode.ISSUANCE_UNKNOWN, "no such issuance for this kiosk");
        }
    }

    private byte[] render(DocumentType type, OpenSession session, Resident resident, List<Resident> members,
                          IssuanceOptions options, String issuanceId, LocalDate issuedOn) {
        Household household = registry.household(resident.householdId());
        Municipality municipality = registry.municipality(session.municipalityCode());
        try {
            switch (type) {
                case RESIDENT_RECORD_COPY -> {
                    return residentRecord.render(municipality, household, members,
                            details(household, resident, options), issuanceId, issuedOn);
                }
                case RESIDENT_RECORD_ITEMS -> {
                    if (residentRecordItems == null) {
                        throw new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED, "the simulator does not issue this document");
                    }
                    return residentRecordItems.render(municipality, household, resident,
                            details(household, resident, options), issuanceId, issuedOn);
                }
                case SEAL_REGISTRATION -> {
                    if (!resident.sealRegistered()) {
                        throw new ApiException(ErrorCode.DOCUMENT_REFUSED, "no seal is registered");
                    }
                    return sealRegistration.render(municipality, household, resident, details(household, resident, options),
                            issuanceId, issuedOn);
                }
                case TAX_CERTIFICATE -> {
                    return renderTax(session, resident, options, municipality, issuanceId, issuedOn);
                }
                default -> throw new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED,
                        "the simulator does not issue this document");
            }
        } catch (UnprintableTextException e) {
            LOG.log(Level.WARNING, "issuance refused at kiosk {0}: {1}", session.kioskId(), e.getMessage());
            throw new ApiException(ErrorCode.DOCUMENT_REFUSED, "the record cannot be printed at a kiosk");
        }
    }

    /**
     * A tax certificate of the fiscal year asked for (the newest offered if none), only for someone
     * who lived in this municipality on 1 January of it: refused before any fee otherwise.
     */
    private byte[] renderTax(OpenSession session, Resident resident, IssuanceOptions options, Municipality municipality,
                             String issuanceId, LocalDate issuedOn) throws UnprintableTextException {
        List<Integer> years = services.service(session.municipalityCode()).fiscalYears();
        if (taxRoll == null || years.isEmpty()) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED, "the municipality issues no tax certificates here");
        }
        IssuanceOptions.TaxChoice choice = options.tax() != null ? options.tax()
                : new IssuanceOptions.TaxChoice(years.get(0), null);
        if (!years.contains(choice.fiscalYear())) {
            throw new ApiException(ErrorCode.OPTION_NOT_ALLOWED, "the fiscal year is not offered here");
        }
        LocalDate assessment = LocalDate.of(choice.fiscalYear(), 1, 1);
        if (resident.residentSince().isAfter(assessment)) {
            throw new ApiException(ErrorCode.NOT_RESIDENT_ON_JANUARY_FIRST,
                    "not a resident on 1 January of the fiscal year");
        }
        TaxRecord tax = taxRoll.of(resident.residentId(), choice.fiscalYear(), session.municipalityCode())
                .orElseThrow(() -> new ApiException(ErrorCode.DOCUMENT_REFUSED, "no tax row for this fiscal year"));
        return taxCertificate.render(municipality, resident, tax, choice.kind(), issuanceId, issuedOn);
    }

    /** 戸籍証明書 (全部事項, or 個人事項 of the person chosen) or 戸籍の附票の写し, by the domicile's municipality. */
    private byte[] renderFromRegister(DocumentType type, OpenSession session, FamilyRegister register,
                                      IssuanceOptions options, String issuanceId, LocalDate issuedOn) {
        Municipality domicile = registry.municipality(register.municipalityCode());
        try {
            if (type == DocumentType.FAMILY_REGISTER_ANNEX) {
                return familyRegisterAnnex.render(domicile, register, issuanceId, issuedOn);
            }
            IssuanceOptions.FamilyRegisterChoice choice = options.familyRegister() != null ? options.familyRegister()
                    : new IssuanceOptions.FamilyRegisterChoice(IssuanceOptions.RegisterExtent.ALL, null);
            RegisterPerson person = null;
            if (choice.extent() == IssuanceOptions.RegisterExtent.INDIVIDUAL) {
                person = register.persons().stream()
                        .filter(p -> DomicileDesk.personRef(session.sessionId(), register, p).equals(choice.personRef()))
                        .findFirst()
                        .orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST, "no such person in the register"));
            }
            return familyRegister.render(domicile, register, person, issuanceId, issuedOn);
        } catch (UnprintableTextException e) {
            LOG.log(Level.WARNING, "issuance refused at kiosk {0}: {1}", session.kioskId(), e.getMessage());
            throw new ApiException(ErrorCode.DOCUMENT_REFUSED, "the register cannot be printed at a kiosk");
        }
    }

    private RecordDetails details(Household household, Resident resident, IssuanceOptions options) {
        IssuanceOptions chosen = options == null ? IssuanceOptions.standard() : options;
        RecordOptions shown = new RecordOptions(chosen.household() == IssuanceOptions.HouseholdScope.WHOLE_HOUSEHOLD,
                chosen.items().contains(RecordItem.HEAD_AND_RELATIONSHIP),
                chosen.items().contains(RecordItem.REGISTERED_DOMICILE),
                chosen.items().contains(RecordItem.MY_NUMBER));
        return new RecordDetails(registry.previousAddresses(household.householdId()),
                registry.sealImpressions(resident.residentId()), shown);
    }

    private static void validate(IssuanceRequest request) {
        if (request == null || request.documentType() == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the document type is missing");
        }
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the idempotency key must have 1 to 100 characters");
        }
        if (request.copies() < 1 || request.copies() > MAX_COPIES) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "copies must be 1 to " + MAX_COPIES);
        }
    }

    /** The stored issuance, if it answered the same request; a reused key for another request conflicts. */
    private static IssuanceRecord sameRequest(IssuanceRecord stored, IssuanceRequest request) {
        if (stored.documentType() != request.documentType() || stored.copies() != request.copies()
                || !stored.options().equals(request.options())) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "the idempotency key was used for a different request in this session");
        }
        return stored;
    }

    private static Issuance answer(IssuanceRecord record) {
        return new Issuance(record.issuanceId(), record.documentType(), record.copies(), record.feeYen(),
                new DocumentBinding(record.issuanceId(), record.sessionId(), record.certificateSha256()),
                record.pdf(), record.signedStatement(), record.printKey());
    }

    /** 32 random bytes for the scrambled back of this issuance's sheets. */
    private static byte[] printKey() {
        byte[] key = new byte[32];
        PRINT_KEYS.nextBytes(key);
        return key;
    }
}
