package io.accord.orchestration.quote;

import io.accord.orchestration.quote.QuoteResources.Alteration;
import io.accord.orchestration.quote.QuoteResources.Money;
import io.accord.orchestration.quote.QuoteResources.Price;
import io.accord.orchestration.quote.QuoteResources.QuotePrice;
import io.accord.orchestration.quote.QuoteResources.Ref;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The quote aggregate as TMF648 shows it. */
final class QuoteViews {

    /** The note on a usage price the buyer partner is charged its agreement's wholesale rate for instead. */
    static final String RESOLD_USAGE = "Retail rate of the CSP's offering, at which the customer's usage is rated. "
            + "The buyer, as a reseller, is charged its RESELL agreement's wholesale rate per %s instead (see the "
            + "agreement; not shown here)";

    private QuoteViews() {
    }

    static QuoteResources.QuoteView view(Quote quote) {
        List<QuoteResources.Party> parties = new ArrayList<>();
        parties.add(new QuoteResources.Party(quote.customerId, quote.customerName, QuoteResources.CUSTOMER,
                QuoteResources.CUSTOMER)); // @referredType: a TMF629 Customer (an end customer of ours)
        if (quote.buyerPartnerId != null) {
            parties.add(new QuoteResources.Party(quote.buyerPartnerId.toString(), null, QuoteResources.BUYER,
                    "Organization"));
        } else {
            parties.add(new QuoteResources.Party(quote.salesChannel, null, QuoteResources.SALES_CHANNEL, null));
        }
        List<QuoteResources.ItemView> items = quote.lines.stream().map(line -> new QuoteResources.ItemView(
                line.itemId(), "add", line.quantity(), quote.state.tmf(),
                new Ref(line.offeringId(), line.offeringName()),
                new QuoteResources.ProductView(line.characteristics().entrySet().stream()
                        .map(e -> new QuoteResources.CharacteristicView(e.getKey(), e.getValue())).toList()),
                line.prices().stream().map(price -> price(price, quote.discountPercent, quote.buyerPartnerId != null))
                        .toList())).toList();
        return new QuoteResources.QuoteView(quote.id.toString(), QuoteResources.PATH + "/" + quote.id,
                quote.state.tmf(), quote.description, quote.externalId, quote.pricedAt,
                new QuoteResources.TimePeriod(quote.pricedAt, quote.validUntil), parties, items,
                quote.totals.stream().map(QuoteViews::total).toList(), plain(quote.discountPercent),
                quote.discountNeedsApproval, quote.approval == null ? null : quote.approval.name(), quote.decidedBy,
                quote.pricedBy, quote.editedBy, quote.approvedBy, quote.stateReason, quote.stateChangedAt, "Quote");
    }

    /**
     * A usage price of a CSP offering on a buyer partner's quote is the retail rate the offering lists, but rating
     * charges the buyer (a reseller) its RESELL agreement's wholesale rate for the unit instead: orchestration keeps
     * no agreements, so the price says so ({@code rateBasis} retail and a {@code description}) rather than show a
     * rate the buyer will not pay as if it were its own.
     */
    private static QuotePrice price(QuotePricing.LinePrice price, BigDecimal discount, boolean partnerBuys) {
        Ref offeringPrice = new Ref(price.priceVersionId(), price.priceId());
        Ref offering = new Ref(price.offeringId(), null);
        if (QuotePricing.USAGE.equals(price.type())) {
            boolean resold = partnerBuys && Boolean.TRUE.equals(price.cspOffering());
            return new QuotePrice(price.name(), resold ? RESOLD_USAGE.formatted(price.unit()) : null, "usage", null,
                    price.unit(), price.unitAmount() == null ? null : new Price(money(price.unitAmount()), null), null,
                    offeringPrice, offering, price.tiers().isEmpty() ? null : price.tiers().stream()
                    .map(t -> new QuoteResources.Tier(t.from(), t.to(), t.rate())).toList(),
                    resold ? QuoteResources.RETAIL : null);
        }
        List<Alteration> alterations = discount.signum() == 0 ? null : List.of(new Alteration("manual discount",
                tmfType(price.type()), new Price(money(price.listAmount().minus(price.amount())), plain(discount))));
        return new QuotePrice(price.name(), null, tmfType(price.type()), period(price.period()), null,
                new Price(money(price.amount()), null), alterations, offeringPrice, offering, null, null);
    }

    private static QuotePrice total(QuotePricing.Total total) {
        return new QuotePrice(null, null, tmfType(total.type()), period(total.period()), null,
                new Price(money(total.amount()), null), null, null, null, null, null);
    }

    static String tmfType(String type) {
        return switch (type) {
            case QuotePricing.ONE_TIME -> "oneTime";
            case QuotePricing.RECURRING -> "recurring";
            default -> "usage";
        };
    }

    private static String period(String period) {
        return period == null ? null : period.toLowerCase(Locale.ROOT);
    }

    private static Money money(io.accord.contracts.value.Money money) {
        return new Money(money.currency(), plain(money.amount()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
