package jp.certkiosk.sim.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the resident register records for a foreign resident: 国籍・地域, 在留資格 and the end of
 * the period of stay (none for permanent residents).
 */
public record ForeignResidence(String nationality, String statusOfResidence, Optional<LocalDate> periodOfStayEnds) {}
