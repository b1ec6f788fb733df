package io.accord.rating.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A subscriber's product instance as the order read model knows it, with what allocation needs of its offering.
 *
 * @param instanceId      the product instance
 * @param subscriberId    whose it is
 * @param offeringId      the offering it instantiates
 * @param offeringVersion the offering's version it was ordered at (recorded with every rated record)
 * @param ownerPartnerId  the partner owning the offering, {@code null} when the CSP owns it
 * @param categoryCode    the offering's category code (revenue-share rules match on it)
 * @param buyerPartnerId  the partner that bought it to resell, {@code null} for the CSP's own subscriber
 * @param participants    a co-created offering's participants with their shares; empty otherwise
 * @param validFrom       in force from this instant (inclusive)
 * @param validTo         in force until this instant (exclusive), {@code null} while open-ended
 */
public record ProductInstance(String instanceId, String subscriberId, String offeringId, int offeringVersion,
                              String ownerPartnerId, String categoryCode, String buyerPartnerId,
                              List<Participant> participants, Instant validFrom, Instant validTo) {

    public ProductInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(subscriberId, "subscriberId");
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
