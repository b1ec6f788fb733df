package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.product.PartnerProducts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The recurring and one-time lines of a partner's period from its products' locked charges (plain Java), allocated
 * as rating allocates usage:
 * <ul>
 *   <li>a co-created product (it lists participants): the partner's participant share % of each charge;</li>
 *   <li>a product of the partner's own offering: the share % of its agreement's rule for the offering's category and
 *       the usage type {@code RECURRING} or {@code ONE_TIME} ({@link ShareRules});</li>
 *   <li>a CSP product the partner bought under a RESELL agreement: the whole charge, owed; and per resource, the
 *       agreement's monthly wholesale rates {@code <RESOURCE>_MONTH} (e.g. {@code SIM_MONTH} per ICCID), prorated
 *       by day;</li>
 *   <li>a co-created or partner-owned product the partner bought (any business model): the whole charge, owed
 *       (it billed its own customer), beside its own share when it is also the owner or a participant.</li>
 * </ul>
 * A recurring charge counts by the price's proration policy ({@link SettlementMath#recurringCharge}); a one-time
 * charge counts in the period its product started in. Lines are summed per offering, price and share.
 */
final class ProductChargeLines {

    private static final Logger log = LoggerFactory.getLogger(ProductChargeLines.class);
    /**
     * Labels the one-time charges of products that arrived after the period they started in was closed, and their
     * recurring charges for the closed periods whose statements missed them.
     */
    static final String LATE_PREFIX = "Prior-period adjustment (product started in a closed period): ";
    /** Labels the reversal of recurring charges that closed periods charged beyond a product's end learnt late. */
    static final String ENDED_PREFIX = "Prior-period adjustment (product ended in a closed period): ";
    /** Labels the back-charge of closed periods charged up to an end that was later withdrawn or moved later. */
    static final String EXTENDED_PREFIX = "Prior-period adjustment (product end moved later in a closed period): ";

    private ProductChargeLines() {
    }

    /**
     * A line charging or adjusting products for earlier, closed periods: it belongs to those periods, so no minimum
     * guarantee or commitment measures it.
     */
    static boolean priorPeriod(String label) {
        return label.startsWith(LATE_PREFIX) || label.startsWith(ENDED_PREFIX) || label.startsWith(EXTENDED_PREFIX);
    }

    /**
     * @param active  the partner's products active at some instant of the period
     * @param started the partner's products that started within it
     */
    static List<LineDraft> of(UUID partnerId, PartnerTerms.Agreement agreement, Instant periodStart,
                              Instant periodEnd, List<PartnerProducts.Product> active,
                              List<PartnerProducts.Product> started) {
        return of(partnerId, agreement, periodStart, periodEnd, active, started, List.of());
    }

    /**
     * @param late the partner's products that started in an earlier period but arrived after it was closed: their
     *             one-time charges, and their recurring charges (prorated by the price's policy, with the per-resource
     *             fees of a reseller) over the closed periods that missed them, land here, on lines labelled as
     *             prior-period charges
     */
    static List<LineDraft> of(UUID partnerId, PartnerTerms.Agreement agreement, Instant periodStart,
                              Instant periodEnd, List<PartnerProducts.Product> active,
                              List<PartnerProducts.Product> started, List<Late> late) {
        return of(partnerId, agreement, periodStart, periodEnd, active, started, late, List.of());
    }

