package io.accord.settlement.money;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How each of the two supplies a statement may document is taxed, from the agreement's treatment and where the
 * partner and the issuing entity (the CSP) are (plain Java). The agreement's treatment (onboarding's {@code TaxHome})
 * is the one of our supply to the partner; for a partner outside the EU VAT territory it is 0 % without reverse
 * charge. The partner's supply to us (its revenue share, self-billed by us) runs the other way: a service between
 * businesses is supplied where its recipient is established (Article 44, Council Directive 2006/112/EC), here in our
 * member state, and as the partner is not established there we, the recipient, account for the VAT (Article 196; in
 * Germany § 13b (2) no. 1 and (5) UStG). So, when the partner is outside the EU VAT territory, the issuing entity
 * inside it and the agreement charges no VAT:
 * <ul>
 *     <li>the partner's supply to us: reverse charge, 0 % with the Article 196 note;</li>
 *     <li>our supply to the partner: outside the scope of EU VAT, 0 % with a note saying so (not the reverse-charge
 *     note: the partner's own country decides its VAT).</li>
 * </ul>
 * Otherwise (a partner in the EU, a country not known, an agreement charging VAT, e.g. on a partner's establishment
 * in our country) both supplies keep the agreement's treatment.
 */
final class PlaceOfSupply {

    /** EU member states (ISO 3166), with Monaco, which is part of France's VAT territory (Article 7). */
    static final Set<String> EU_VAT_TERRITORY = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "MC");

    private PlaceOfSupply() {
    }

    static SettlementMath.SupplyTreatments of(String ratePercent, boolean reverseCharge, String partnerCountry,
                                             String issuerCountry) {
        SettlementMath.Treatment agreed = SettlementMath.Treatment.of(ratePercent, reverseCharge);
        if (!chargesNoVat(ratePercent, reverseCharge) || !inEu(issuerCountry) || partnerCountry == null
                || partnerCountry.isBlank() || inEu(partnerCountry)) {
            return new SettlementMath.SupplyTreatments(agreed, agreed);
        }
        return new SettlementMath.SupplyTreatments(SettlementMath.Treatment.REVERSE_CHARGE,
                SettlementMath.Treatment.OUTSIDE_SCOPE);
    }

    private static boolean chargesNoVat(String ratePercent, boolean reverseCharge) {
        return reverseCharge || ratePercent == null || ratePercent.isBlank()
                || new BigDecimal(ratePercent.strip()).signum() == 0;
    }

    private static boolean inEu(String country) {
        return country != null && EU_VAT_TERRITORY.contains(country.strip().toUpperCase(Locale.ROOT));
    }
}
