package jp.certkiosk.sim.registry;

/**
 * One resident's municipal and prefectural tax of one fiscal year (年度), levied by the
 * municipality they lived in on 1 January of that year on the income of the year before. Yen.
 *
 * @param addressOnJanuaryFirst the address on the assessment date (賦課期日)
 * @param salaryIncome 給与収入
 * @param employmentIncome 給与所得 (after the employment income deduction)
 * @param totalIncome 合計所得金額
 * @param deductions 所得控除額の合計
 * @param taxableIncome 課税標準額
 * @param municipalTax 市町村民税 (所得割 and 均等割)
 * @param prefecturalTax 道府県民税 (所得割 and 均等割)
 */
public record TaxRecord(String residentId, int fiscalYear, String municipalityCode, String addressOnJanuaryFirst,
                        long salaryIncome, long employmentIncome, long otherIncome, long totalIncome, long deductions,
                        long taxableIncome, long municipalIncomeLevy, long municipalPerCapita,
                        long prefecturalIncomeLevy, long prefecturalPerCapita, int dependents) {
    public long municipalTax() {
        return municipalIncomeLevy + municipalPerCapita;
    }

    public long prefecturalTax() {
        return prefecturalIncomeLevy + prefecturalPerCapita;
    }

    /** 年税額. */
    public long annualTax() {
        return municipalTax() + prefecturalTax();
    }
}
