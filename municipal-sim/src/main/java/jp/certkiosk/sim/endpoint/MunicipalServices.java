package jp.certkiosk.sim.endpoint;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.KioskService;
import jp.certkiosk.sim.registry.ResidentRegistry;

/**
 * The municipalities' kiosk services evaluated at the injected clock: whether a municipality is
 * open, which of its documents it issues now, and the menu a session shows. With service hours
 * off (demos, tests not about hours) every municipality is open around the clock.
 */
public final class MunicipalServices {
    private final ConcurrentMap<String, KioskService> services;
    private final ResidentRegistry registry;
    private final Clock clock;
    private final boolean serviceHours;
    private DomicileDesk domiciles;

    public MunicipalServices(List<KioskService> services, ResidentRegistry registry, Clock clock, boolean serviceHours) {
        this.services = new ConcurrentHashMap<>(services.stream().collect(Collectors.toMap(
                KioskService::municipalityCode, Function.identity())));
        this.registry = registry;
        this.clock = clock;
        this.serviceHours = serviceHours;
    }

    /**
     * The rules of a municipality; one the seed gives no rules gets the usual ones: 6:30-23:00,
     * family-register documents on weekdays, no optional items beyond 世帯主・続柄.
     */
    public KioskService service(String municipalityCode) {
        return services.computeIfAbsent(municipalityCode, code -> new KioskService(code, KioskService.USUAL_OPENING,
                KioskService.USUAL_CLOSING, Set.of(DocumentType.FAMILY_REGISTER),
                Set.of(IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP)));
    }

    /** @throws ApiException MUNICIPALITY_CLOSED outside the hours or during the year-end closure */
    public void requireOpen(String municipalityCode) {
        KioskService service = service(municipalityCode);
        if (serviceHours && !service.isOpen(clock.instant())) {
            throw new ApiException(ErrorCode.MUNICIPALITY_CLOSED, "the kiosk service of this municipality is closed now");
        }
    }

    /** The offer of {@code type}, if the municipality issues it now. */
    public DocumentOffer requireIssuableNow(String municipalityCode, DocumentType type) {
        requireOpen(municipalityCode);
        DocumentOffer offer = registry.menu(municipalityCode).documents().stream()
                .filter(o -> o.type() == type)
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.DOCUMENT_NOT_OFFERED,
                        "the municipality does not offer this document at kiosks"));
        if (serviceHours && !service(municipalityCode).issuesNow(type, clock.instant())) {
            throw new ApiException(ErrorCode.DOCUMENT_NOT_AVAILABLE_NOW, "this document is issued on weekdays only");
        }
        return offer;
    }

    /**
     * The menu of a session: the documents issued now, the items the municipality allows, and the
     * household's current members under references valid in this session only.
     */
    public Menu menu(String municipalityCode, Household household, String sessionId) {
        return menu(municipalityCode, household, null, sessionId);
    }

    /** Documents from family registers too: given the domicile desk, where the resident's register is kept. */
    public MunicipalServices withDomiciles(DomicileDesk domiciles) {
        this.domiciles = domiciles;
        return this;
    }

    /**
     * The menu of a session of {@code residentId}: as {@link #menu(String, Household, String)}, with
     * family-register documents offered by the municipality of the resident's registered domicile
     * (at its fees and on its days) when a kiosk here may issue them, why not otherwise, and the
     * fiscal years of the tax certificates offered.
     */
    public Menu menu(String municipalityCode, Household household, String residentId, String sessionId) {
        Menu offered = registry.menu(municipalityCode);
        KioskService service = service(municipalityCode);
        List<DocumentOffer> now = offered.documents().stream()
                .filter(o -> !serviceHours || service.issuesNow(o.type(), clock.instant()))
                .toList();
        List<HouseholdMember> members = household.members().stream()
                .filter(member -> member.issuableAtKiosk())
                .map(member -> new HouseholdMember(MemberRefs.of(sessionId, member.residentId()),
                        member.name().written()))
                .toList();
        if (domiciles == null || residentId == null) {
            return new Menu(offered.municipalityCode(), offered.municipalityName(), now, service.allowedItems(),
                    members);
        }
        FamilyRegisterAccess access = domiciles.access(residentId, municipalityCode, sessionId);
        List<DocumentOffer> documents = new java.util.ArrayList<>(now.stream()
                .filter(o -> !o.type().fromFamilyRegister())
                .toList());
        if (access.status() == FamilyRegisterAccess.Status.AVAILABLE) {
            KioskService domicileService = service(access.municipalityCode());
            registry.menu(access.municipalityCode()).documents().stream()
                    .filter(o -> o.type().fromFamilyRegister())
                    .filter(o -> !serviceHours || domicileService.issuesNow(o.type(), clock.instant()))
                    .forEach(documents::add);
        }
        boolean taxOffered = documents.stream().anyMatch(o -> o.type() == DocumentType.TAX_CERTIFICATE);
        return new Menu(offered.municipalityCode(), offered.municipalityName(), documents, service.allowedItems(),
                members, access, taxOffered ? service.fiscalYears() : List.of());
    }
}
