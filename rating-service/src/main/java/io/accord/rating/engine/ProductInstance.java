package io.accord.rating.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A subscriber's product instance as the order read model knows it, with what allocation needs of its offering.
 *
 * @param instanceId      the product instance
 * @param subscriberId    whose it is: the one canonical subscriber id (the key of its tier accumulators)
 * @param identifiers     every identifier usage may name the subscriber by (MSISDN, ICCID, account id, ...); the
 *                        instance is found by any of them. Always holds {@code subscriberId}, first.
 * @param offeringId      the offering it instantiates
 * @param offeringVersion the offering's version it was ordered at (recorded with every rated record)
 * @param ownerPartnerId  the partner owning the offering, {@code null} when the CSP owns it
 * @param categoryCode    the offering's category code (revenue-share rules match on it)
 * @param buyerPartnerId  the partner that bought it for its own customer (a reseller of a CSP offering, or any
 *                        partner buying a co-created or partner-owned one: it owes the charge), {@code null} for the
 *                        CSP's own subscriber
 * @param participants    a co-created offering's participants with their shares; empty otherwise
 * @param validFrom       in force from this instant (inclusive)
 * @param validTo         in force until this instant (exclusive), {@code null} while open-ended
 */
public record ProductInstance(String instanceId, String subscriberId, List<String> identifiers, String offeringId,
                              int offeringVersion, String ownerPartnerId, String categoryCode, String buyerPartnerId,
                              List<Participant> participants, Instant validFrom, Instant validTo) {

    public ProductInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(subscriberId, "subscriberId");
        identifiers = withCanonicalFirst(subscriberId, identifiers);
        Objects.requireNonNull(offeringId, "offeringId");
        participants = participants == null ? List.of() : List.copyOf(participants);
        EffectiveDating.requireValidity(validFrom, validTo);
        BigDecimal total = BigDecimal.ZERO;
        for (Participant participant : participants) {
            total = total.add(participant.sharePercent());
        }
        if (total.compareTo(EffectiveDating.HUNDRED) > 0) {
            throw new IllegalArgumentException("participant shares of " + instanceId + " exceed 100%: " + total);
        }
    }

    /** An instance known by its one subscriber id only. */
    public ProductInstance(String instanceId, String subscriberId, String offeringId, int offeringVersion,
                           String ownerPartnerId, String categoryCode, String buyerPartnerId,
                           List<Participant> participants, Instant validFrom, Instant validTo) {
        this(instanceId, subscriberId, List.of(subscriberId), offeringId, offeringVersion, ownerPartnerId,
                categoryCode, buyerPartnerId, participants, validFrom, validTo);
    }

    /** Whether the partner takes part in this instance: owns its offering, bought it to resell, or co-created it. */
    boolean involves(String partnerId) {
        if (partnerId.equalsIgnoreCase(ownerPartnerId) || partnerId.equalsIgnoreCase(buyerPartnerId)) {
            return true;
        }
        for (Participant participant : participants) {
            if (partnerId.equalsIgnoreCase(participant.partnerId())) {
                return true;
            }
        }
        return false;
    }

    /** Whether usage naming {@code subscriber} may be this instance's. */
    boolean isKnownAs(String subscriber) {
        return identifiers.contains(subscriber);
    }

    private static List<String> withCanonicalFirst(String subscriberId, List<String> identifiers) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        distinct.add(subscriberId);
        if (identifiers != null) {
            for (String identifier : identifiers) {
                distinct.add(Objects.requireNonNull(identifier, "identifier"));
            }
        }
        return List.copyOf(distinct);
    }

    /** A co-creating partner and its share of the offering's revenue in percent (30 = 30%). */
    public record Participant(String partnerId, BigDecimal sharePercent) {

        public Participant {
            Objects.requireNonNull(partnerId, "partnerId");
            EffectiveDating.requirePercent(sharePercent, "sharePercent");
        }
    }

    boolean inForceAt(Instant instant) {
        return EffectiveDating.inForce(validFrom, validTo, instant);
    }
}
