package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The volume-tier bonus lines of a period (plain Java): every payable usage sum of the period itself (not a
 * prior-period one) counts toward the agreement's share rule that matches its offering's category and usage type
 * ({@link ShareRules}); a rule with tiers earns, on its total quantity and gross revenue, the graduated bonus of
 * {@link SettlementMath#volumeTierBonus}, as its own labelled line in the statement currency.
 */
final class TierBonusLines {

    private TierBonusLines() {
    }

    /**
     * @param categories the category of each offering (an offering missing matches only rules without a category)
     * @param fxRates    the period-end rates into {@code currency} (gross revenue in another currency is converted)
     */
    static List<LineDraft> of(List<AgreementActivated.RevenueShare> rules, List<UsageSums.Sum> sums,
                              Map<String, String> categories, String currency, Map<String, BigDecimal> fxRates) {
        Map<AgreementActivated.RevenueShare, Total> totals = new IdentityHashMap<>();
        List<AgreementActivated.RevenueShare> order = new ArrayList<>();
        for (UsageSums.Sum sum : sums) {
            if (sum.priorPeriod() || !"PAYABLE_TO_PARTNER".equals(sum.direction())) {
                continue;
            }
            ShareRules.match(rules, categories.get(sum.offeringId()), sum.usageType())
                    .filter(rule -> rule.tiers() != null && !rule.tiers().isEmpty())
                    .ifPresent(rule -> {
                        if (!totals.containsKey(rule)) {
                            order.add(rule);
                        }
                        totals.computeIfAbsent(rule, ignored -> new Total(currency))
                                .add(sum.quantity(), gross(sum, currency, fxRates));
                    });
        }
        List<LineDraft> drafts = new ArrayList<>();
        for (AgreementActivated.RevenueShare rule : order) {
            Total total = totals.get(rule);
            if (total.quantity.signum() <= 0 || total.gross.amount().signum() <= 0) {
                continue;
            }
            SettlementMath.TierBonus bonus = SettlementMath.volumeTierBonus(rule.partnerSharePercent(),
                    rule.tiers().stream().map(tier -> SettlementMath.Tier.of(tier.fromVolume(),
                            tier.partnerSharePercent())).toList(), total.quantity, total.gross);
            if (bonus.amount().amount().signum() <= 0) {
                continue;
            }
            drafts.add(new LineDraft(LineKind.VOLUME_TIER_BONUS, label(rule, total, bonus), null, rule.usageType(),
                    total.quantity, bonus.amount(), "PAYABLE_TO_PARTNER", "rule " + ShareRules.describe(rule)));
        }
        return drafts;
    }

    private static Money gross(UsageSums.Sum sum, String currency, Map<String, BigDecimal> fxRates) {
        if (sum.currency().equals(currency)) {
            return Money.of(sum.charge(), currency);
        }
        BigDecimal rate = fxRates.get(sum.currency());
        if (rate == null) {
            throw new IllegalStateException("no " + sum.currency() + "→" + currency
                    + " rate at the period end: load one before the run");
        }
        return Money.of(sum.charge().multiply(rate), currency);
    }

    private static String label(AgreementActivated.RevenueShare rule, Total total, SettlementMath.TierBonus bonus) {
        String parts = bonus.parts().stream()
                .map(part -> plain(part.units()) + " units from " + plain(part.tier().fromVolume()) + " at +"
                        + plain(part.extraPercent()) + " %")
                .collect(Collectors.joining(", "));
        return "Volume-tier bonus (rule " + ShareRules.describe(rule) + ", base " + plain(
                new BigDecimal(rule.partnerSharePercent())) + " %): " + plain(total.quantity) + " units, " + parts
                + ", of " + SettlementMath.toMinorUnit(total.gross).amount().setScale(java.util.Currency.getInstance(
                total.gross.currency()).getDefaultFractionDigits(), java.math.RoundingMode.HALF_EVEN).toPlainString()
                + " "
                + total.gross.currency() + " gross";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static final class Total {
        private BigDecimal quantity = BigDecimal.ZERO;
        private Money gross;

        Total(String currency) {
            this.gross = Money.zero(currency);
        }

        void add(BigDecimal more, Money moreGross) {
            quantity = quantity.add(more);
            gross = gross.plus(moreGross);
        }
    }
}
