package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.product.PartnerProducts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reseller's per-resource monthly wholesale fees of one product: each agreement wholesale rate whose unit is
 * {@code <RESOURCE>_MONTH} (the RESELL template's {@code SIM_MONTH}) times the product's identifiers of that resource
 * ({@code SIM} counts {@code ICCID}s; another resource its own identifier type), prorated by day (plain Java).
 */
final class ResourceFees {

    private static final String MONTHLY_FEE_SUFFIX = "_MONTH";

    private ResourceFees() {
    }

    /** The agreement's {@code <RESOURCE>_MONTH} rates that apply to the product's identifiers. */
    static List<Fee> of(PartnerTerms.Agreement agreement, PartnerProducts.Product product) {
        List<AgreementActivated.WholesaleRate> rates = agreement.terms().wholesaleRates();
        List<Fee> fees = new ArrayList<>();
        for (AgreementActivated.WholesaleRate rate : rates == null ? List.<AgreementActivated.WholesaleRate>of()
                : rates) {
            String unit = rate.unit() == null ? "" : rate.unit().toUpperCase(Locale.ROOT);
            if (!unit.endsWith(MONTHLY_FEE_SUFFIX) || unit.length() == MONTHLY_FEE_SUFFIX.length()) {
                continue;
            }
            String resource = unit.substring(0, unit.length() - MONTHLY_FEE_SUFFIX.length());
            String identifierType = "SIM".equals(resource) ? "ICCID" : resource;
            long count = product.identifiers().stream()
                    .filter(identifier -> identifierType.equalsIgnoreCase(identifier.type())).count();
            if (count > 0) {
                fees.add(new Fee(unit, resource, rate.price(), count, Money.of(
                        new BigDecimal(rate.price()).multiply(BigDecimal.valueOf(count)), agreement.currency())));
            }
        }
        return fees;
    }

    /** A per-resource monthly fee of one product: {@code count} resources at {@code price} each a month. */
    record Fee(String unit, String resource, String price, long count, Money monthly) {

        /** Its part in [from, to), prorated by day over the product's active time. */
        Money charge(PartnerProducts.Product product, Instant from, Instant to) {
            return SettlementMath.recurringCharge(monthly, "MONTH", "DAILY", from, to, product.startAt(),
                    product.endAt());
        }
    }
}
