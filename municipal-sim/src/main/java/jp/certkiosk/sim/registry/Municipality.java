package jp.certkiosk.sim.registry;

/**
 * A municipality (市区町村) that offers convenience-store issuance: its local government code,
 * prefecture, name and the mayor who certifies its documents.
 */
public record Municipality(String code, String prefecture, String name, String mayor) {
    /** Prefecture and municipality, as printed on certificates: e.g. 若葉県桜川市. */
    public String fullName() {
        return prefecture + name;
    }
}
