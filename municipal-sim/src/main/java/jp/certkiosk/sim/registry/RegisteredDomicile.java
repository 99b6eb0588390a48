package jp.certkiosk.sim.registry;

/**
 * 本籍 and 筆頭者 as the resident register records them for a Japanese national: the place of the
 * family register and the name of the person it is headed by. Foreign residents have none.
 */
public record RegisteredDomicile(String domicile, String headOfFamilyRegister) {}