    /**
     * @param ended the partner's products whose end changed after closed periods were charged with another end: per
     *              closed period, the recurring charges (and a reseller's per-resource fees) prorated by the price's
     *              policy with the end now, less the same with the end charged, land here on lines labelled as
     *              prior-period adjustments (negative when the end came earlier: a reversal)
     */
    static List<LineDraft> of(UUID partnerId, PartnerTerms.Agreement agreement, Instant periodStart,
                              Instant periodEnd, List<PartnerProducts.Product> active,
                              List<PartnerProducts.Product> started, List<Late> late, List<Ended> ended) {
        Map<Key, Total> totals = new LinkedHashMap<>();
        for (PartnerProducts.Product product : active) {
            for (Share share : shares(partnerId, agreement, product, ShareRules.RECURRING)) {
                for (ProductDetails.LockedCharge charge : product.recurringCharges()) {
                    Money prorated = prorated(product, charge, periodStart, periodEnd);
                    add(totals, product, charge, share, prorated, true);
                }
                if (share.resourceFees()) {
                    monthlyFees(agreement, product, periodStart, periodEnd, totals);
                }
            }
        }
        for (PartnerProducts.Product product : started) {
            for (Share share : shares(partnerId, agreement, product, ShareRules.ONE_TIME)) {
                for (ProductDetails.LockedCharge charge : product.oneTimeCharges()) {
                    add(totals, product, charge, share, money(product, charge), false);
                }
            }
        }
        Map<Key, Total> lateTotals = new LinkedHashMap<>();
        for (Late missed : late) {
            PartnerProducts.Product product = missed.product();
            for (Share share : shares(partnerId, agreement, product, ShareRules.RECURRING)) {
                for (Window window : missed.closedPeriods()) {
                    for (ProductDetails.LockedCharge charge : product.recurringCharges()) {
                        add(lateTotals, product, charge, share,
                                prorated(product, charge, window.start(), window.end()), true);
                    }
                    if (share.resourceFees()) {
                        monthlyFees(agreement, product, window.start(), window.end(), lateTotals);
                    }
                }
            }
            for (Share share : shares(partnerId, agreement, product, ShareRules.ONE_TIME)) {
                for (ProductDetails.LockedCharge charge : product.oneTimeCharges()) {
                    add(lateTotals, product, charge, share, money(product, charge), false);
                }
            }
        }
        Map<Key, Total> endedTotals = new LinkedHashMap<>();
        Map<Key, Total> extendedTotals = new LinkedHashMap<>();
        for (Ended changed : ended) {
            endAdjustment(partnerId, changed,
                    endsEarlier(changed.product().endAt(), changed.chargedEndAt()) ? endedTotals : extendedTotals);
        }
        List<LineDraft> drafts = new ArrayList<>();
        totals.forEach((key, total) -> {
            if (total.amount.amount().signum() != 0) {
                drafts.add(new LineDraft(key.kind(), total.label(key), key.offeringId(), null,
                        BigDecimal.valueOf(total.count), total.amount,
                        key.kind().measure() == LineKind.Measure.OWED ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER",
                        key.reference()));
            }
        });
        lateTotals.forEach((key, total) -> {
            if (total.amount.amount().signum() != 0) {
                drafts.add(new LineDraft(key.kind(), LATE_PREFIX + total.label(key), key.offeringId(), null,
                        BigDecimal.valueOf(total.count), total.amount,
                        key.kind().measure() == LineKind.Measure.OWED ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER",
                        key.reference()));
            }
        });
        endedTotals.forEach((key, total) -> drafts.add(adjustmentLine(ENDED_PREFIX, key, total)));
        extendedTotals.forEach((key, total) -> drafts.add(adjustmentLine(EXTENDED_PREFIX, key, total)));
        drafts.removeIf(draft -> draft.amount().amount().signum() == 0);
        return drafts;
    }

    /**
     * What the product's closed periods owe now beyond what they were charged: per period, under that period's
     * agreement, each recurring charge's partner amount with the end now less the same with the end charged (each
     * computed as that period's statement computed it: {@link #prorated}, then the share), and a reseller's
     * per-resource fees the same way; summed per charge and share (per fee) over the periods.
     */
    private static void endAdjustment(UUID partnerId, Ended changed, Map<Key, Total> totals) {
        PartnerProducts.Product product = changed.product();
        PartnerProducts.Product asCharged = product.endingAt(changed.chargedEndAt());
        Map<ChargeShare, Money> charges = new LinkedHashMap<>();
        Map<ResourceFees.Fee, Money> fees = new LinkedHashMap<>();
        for (Charged period : changed.closedPeriods()) {
            Window window = period.window();
            for (Share share : shares(partnerId, period.agreement(), product, ShareRules.RECURRING)) {
                for (ProductDetails.LockedCharge charge : product.recurringCharges()) {
                    Money now = partnerAmount(share, prorated(product, charge, window.start(), window.end()));
                    Money then = partnerAmount(share, prorated(asCharged, charge, window.start(), window.end()));
                    charges.merge(new ChargeShare(charge, share), now.minus(then), Money::plus);
                }
                if (share.resourceFees()) {
                    for (ResourceFees.Fee fee : ResourceFees.of(period.agreement(), product)) {
                        Money owedNow = fee.charge(product, window.start(), window.end());
                        Money owedThen = fee.charge(asCharged, window.start(), window.end());
                        fees.merge(fee, owedThen.minus(owedNow), Money::plus);
                    }
                }
            }
        }
        charges.forEach((charged, difference) -> {
            if (difference.amount().signum() != 0) {
                addAmount(totals, product, charged.charge(), charged.share(), difference, true);
            }
        });
        fees.forEach((fee, difference) -> {
            if (difference.amount().signum() != 0) {
                feeTotal(fee, totals, difference.currency()).add(difference, fee.count());
            }
        });
    }

    /** A recurring charge under a share (the key end adjustments sum by). */
    private record ChargeShare(ProductDetails.LockedCharge charge, Share share) {
    }

