package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The auto-approval policy, as plain Java. */
final class AutoApproval {

    /** Who the audit trail names for a decision the policy took. */
    static final String ACTOR = "auto-approval policy";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AutoApprovalProperties properties;

    AutoApproval(AutoApprovalProperties properties) {
        this.properties = properties;
    }

    boolean approvesSubmission(OfferingDraft draft) {
        return properties.categories().contains(draft.categoryCode());
    }

    /**
     * A price-only change is approved when the same prices keep their structure and every amount, rate and
     * minimum charge moves by at most the configured percentage, both from the live price and from its reviewed
     * baseline (the version a partner manager, or the launch, approved for the changed price's start). Measured
     * against the live price alone, announcements chained one after the other, each within the threshold of the
     * previous one the policy approved, had moved a price as far as the partner wanted without review.
     *
     * A changed price version starting in the past (beyond the configured grace) is a correction: usage since its
     * start, late or recycled records, is rated (again) at the new price, so it always needs a manager, however small.
     *
     * @param reviewed the reviewed baseline per price external id; a changed price without one needs a manager
     * @param now      when the change is proposed
     */
    boolean approvesPriceChange(List<PriceDraft> live, List<PriceDraft> proposed, Map<String, PriceDraft> reviewed,
                                Instant now) {
        if (properties.priceChangePercent().signum() < 0 || live.size() != proposed.size()) {
            return false;
        }
        Map<String, PriceDraft> before = live.stream().collect(Collectors.toMap(PriceDraft::externalId,
                Function.identity()));
        for (PriceDraft after : proposed) {
            PriceDraft old = before.get(after.externalId());
            if (old == null || !close(old, after)) {
                return false;
            }
            if (old.equals(after)) {
                continue;
            }
            PriceDraft baseline = reviewed.get(after.externalId());
            if (baseline == null || !close(baseline, after) || backdated(after, now)) {
                return false;
            }
        }
        return true;
    }

    private boolean backdated(PriceDraft price, Instant now) {
        return price.validFrom() != null && price.validFrom().isBefore(now.minus(properties.backdatingGrace()));
    }

    /** Same structure, and every amount, tier rate and minimum charge within the percentage. */
    private boolean close(PriceDraft old, PriceDraft after) {
        if (!structure(old).equals(structure(after))) {
            return false;
        }
        List<BigDecimal[]> pairs = new ArrayList<>();
        pairs.add(new BigDecimal[] {old.amount(), after.amount()});
        pairs.add(new BigDecimal[] {old.minimumCharge(), after.minimumCharge()});
        for (int i = 0; i < old.tiers().size(); i++) {
            pairs.add(new BigDecimal[] {old.tiers().get(i).rate(), after.tiers().get(i).rate()});
        }
        return pairs.stream().allMatch(pair -> within(pair[0], pair[1]));
    }

    private boolean within(BigDecimal old, BigDecimal changed) {
        if (old == null || changed == null) {
            return old == changed;
        }
        if (old.signum() == 0) {
            return changed.signum() == 0;
        }
        BigDecimal percent = changed.subtract(old).abs().multiply(HUNDRED).divide(old, MathContext.DECIMAL64);
        return percent.compareTo(properties.priceChangePercent()) <= 0;
    }

    /** The price without what the policy lets change: amounts, rates, minimum charge and start. */
    private static PriceDraft structure(PriceDraft p) {
        return new PriceDraft(p.externalId(), p.name(), p.type(), null, p.currency(), p.taxCategory(), p.period(),
                p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), p.minimumQuantity(), p.tierMode(),
                p.tiers().stream().map(t -> new PriceDraft.Tier(t.from(), t.to(), null)).toList(), p.accumulation(),
                p.usageTypes(), null, null);
    }
}
