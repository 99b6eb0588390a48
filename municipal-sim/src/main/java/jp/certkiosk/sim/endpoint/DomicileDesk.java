package jp.certkiosk.sim.endpoint;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.UseRegistration;
import jp.certkiosk.sim.registry.FamilyRegister;
import jp.certkiosk.sim.registry.FamilyRegisterBook;
import jp.certkiosk.sim.registry.RegisterPerson;
import jp.certkiosk.sim.registry.ResidentRegistry;
import jp.certkiosk.sim.registry.UseRegistrations;

/**
 * The registered domicile (本籍地) of a session's resident, and what a kiosk may issue from its
 * family register: directly when the domicile is the resident's municipality, after an approved
 * use registration (利用登録申請) when it is another participating municipality, never when that
 * municipality takes no part ("please ask that municipality"). Files use registrations.
 */
public final class DomicileDesk {
    private static final Logger LOG = System.getLogger(DomicileDesk.class.getName());

    /** The resident's register and whether a kiosk at their municipality may issue from it. */
    public record Domicile(Optional<FamilyRegister> register, FamilyRegisterAccess.Status status) {
        public Optional<ErrorCode> refusal() {
            return new FamilyRegisterAccess(status, null, null, List.of()).refusal();
        }
    }

    private final SessionBook sessions;
    private final ResidentRegistry registry;
    private final FamilyRegisterBook registers;
    private final UseRegistrations registrations;
    private final Clock clock;

    public DomicileDesk(SessionBook sessions, ResidentRegistry registry, FamilyRegisterBook registers,
                        UseRegistrations registrations, Clock clock) {
        this.sessions = sessions;
        this.registry = registry;
        this.registers = registers;
        this.registrations = registrations;
        this.clock = clock;
    }

    public Domicile domicile(String residentId, String residenceCode) {
        Optional<FamilyRegister> register = registers.ofResident(residentId);
        if (register.isEmpty()) {
            return new Domicile(register, FamilyRegisterAccess.Status.NONE);
        }
        String code = register.get().municipalityCode();
        if (code.equals(residenceCode)) {
            return new Domicile(register, FamilyRegisterAccess.Status.AVAILABLE);
        }
        if (!participates(code)) {
            return new Domicile(register, FamilyRegisterAccess.Status.DOMICILE_NOT_PARTICIPATING);
        }
        FamilyRegisterAccess.Status status = registrations.find(residentId, code, clock.instant())
                .map(filed -> filed.status() == UseRegistrations.Status.APPROVED
                        ? FamilyRegisterAccess.Status.AVAILABLE : FamilyRegisterAccess.Status.USE_REGISTRATION_PENDING)
                .orElse(FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED);
        return new Domicile(register, status);
    }

    /** What the menu says about the family register; the persons only when documents can be issued. */
    public FamilyRegisterAccess access(String residentId, String residenceCode, String sessionId) {
        Domicile domicile = domicile(residentId, residenceCode);
        if (domicile.register().isEmpty()) {
            return FamilyRegisterAccess.none();
        }
        FamilyRegister register = domicile.register().get();
        List<HouseholdMember> persons = domicile.status() != FamilyRegisterAccess.Status.AVAILABLE ? List.of()
                : register.persons().stream()
                        .map(p -> new HouseholdMember(personRef(sessionId, register, p), p.name()))
                        .toList();
        return new FamilyRegisterAccess(domicile.status(), register.municipalityCode(), register.municipalityName(),
                persons);
    }

    /** Files the session's resident's use registration with the domicile's municipality (free, nothing printed). */
    public UseRegistration file(String tlsKioskId, String sessionId) {
        OpenSession session = sessions.find(sessionId, tlsKioskId)
                .orElseThrow(() -> new ApiException(ErrorCode.SESSION_INVALID, "the session is unknown or expired"));
        Domicile domicile = domicile(session.residentId(), session.municipalityCode());
        FamilyRegister register = domicile.register()
                .orElseThrow(() -> new ApiException(ErrorCode.DOCUMENT_REFUSED, "no family register on record"));
        switch (domicile.status()) {
            case DOMICILE_NOT_PARTICIPATING -> throw new ApiException(ErrorCode.DOMICILE_NOT_PARTICIPATING,
                    "the domicile's municipality takes no part");
            case AVAILABLE -> {
                if (register.municipalityCode().equals(session.municipalityCode())) {
                    throw new ApiException(ErrorCode.DOCUMENT_REFUSED, "the domicile is the resident's municipality");
                }
            }
            default -> { }
        }
        UseRegistrations.Filed filed = registrations.file(session.residentId(), register.municipalityCode(),
                clock.instant());
        LOG.log(Level.INFO, "use registration with {0} filed at kiosk {1}: {2}", register.municipalityCode(),
                tlsKioskId, filed.status());
        return new UseRegistration(UseRegistration.Status.valueOf(filed.status().name()), register.municipalityCode(),
                register.municipalityName(), filed.filedAt());
    }

    /** Every pending use registration approved now (what the domicile's office does after some days). */
    public int approvePending() {
        return registrations.approvePending(clock.instant());
    }

    /** A person of the register, under a reference that means something in this session only. */
    static String personRef(String sessionId, FamilyRegister register, RegisterPerson person) {
        return AuthenticationPayload.sha256Hex(("register-person\n" + sessionId + "\n" + register.registerId() + "\n"
                + person.position()).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    private boolean participates(String code) {
        return registry.takesPart(code) && registry.menu(code).documents().stream()
                .anyMatch(offer -> offer.type() == DocumentType.FAMILY_REGISTER);
    }
}
