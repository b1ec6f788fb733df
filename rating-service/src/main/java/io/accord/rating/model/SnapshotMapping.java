package io.accord.rating.model;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductDetails.SubscriberIdentifier;
import io.accord.rating.engine.AgreementVersion;
import io.accord.rating.engine.ProductInstance;
import io.accord.rating.engine.UsagePriceVersion;
import io.accord.rating.engine.UsagePriceVersion.Tier;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;
import io.accord.rating.model.ModelRows.AgreementRow;
import io.accord.rating.model.ModelRows.ProductRow;
import io.accord.rating.model.PriceTimelines.EffectivePrice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the read models' rows into the engine's records. Pure; a row the engine cannot take (reference data it
 * would reject) is left out with a reason instead of failing the whole snapshot.
 */
final class SnapshotMapping {

    private SnapshotMapping() {
    }

    /** Why a row is not in the snapshot although it could be in force. */
    record Problem(String kind, String id, String reason) {
    }

    /**
     * The engine's versions of one usage price (one per usage type it rates), empty when it is never in force.
     *
     * @throws IllegalArgumentException when the price cannot be rated with (unknown unit, malformed decimals,
     *                                  increments the price's unit cannot express exactly)
     */
    static List<UsagePriceVersion> prices(EffectivePrice effective) {
        if (!effective.everInForce()) {
            return List.of();
        }
        String offeringId = effective.row().offeringId();
        OfferingPrice price = effective.row().price();
        UnitOfMeasure unit = UnitOfMeasure.ofCode(price.unit())
                .orElseThrow(() -> new IllegalArgumentException("unknown unit " + price.unit()));
        TierMode mode = price.tierMode() == null ? TierMode.FLAT : TierMode.valueOf(price.tierMode());
        List<Tier> tiers = new ArrayList<>();
        for (OfferingPrice.Tier tier : price.tiers() == null ? List.<OfferingPrice.Tier>of() : price.tiers()) {
            tiers.add(new Tier(new BigDecimal(tier.from()), tier.to() == null ? null : new BigDecimal(tier.to()),
                    new BigDecimal(tier.rate())));
        }
        BigDecimal rate = mode == TierMode.FLAT ? new BigDecimal(price.amount()) : null;
        BigDecimal first = increment(price.roundingFirst(), unit);
        BigDecimal next = increment(price.roundingNext(), unit);
        // catalog's increments are seconds: given in seconds, a per-minute price rounds 60/1 exactly
        UnitOfMeasure incrementUnit = first == null && next == null ? null : UnitOfMeasure.S;
        BigDecimal minimum = price.minimumQuantity() == null ? null : new BigDecimal(price.minimumQuantity());
        // absent from events and stored rows older than the field: no minimum
        BigDecimal minimumCharge = price.minimumCharge() == null || price.minimumCharge().isBlank() ? null
                : new BigDecimal(price.minimumCharge());
        TierPeriod period = "CALENDAR_YEAR".equals(price.accumulation()) ? TierPeriod.CALENDAR_YEAR
                : TierPeriod.CALENDAR_MONTH;
        List<UsagePriceVersion> versions = new ArrayList<>();
        for (String usageType : price.usageTypes() == null ? List.<String>of() : price.usageTypes()) {
            versions.add(new UsagePriceVersion(price.priceVersionId(), price.version(), offeringId, usageType, unit,
                    rate, first, next, incrementUnit, minimum, mode, tiers, period, price.currency(),
                    price.validFrom(), effective.validTo(), taxCategory(price.taxCategory()), minimumCharge));
        }
        return versions;
    }

    /** The price's tax category code as rated records carry it: {@code null} when blank; at most 64 characters. */
    static String taxCategory(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String trimmed = code.strip();
        return trimmed.length() <= 64 ? trimmed : trimmed.substring(0, 64);
    }

    /** Catalog gives increments in seconds, for time units only. */
    private static BigDecimal increment(Integer seconds, UnitOfMeasure unit) {
        if (seconds == null) {
            return null;
        }
        if (unit.dimension() != UnitOfMeasure.Dimension.TIME) {
            throw new IllegalArgumentException("rounding increments on a price in " + unit + ", not a time unit");
        }
        return BigDecimal.valueOf(seconds);
    }

    /** The effective end of an agreement version: the earliest of its validity and any end an event gave. */
    static Instant agreementEnd(AgreementRow row) {
        Instant until = row.activated() == null ? null : row.activated().validUntil();
        if (row.endedAt() == null) {
            return until;
        }
        return until == null || row.endedAt().isBefore(until) ? row.endedAt() : until;
    }

    /** The engine's version, empty while its terms are unknown or when it is never in force. */
    static Optional<AgreementVersion> agreement(AgreementRow row) {
        AgreementActivated activated = row.activated();
        if (activated == null || row.neverInForce()) {
            return Optional.empty();
        }
        Instant end = agreementEnd(row);
        if (end != null && !end.isAfter(activated.inForceFrom())) {
            return Optional.empty();
        }
        AgreementVersion version = AgreementVersion.from(activated);
        return Optional.of(new AgreementVersion(version.partnerId(), version.agreementId(), version.version(),
                version.businessModel(), version.currency(), version.revenueShares(), version.wholesaleRates(),
                version.validFrom(), end));
    }

    /**
     * The engine's instance, empty when it never was or no longer is in force at any instant. The ids many products
     * share (offering, owner, buyer, participants) and the category are taken as the JVM's one copy of each
     * ({@link String#intern()}: a bounded set of values, and a copy nothing refers to any more is collected): each
     * product read from its JSON had strings of its own, and with 110,000 products strings were half of the
     * service's live heap (docs/rating-read-models.md).
     */
    static Optional<ProductInstance> product(ProductRow row) {
        ProductDetails product = row.product();
        if (row.validFrom() == null || row.subscriberId() == null || "CANCELLED".equals(product.status())
                || row.validTo() != null && !row.validTo().isAfter(row.validFrom())) {
            return Optional.empty();
        }
        List<String> identifiers = new ArrayList<>();
        for (SubscriberIdentifier identifier : identifiers(product)) {
            identifiers.add(identifier.value());
        }
        List<ProductInstance.Participant> participants = new ArrayList<>();
        if (product.participants() != null) {
            for (var participant : product.participants()) {
                participants.add(new ProductInstance.Participant(shared(participant.partnerId()),
                        new BigDecimal(participant.sharePercent())));
            }
        }
        return Optional.of(new ProductInstance(product.productId(), row.subscriberId(), identifiers,
                shared(product.offeringId()), product.offeringVersion(), shared(product.ownerPartnerId()),
                shared(product.categoryCode()), shared(product.buyerPartnerId()), participants, row.validFrom(),
                row.validTo()));
    }

    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    /** The identifiers with a value, in the event's order. */
    static List<SubscriberIdentifier> identifiers(ProductDetails product) {
        if (product.identifiers() == null) {
            return List.of();
        }
        return product.identifiers().stream()
                .filter(identifier -> identifier != null && identifier.value() != null
                        && !identifier.value().isBlank())
                .toList();
    }

    /**
     * The one subscriber id the instance's tier accumulators are kept under: its MSISDN if it has one, else its
     * first identifier; {@code null} when it has none (then usage cannot name it).
     */
    static String canonicalSubscriber(ProductDetails product) {
        List<SubscriberIdentifier> identifiers = identifiers(product);
        return identifiers.stream().filter(identifier -> "MSISDN".equals(identifier.type())).findFirst()
                .or(() -> identifiers.stream().findFirst()).map(SubscriberIdentifier::value).orElse(null);
    }
}
