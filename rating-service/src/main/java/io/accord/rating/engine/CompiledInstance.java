package io.accord.rating.engine;

import io.accord.rating.engine.RatingBasis.AgreementRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A product instance with its offering's prices and its partners' agreement timelines resolved once, when the
 * snapshot is built, so that rating a record looks nothing up by id beyond the subscriber.
 */
final class CompiledInstance {

    static final CompiledAgreement[] NO_AGREEMENTS = new CompiledAgreement[0];
    // shared by every instance without participants (most of them): four empty arrays less per instance in the
    // snapshot, which holds every product instance (docs/rating-read-models.md)
    private static final CompiledAgreement[][] NO_PARTICIPANT_AGREEMENTS = new CompiledAgreement[0][];
    private static final String[] NO_PARTICIPANT_IDS = new String[0];
    private static final BigDecimal[] NO_PERCENTS = new BigDecimal[0];

    final ProductInstance instance;
    private final Map<String, CompiledPrice[]> pricesByUsageType;
    final CompiledAgreement[] ownerAgreements;
    final CompiledAgreement[] buyerAgreements;
    final CompiledAgreement[][] participantAgreements;
    private final String[] participantIds;
    private final BigDecimal[] participantPercents;
    private final BigDecimal[] participantFractions;
    /** The co-created plan last built with its agreements; immutable, so a racy read sees a whole one or null. */
    private CoCreated lastCoCreated;

    private record CoCreated(CompiledAgreement[] agreements, Allocation.Plan plan) {
    }

    /** The buyer's plan last built from a share plan and the buyer's agreement; immutable, like {@link CoCreated}. */
    private BoughtByPartner lastBought;

    private record BoughtByPartner(Allocation.Plan shares, CompiledAgreement agreement, Allocation.Plan plan) {
    }

    CompiledInstance(ProductInstance instance, Map<String, CompiledPrice[]> pricesByUsageType,
                     Map<String, CompiledAgreement[]> agreementsByPartner) {
        this.instance = instance;
        this.fromSecond = instance.validFrom().getEpochSecond();
        this.fromNano = instance.validFrom().getNano();
        Instant to = instance.validTo() == null ? Instant.MAX : instance.validTo();
        this.toSecond = to.getEpochSecond();
        this.toNano = to.getNano();
        this.pricesByUsageType = pricesByUsageType == null ? Map.of() : pricesByUsageType;
        this.ownerAgreements = timeline(agreementsByPartner, instance.ownerPartnerId());
        this.buyerAgreements = timeline(agreementsByPartner, instance.buyerPartnerId());
        int participants = instance.participants().size();
        if (participants == 0) {
            this.participantAgreements = NO_PARTICIPANT_AGREEMENTS;
            this.participantIds = NO_PARTICIPANT_IDS;
            this.participantPercents = NO_PERCENTS;
            this.participantFractions = NO_PERCENTS;
            return;
        }
        this.participantAgreements = new CompiledAgreement[participants][];
        this.participantIds = new String[participants];
        this.participantPercents = new BigDecimal[participants];
        for (int i = 0; i < participants; i++) {
            participantIds[i] = instance.participants().get(i).partnerId();
            participantPercents[i] = instance.participants().get(i).sharePercent();
            participantAgreements[i] = timeline(agreementsByPartner, participantIds[i]);
        }
        this.participantFractions = Allocation.fractions(participantPercents);
    }

    /** The co-created plan with every participant's agreement in force at {@code at}, or a problem. */
    Allocation.Plan coCreatedPlan(Instant at) {
        CompiledAgreement[] inForce = new CompiledAgreement[participantIds.length];
        for (int i = 0; i < inForce.length; i++) {
            inForce[i] = inForce(participantAgreements[i], at);
            if (inForce[i] == null) {
                return Allocation.problem("participant " + participantIds[i] + " has no agreement in force at " + at);
            }
        }
        CoCreated last = lastCoCreated;
        if (last != null && Arrays.equals(last.agreements(), inForce)) {
            return last.plan();
        }
        AgreementRef[] refs = new AgreementRef[inForce.length];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = inForce[i].ref();
        }
        Allocation.Plan plan = new Allocation.Plan(AllocationCase.CO_CREATED, participantIds, participantPercents,
                participantFractions, Lists.of(refs), null, null, null, null);
        lastCoCreated = new CoCreated(inForce, plan);
        return plan;
    }

    /**
     * A share plan (co-created or sell-through) of an instance a partner bought for its own customer: that partner
     * billed the customer, so it owes the whole charge, under an agreement of any business model in force at
     * {@code at}; the plan itself when the CSP's own subscriber bought it, or when it is a problem already.
     */
    Allocation.Plan boughtByPartner(Allocation.Plan shares, Instant at) {
        String buyer = instance.buyerPartnerId();
        if (buyer == null || shares.problem() != null) {
            return shares;
        }
        CompiledAgreement agreement = inForce(buyerAgreements, at);
        if (agreement == null) {
            return Allocation.problem("buyer " + buyer + " of " + instance.offeringId()
                    + " has no agreement in force at " + at);
        }
        BoughtByPartner last = lastBought;
        if (last != null && last.shares() == shares && last.agreement() == agreement) {
            return last.plan();
        }
        Allocation.Plan plan = shares.owedBy(buyer, agreement.ref());
        lastBought = new BoughtByPartner(shares, agreement, plan);
        return plan;
    }

    /** Validity as primitives, so that checking it touches no other object (the hot path's loads are misses). */
    private final long fromSecond;
    private final int fromNano;
    private final long toSecond;
    private final int toNano;

    boolean inForceAt(Instant at) {
        long second = at.getEpochSecond();
        int nano = at.getNano();
        boolean started = second > fromSecond || second == fromSecond && nano >= fromNano;
        return started && (second < toSecond || second == toSecond && nano < toNano);
    }

    /** The offering's price for the usage type in force at {@code at} (the latest started), or null. */
    CompiledPrice priceInForce(String usageType, Instant at) {
        CompiledPrice[] versions = pricesByUsageType.get(usageType);
        if (versions != null) {
            for (int i = versions.length - 1; i >= 0; i--) {
                if (versions[i].inForceAt(at)) {
                    return versions[i];
                }
            }
        }
        return null;
    }

    /** The version of a timeline in force at {@code at} (the latest started), or null. */
    static CompiledAgreement inForce(CompiledAgreement[] versions, Instant at) {
        for (int i = versions.length - 1; i >= 0; i--) {
            if (versions[i].inForceAt(at)) {
                return versions[i];
            }
        }
        return null;
    }

    private static CompiledAgreement[] timeline(Map<String, CompiledAgreement[]> byPartner, String partnerId) {
        CompiledAgreement[] versions = partnerId == null ? null : byPartner.get(partnerId);
        return versions == null ? NO_AGREEMENTS : versions;
    }
}