    /** {@code end} comes before {@code than} ({@code null}: no end, never). */
    private static boolean endsEarlier(Instant end, Instant than) {
        return end != null && (than == null || end.isBefore(than));
    }

    /** An end adjustment's line: its direction follows its sign (a reversal of a share is owed by the partner). */
    private static LineDraft adjustmentLine(String prefix, Key key, Total total) {
        return new LineDraft(key.kind(), prefix + total.label(key), key.offeringId(), null,
                BigDecimal.valueOf(total.count), total.amount,
                total.amount.amount().signum() < 0 ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER", key.reference());
    }

    /**
     * The partner's parts of the product's charges, each a share % ({@code percent}) or the whole charge owed
     * ({@code percent} {@code null}); empty when the partner has none (or no rule covers it). As rating allocates
     * usage (docs/rating-engine.md, "Allocation cases"):
     * <ul>
     *   <li>its participant share of a co-created product, or its rule's share of a product of its own offering;</li>
     *   <li>a product it bought of a co-created or partner-owned offering: the whole charge owed, whatever its
     *       business model (it billed its own customer; the CSP billed nobody), beside its share when it is also the
     *       owner or a participant (the other partners' shares are theirs, on their statements);</li>
     *   <li>a CSP product it bought under a {@code RESELL} agreement: the whole charge owed, with the agreement's
     *       per-resource fees.</li>
     * </ul>
     */
    private static List<Share> shares(UUID partnerId, PartnerTerms.Agreement agreement,
                                      PartnerProducts.Product product, String chargeType) {
        List<Share> shares = new ArrayList<>(2);
        boolean cspOffering = product.participants().isEmpty() && product.ownerPartnerId() == null;
        if (!product.participants().isEmpty()) {
            product.participants().stream()
                    .filter(participant -> partnerId.toString().equals(participant.partnerId())).findFirst()
                    .map(OfferingLaunched.Participant::sharePercent).map(BigDecimal::new)
                    .map(percent -> new Share(percent, "participant share", false)).ifPresent(shares::add);
        } else if (partnerId.equals(product.ownerPartnerId())) {
            Optional<AgreementActivated.RevenueShare> rule = ShareRules.match(agreement.terms().revenueShares(),
                    product.categoryCode(), chargeType);
            if (rule.isEmpty()) {
                log.warn("Agreement {} of partner {} has no revenue-share rule for category {} and {}: product {} "
                        + "earns no {} share", agreement.agreementId(), partnerId, product.categoryCode(), chargeType,
                        product.productId(), chargeType);
            }
            rule.map(found -> new Share(new BigDecimal(found.partnerSharePercent()),
                    "rule " + ShareRules.describe(found), false)).ifPresent(shares::add);
        }
        if (partnerId.equals(product.buyerPartnerId())) {
            if (!cspOffering) {
                shares.add(new Share(null, "bought for its own customer", false));
            } else if ("RESELL".equals(agreement.businessModel())) {
                shares.add(new Share(null, "wholesale", true));
            }
        }
        return shares;
    }

    private static void add(Map<Key, Total> totals, PartnerProducts.Product product,
                            ProductDetails.LockedCharge charge, Share share, Money charged, boolean recurring) {
        if (charged.amount().signum() != 0) {
            addAmount(totals, product, charge, share, partnerAmount(share, charged), recurring);
        }
    }

    /** Adds the partner's amount (already shared: positive payable, negative owed) to its line. */
    private static void addAmount(Map<Key, Total> totals, PartnerProducts.Product product,
                                  ProductDetails.LockedCharge charge, Share share, Money amount, boolean recurring) {
        boolean owed = share.percent() == null;
        LineKind kind = recurring ? owed ? LineKind.RECURRING_WHOLESALE : LineKind.RECURRING_SHARE
                : owed ? LineKind.ONE_TIME_WHOLESALE : LineKind.ONE_TIME_SHARE;
        Key key = new Key(kind, product.offeringId(), charge.priceId(), amount.currency(), share.percent());
        totals.computeIfAbsent(key, ignored -> new Total(name(product), share.basis(), amount.currency()))
                .add(amount);
    }

    /** The partner's amount of a charge: its share % of it (6 decimals, HALF_EVEN), or all of it owed. */
    private static Money partnerAmount(Share share, Money charged) {
        return share.percent() == null ? Money.of(charged.amount().negate(), charged.currency())
                : Money.of(charged.amount().multiply(share.percent()).movePointLeft(2), charged.currency());
    }

    /** The agreement's monthly per-resource wholesale fees of a product the partner resells. */
    private static void monthlyFees(PartnerTerms.Agreement agreement, PartnerProducts.Product product,
                                    Instant periodStart, Instant periodEnd, Map<Key, Total> totals) {
        for (ResourceFees.Fee fee : ResourceFees.of(agreement, product)) {
            Money charged = fee.charge(product, periodStart, periodEnd);
            if (charged.amount().signum() != 0) {
                feeTotal(fee, totals, agreement.currency()).add(Money.of(charged.amount().negate(), charged.currency()),
                        fee.count());
            }
        }
    }

    /** The line a per-resource fee adds to (one per rate). */
    private static Total feeTotal(ResourceFees.Fee fee, Map<Key, Total> totals, String currency) {
        Key key = new Key(LineKind.RECURRING_WHOLESALE, null, fee.unit(), currency, null);
        return totals.computeIfAbsent(key, ignored -> new Total("Per-" + fee.resource() + " monthly fee ("
                + fee.price() + " " + currency + " per " + fee.resource() + " and month, by day)", fee.resource(),
                currency));
    }

    private static Money prorated(PartnerProducts.Product product, ProductDetails.LockedCharge charge,
                                  Instant periodStart, Instant periodEnd) {
        try {
            return SettlementMath.recurringCharge(money(product, charge), charge.period(), charge.proration(),
                    periodStart, periodEnd, product.startAt(), product.endAt());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException("product " + product.productId() + ", recurring charge "
                    + charge.priceId() + ": " + malformed.getMessage());
        }
    }

    private static Money money(PartnerProducts.Product product, ProductDetails.LockedCharge charge) {
        try {
            return Money.of(charge.amount(), charge.currency());
        } catch (RuntimeException malformed) {
            throw new IllegalStateException("product " + product.productId() + ", charge " + charge.priceId()
                    + ": amount '" + charge.amount() + "' in '" + charge.currency() + "' is not money");
        }
    }

    private static String name(PartnerProducts.Product product) {
        return product.offeringName() != null ? product.offeringName() : product.offeringId();
    }

    /**
     * A product that arrived after the period it started in began closing.
     *
     * @param closedPeriods the partner's earlier periods that began closing before it arrived and overlap its active
     *                      time: their statements missed its charges
     */
    record Late(PartnerProducts.Product product, List<Window> closedPeriods) {
    }

    /**
     * A product whose end changed after some of the partner's periods were charged with another.
     *
     * @param chargedEndAt  the end those periods were charged with ({@code null}: none)
     * @param closedPeriods the partner's closed periods whose statements charged the product with it, each with the
     *                      agreement its statement was drafted under
     */
    record Ended(PartnerProducts.Product product, Instant chargedEndAt, List<Charged> closedPeriods) {
    }

    /** A closed period that charged a product, under the agreement of its statement. */
    record Charged(Window window, PartnerTerms.Agreement agreement) {
    }

    /** A settlement period's [start, end). */
    record Window(Instant start, Instant end) {
    }

    /**
     * @param percent      the partner's share %, {@code null} when it owes the whole charge
     * @param resourceFees the agreement's per-resource monthly fees apply too (a CSP product resold)
     */
    private record Share(BigDecimal percent, String basis, boolean resourceFees) {
    }

    private record Key(LineKind kind, String offeringId, String reference, String currency, BigDecimal percent) {
    }

    /** What one line sums: its amount, how many products (or resources) it counts. */
    private static final class Total {
        private final String name;
        private final String basis;
        private Money amount;
        private long count;

        Total(String name, String basis, String currency) {
            this.name = name;
            this.basis = basis;
            this.amount = Money.zero(currency);
        }

        void add(Money more) {
            add(more, 1);
        }

        void add(Money more, long units) {
            amount = amount.plus(more);
            count += units;
        }

        String label(Key key) {
            String what = switch (key.kind()) {
                case RECURRING_SHARE -> "Recurring share: ";
                case ONE_TIME_SHARE -> "One-time share: ";
                case ONE_TIME_WHOLESALE -> "One-time wholesale: ";
                default -> "Recurring wholesale: ";
            };
            if (key.offeringId() == null) {
                return what + name + ", " + count + " × " + basis;
            }
            String share = key.percent() == null ? "wholesale".equals(basis) ? "owed in full"
                    : "owed in full (" + basis + ")"
                    : key.percent().stripTrailingZeros().toPlainString() + " % (" + basis + ")";
            String charges = switch (key.kind()) {
                case RECURRING_SHARE, RECURRING_WHOLESALE -> "prorated recurring charge";
                default -> "one-time charge";
            };
            return what + name + " (" + key.reference() + "), " + share + " of the " + charges + " of " + count
                    + (count == 1 ? " product" : " products");
        }
    }
}
