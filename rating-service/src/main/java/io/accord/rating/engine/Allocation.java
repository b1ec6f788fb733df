package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.value.Money;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import io.accord.rating.engine.PartyAmount.Direction;
import io.accord.rating.engine.RatingBasis.AgreementRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Rating step 4, in two halves: {@link #plan} decides the case and finds the agreements in force before anything is
 * charged (so that a missing agreement suspends the record without moving its accumulator); {@link #allocate}
 * splits a charge: each payable share rounded once, the margin the exact remainder. Plans depend only on the
 * agreement versions, so they are built once with them ({@link CompiledAgreement}, {@link CompiledInstance}).
 */
final class Allocation {

    /**
     * Who gets what: the partners with their share percentages (and the same as fractions), or a reseller's
     * wholesale rate; {@code problem} set when an agreement is missing. {@code owedBy}: the partner that bought a
     * co-created or partner-owned offering for its own customer and owes the whole charge ({@code null} when the
     * CSP's own subscriber bought it).
     */
    record Plan(AllocationCase kind, String[] partners, BigDecimal[] percents, BigDecimal[] fractions,
                List<AgreementRef> agreements, BigDecimal wholesaleRate, UnitOfMeasure wholesaleUnit, String currency,
                String problem, String owedBy) {

        Plan(AllocationCase kind, String[] partners, BigDecimal[] percents, BigDecimal[] fractions,
             List<AgreementRef> agreements, BigDecimal wholesaleRate, UnitOfMeasure wholesaleUnit, String currency,
             String problem) {
            this(kind, partners, percents, fractions, agreements, wholesaleRate, wholesaleUnit, currency, problem,
                    null);
        }

        /**
         * This share plan with {@code buyer} owing the whole charge; its agreement recorded after the others (once,
         * when the buyer is also the owner or a participant with the same agreement version).
         */
        Plan owedBy(String buyer, AgreementRef agreement) {
            List<AgreementRef> refs = agreements.contains(agreement) ? agreements
                    : Lists.of(concat(agreements, agreement));
            return new Plan(kind, partners, percents, fractions, refs, null, null, null, null, buyer);
        }

        private static AgreementRef[] concat(List<AgreementRef> refs, AgreementRef last) {
            AgreementRef[] all = refs.toArray(new AgreementRef[refs.size() + 1]);
            all[refs.size()] = last;
            return all;
        }

        static Plan shares(AllocationCase kind, String[] partners, BigDecimal[] percents,
                           List<AgreementRef> agreements) {
            return new Plan(kind, partners, percents, Allocation.fractions(percents), agreements, null, null, null,
                    null);
        }

        static Plan resell(String partner, AgreementRef agreement, BigDecimal rate, UnitOfMeasure unit,
                           String currency) {
            return new Plan(AllocationCase.RESELL, new String[] {partner}, NO_DECIMALS, NO_DECIMALS,
                    List.of(agreement), rate, unit, currency, null);
        }
    }

    /** The split of a charge. */
    record Split(List<PartyAmount> parties, Money margin) {
    }

    private static final String[] NONE = new String[0];
    private static final BigDecimal[] NO_DECIMALS = new BigDecimal[0];
    private static final Plan OWN = new Plan(AllocationCase.OWN, NONE, NO_DECIMALS, NO_DECIMALS, List.of(), null,
            null, null, null);

    private Allocation() {
    }

    static Plan plan(CompiledInstance compiled, String usageType, UnitOfMeasure billedUnit, Instant at) {
        ProductInstance instance = compiled.instance;
        if (!instance.participants().isEmpty()) {
            return compiled.boughtByPartner(compiled.coCreatedPlan(at), at);
        }
        if (instance.ownerPartnerId() != null) {
            return compiled.boughtByPartner(sellThrough(compiled, usageType, at), at);
        }
        if (instance.buyerPartnerId() != null) {
            return resell(compiled, billedUnit, at);
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
        Split split = shares(plan.partners(), plan.percents(), plan.fractions(), charge);
        return plan.owedBy() == null ? split : owing(split, plan.owedBy(), charge);
    }

    /**
     * The split of a new charge for a record split before ({@code parties}, e.g. a volume tier's final rating): each
     * payable share again with its percentage (rounded once, the margin the rest), each amount owed the whole charge.
     */
    static Split resplit(List<PartyAmount> parties, Money charge) {
        int payable = 0;
        for (PartyAmount party : parties) {
            payable += party.direction() == Direction.PAYABLE_TO_PARTNER ? 1 : 0;
        }
        String[] partners = new String[payable];
        BigDecimal[] percents = new BigDecimal[payable];
        int i = 0;
        for (PartyAmount party : parties) {
            if (party.direction() == Direction.PAYABLE_TO_PARTNER) {
                partners[i] = party.partnerId();
                percents[i++] = party.sharePercent();
            }
        }
        Split split = shares(partners, percents, fractions(percents), charge);
        List<PartyAmount> all = new java.util.ArrayList<>(split.parties());
        for (PartyAmount party : parties) {
            if (party.direction() == Direction.OWED_BY_PARTNER) {
                all.add(new PartyAmount(party.partnerId(), Direction.OWED_BY_PARTNER, null, charge));
            }
        }
        return new Split(List.copyOf(all), split.margin());
    }

    /** The split with {@code buyer} owing the whole charge, after the payable shares; the margin is unchanged. */
    private static Split owing(Split split, String buyer, Money charge) {
        PartyAmount[] parties = split.parties().toArray(new PartyAmount[split.parties().size() + 1]);
        parties[parties.length - 1] = new PartyAmount(buyer, Direction.OWED_BY_PARTNER, null, charge);
        return new Split(Lists.of(parties), split.margin());
    }

    /** Each partner's share rounded once; the margin takes the remainder, so the charge splits exactly. */
    static Split shares(String[] partners, BigDecimal[] percents, BigDecimal[] fractions, Money charge) {
        String currency = charge.currency();
        BigDecimal shared = BigDecimal.ZERO;
        PartyAmount[] parties = new PartyAmount[partners.length];
        for (int i = 0; i < partners.length; i++) {
            Money share = Money.of(charge.amount().multiply(fractions[i]), currency);
            shared = shared.add(share.amount());
            parties[i] = new PartyAmount(partners[i], Direction.PAYABLE_TO_PARTNER, percents[i], share);
        }
        return new Split(Lists.of(parties), Money.of(charge.amount().subtract(shared), currency));
    }

    /** Percentages as fractions (30 → 0.30), exactly. */
    static BigDecimal[] fractions(BigDecimal[] percents) {
        BigDecimal[] fractions = new BigDecimal[percents.length];
        for (int i = 0; i < percents.length; i++) {
            fractions[i] = percents[i].movePointLeft(2);
        }
        return fractions;
    }

    /** What the reseller owes for {@code billed} of {@code billedUnit}, at its wholesale rate. */
    static Money wholesaleCharge(Plan plan, BigDecimal billed, UnitOfMeasure billedUnit) {
        BigDecimal quantity = Quantities.convert(billed, billedUnit, plan.wholesaleUnit());
        return Money.of(quantity.multiply(plan.wholesaleRate()), plan.currency());
    }

    static Plan problem(String detail) {
        return new Plan(null, NONE, NO_DECIMALS, NO_DECIMALS, List.of(), null, null, null, detail);
    }

    private static Plan sellThrough(CompiledInstance compiled, String usageType, Instant at) {
        ProductInstance instance = compiled.instance;
        String owner = instance.ownerPartnerId();
        CompiledAgreement agreement = CompiledInstance.inForce(compiled.ownerAgreements, at);
        if (agreement == null) {
            return problem("owner " + owner + " has no agreement in force at " + at);
        }
        Plan plan = agreement.sellThroughPlan(instance.categoryCode(), usageType);
        return plan != null ? plan : problem("agreement " + agreement.version.agreementId() + " of owner " + owner
                + " has no revenue-share rule for category " + instance.categoryCode() + " and " + usageType);
    }

    private static Plan resell(CompiledInstance compiled, UnitOfMeasure billedUnit, Instant at) {
        String buyer = compiled.instance.buyerPartnerId();
        CompiledAgreement agreement = CompiledInstance.inForce(compiled.buyerAgreements, at);
        if (agreement == null) {
            return problem("buyer " + buyer + " has no agreement in force at " + at);
        }
        if (agreement.version.businessModel() != BusinessModel.RESELL) {
            return problem("buyer " + buyer + " buys a CSP offering but its agreement "
                    + agreement.version.agreementId() + " is " + agreement.version.businessModel() + ", not RESELL");
        }
        Plan plan = agreement.resellPlan(billedUnit);
        return plan != null ? plan : problem("agreement " + agreement.version.agreementId() + " of buyer " + buyer
                + " has no wholesale rate for " + billedUnit);
    }
}
