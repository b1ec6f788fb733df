package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.value.Money;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import io.accord.rating.engine.AgreementVersion.RevenueShareRule;
import io.accord.rating.engine.PartyAmount.Direction;
import io.accord.rating.engine.RatingBasis.AgreementRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rating step 4, in two halves: {@link #plan} decides the case and finds the agreements in force before anything is
 * charged (so that a missing agreement suspends the record without moving its accumulator); {@link #allocate}
 * splits a charge: each payable share rounded once, the margin the exact remainder.
 */
final class Allocation {

    /**
     * Who gets what: the partners with their share percentages, or a reseller's wholesale rate; {@code problem} set
     * when an agreement is missing.
     */
    record Plan(AllocationCase kind, String[] partners, BigDecimal[] percents, List<AgreementRef> agreements,
                BigDecimal wholesaleRate, UnitOfMeasure wholesaleUnit, String currency, String problem) {
    }

    /** The split of a charge. */
    record Split(List<PartyAmount> parties, Money margin) {
    }

    private static final String[] NONE = new String[0];
    private static final Plan OWN = new Plan(AllocationCase.OWN, NONE, new BigDecimal[0], List.of(), null, null,
            null, null);

    private Allocation() {
    }

    static Plan plan(ProductInstance instance, String usageType, UnitOfMeasure billedUnit, Instant at,
                     RatingSnapshot snapshot) {
        if (!instance.participants().isEmpty()) {
            return coCreated(instance, at, snapshot);
        }
        if (instance.ownerPartnerId() != null) {
            return sellThrough(instance, usageType, at, snapshot);
        }
        if (instance.buyerPartnerId() != null) {
            return resell(instance.buyerPartnerId(), billedUnit, at, snapshot);
        }
        return OWN;
    }

    static Split allocate(Plan plan, Money charge) {
        if (plan.kind() == AllocationCase.OWN) {
            return new Split(List.of(), charge);
        }
        if (plan.kind() == AllocationCase.RESELL) {
            return new Split(List.of(new PartyAmount(plan.partners()[0], Direction.OWED_BY_PARTNER, null, charge)),
                    charge);
        }
        return shares(plan.partners(), plan.percents(), charge);
    }

    /** Each partner's share rounded once; the margin takes the remainder, so the charge splits exactly. */
    static Split shares(String[] partners, BigDecimal[] percents, Money charge) {
        String currency = charge.currency();
        BigDecimal shared = BigDecimal.ZERO;
        PartyAmount[] parties = new PartyAmount[partners.length];
        for (int i = 0; i < partners.length; i++) {
            Money share = Money.of(charge.amount().multiply(percents[i].movePointLeft(2)), currency);
            shared = shared.add(share.amount());
            parties[i] = new PartyAmount(partners[i], Direction.PAYABLE_TO_PARTNER, percents[i], share);
        }
        return new Split(List.of(parties), Money.of(charge.amount().subtract(shared), currency));
    }

    /** What the reseller owes for {@code billed} of {@code billedUnit}, at its wholesale rate. */
    static Money wholesaleCharge(Plan plan, BigDecimal billed, UnitOfMeasure billedUnit) {
        BigDecimal quantity = Quantities.convert(billed, billedUnit, plan.wholesaleUnit());
        return Money.of(quantity.multiply(plan.wholesaleRate()), plan.currency());
    }

    private static Plan coCreated(ProductInstance instance, Instant at, RatingSnapshot snapshot) {
        List<ProductInstance.Participant> participants = instance.participants();
        String[] partners = new String[participants.size()];
        BigDecimal[] percents = new BigDecimal[participants.size()];
        List<AgreementRef> agreements = new ArrayList<>(participants.size());
        for (int i = 0; i < partners.length; i++) {
            partners[i] = participants.get(i).partnerId();
            percents[i] = participants.get(i).sharePercent();
            CompiledAgreement agreement = snapshot.agreementInForce(partners[i], at);
            if (agreement == null) {
                return problem("participant " + partners[i] + " has no agreement in force at " + at);
            }
            agreements.add(agreement.ref());
        }
        return new Plan(AllocationCase.CO_CREATED, partners, percents, List.copyOf(agreements), null, null, null,
                null);
    }

    private static Plan sellThrough(ProductInstance instance, String usageType, Instant at, RatingSnapshot snapshot) {
        String owner = instance.ownerPartnerId();
        CompiledAgreement agreement = snapshot.agreementInForce(owner, at);
        if (agreement == null) {
            return problem("owner " + owner + " has no agreement in force at " + at);
        }
        RevenueShareRule rule = agreement.shareRule(instance.categoryCode(), usageType);
        if (rule == null) {
            return problem("agreement " + agreement.version.agreementId() + " of owner " + owner
                    + " has no revenue-share rule for category " + instance.categoryCode() + " and " + usageType);
        }
        return new Plan(AllocationCase.SELL_THROUGH, new String[] {owner},
                new BigDecimal[] {rule.partnerSharePercent()}, agreement.refs, null, null, null, null);
    }

    private static Plan resell(String buyer, UnitOfMeasure billedUnit, Instant at, RatingSnapshot snapshot) {
        CompiledAgreement agreement = snapshot.agreementInForce(buyer, at);
        if (agreement == null) {
            return problem("buyer " + buyer + " has no agreement in force at " + at);
        }
        if (agreement.version.businessModel() != BusinessModel.RESELL) {
            return problem("buyer " + buyer + " buys a CSP offering but its agreement "
                    + agreement.version.agreementId() + " is " + agreement.version.businessModel() + ", not RESELL");
        }
        UnitOfMeasure unit = agreement.wholesaleRate(billedUnit) != null ? billedUnit
                : agreement.convertibleWholesaleUnit(billedUnit);
        if (unit == null) {
            return problem("agreement " + agreement.version.agreementId() + " of buyer " + buyer
                    + " has no wholesale rate for " + billedUnit);
        }
        return new Plan(AllocationCase.RESELL, new String[] {buyer}, new BigDecimal[] {null}, agreement.refs,
                agreement.wholesaleRate(unit), unit, agreement.version.currency(), null);
    }

    private static Plan problem(String detail) {
        return new Plan(null, NONE, new BigDecimal[0], List.of(), null, null, null, detail);
    }
}
