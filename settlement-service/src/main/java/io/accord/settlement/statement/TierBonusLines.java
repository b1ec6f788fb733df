package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The volume-tier bonus lines of a period (plain Java): every payable usage sum of the period itself (not a
 * prior-period one) counts toward the agreement's share rule that matches its offering's category and usage type
 * ({@link ShareRules}); a rule with tiers earns, per usage type and billed unit, on that volume's total quantity and
 * gross revenue, the graduated bonus of {@link SettlementMath#volumeTierBonus}, as its own labelled line in the
 * statement currency. Tiers ({@code fromVolume}) name no unit: megabytes, minutes and messages added up are no volume,
 * so a rule matching several usage types (e.g. {@code any × any}) earns one bonus per usage type, and one usage type
 * billed in MB by one offering and in GB by another counts one volume in MB ({@link BilledUnits}); units that do not
 * convert (or are not known) are never added up but earn their own line, named by the unit. A sum with no gross revenue
 * (a record re-rated to 0.00) adds no volume.
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
        Map<RuleUnit, List<UsageSums.Sum>> counted = new LinkedHashMap<>();
        for (UsageSums.Sum sum : sums) {
            if (sum.priorPeriod() || !"PAYABLE_TO_PARTNER".equals(sum.direction()) || sum.charge().signum() == 0) {
                continue;
            }
            ShareRules.match(rules, categories.get(sum.offeringId()), sum.usageType())
                    .filter(rule -> rule.tiers() != null && !rule.tiers().isEmpty())
                    .ifPresent(rule -> counted.computeIfAbsent(new RuleUnit(rule, sum.usageType()),
                            ignored -> new ArrayList<>()).add(sum));
        }
        List<LineDraft> drafts = new ArrayList<>();
        for (Map.Entry<RuleUnit, List<UsageSums.Sum>> entry : counted.entrySet()) {
            AgreementActivated.RevenueShare rule = entry.getKey().rule();
            List<BilledUnits.Volume> volumes = BilledUnits.volumes(entry.getValue());
            for (BilledUnits.Volume volume : volumes) {
                Total total = new Total(currency);
                for (BilledUnits.Part part : volume.parts()) {
                    total.add(part.quantity(), gross(part.sum(), currency, fxRates));
                }
                if (total.quantity.signum() <= 0 || total.gross.amount().signum() <= 0) {
                    continue;
                }
                SettlementMath.TierBonus bonus = SettlementMath.volumeTierBonus(rule.partnerSharePercent(),
                        rule.tiers().stream().map(tier -> SettlementMath.Tier.of(tier.fromVolume(),
                                tier.partnerSharePercent())).toList(), total.quantity, total.gross);
                if (bonus.amount().amount().signum() <= 0) {
                    continue;
                }
                // the line keeps the rule's usage type and reference (what a reconciliation matches it by); the
                // label names the usage type when the rule spans several, and the unit once units are known
                drafts.add(new LineDraft(LineKind.VOLUME_TIER_BONUS,
                        label(rule, entry.getKey().usageType(), volume.describe(volumes.size() > 1), total, bonus),
                        null, rule.usageType(), total.quantity, bonus.amount(), "PAYABLE_TO_PARTNER",
                        "rule " + ShareRules.describe(rule)));
            }
        }
        return drafts;
    }

    /**
     * A rule's volume of one usage type. The rule by identity: two rules alike are still two rules (as before units
     * counted).
     */
    private record RuleUnit(AgreementActivated.RevenueShare rule, String usageType) {

        @Override
        public boolean equals(Object other) {
            return other instanceof RuleUnit that && rule == that.rule && Objects.equals(usageType, that.usageType);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(rule) + Objects.hashCode(usageType);
        }
    }

    private static String unitName(String usageType) {
        return usageType == null ? "usage without a type" : usageType;
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

    private static String label(AgreementActivated.RevenueShare rule, String usageType, String unit, Total total,
                                SettlementMath.TierBonus bonus) {
        String parts = bonus.parts().stream()
                .map(part -> plain(part.units()) + " units from " + plain(part.tier().fromVolume()) + " at +"
                        + plain(part.extraPercent()) + " %")
                .collect(Collectors.joining(", "));
        return "Volume-tier bonus (rule " + ShareRules.describe(rule) + (rule.usageType() == null ? " on "
                + unitName(usageType) : "") + (unit == null ? "" : " " + unit) + ", base " + plain(
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
