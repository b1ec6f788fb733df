package io.accord.testsupport;

import io.accord.contracts.Topics;
import io.accord.contracts.usage.UsageRated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link UsageRated} events as rating's publisher sends them on {@code usage.rated.v1} (binary CloudEvents keyed by
 * the subscriber, {@code ce_sequence} = the rated sequence), for feeding consumers of rated usage in tests. Sequences
 * come from one counter per JVM that starts at the current time in microseconds, so they increase per partition
 * across the test runs sharing a database too.
 */
public final class RatedUsageEvents {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private RatedUsageEvents() {
    }

    /** A builder of a first rating ({@code RATED}) of usage of the offering at {@code usageTime}. */
    public static Rated rated(String offeringId, Instant usageTime) {
        return new Rated(offeringId, usageTime);
    }

    /** Sends the events in order (one producer), each with its own sequence as {@code ce_sequence}. */
    public static void send(UsageRated... events) {
        List<Long> sequences = new ArrayList<>();
        for (UsageRated event : events) {
            sequences.add(event.sequence());
        }
        DomainEvents.sendAll(Topics.USAGE_RATED, List.of(events), sequences);
    }

    /** The reversal of {@code original}: a new rated id and sequence, every quantity and amount negated. */
    public static UsageRated reversalOf(UsageRated original) {
        List<UsageRated.PartyAmount> parties = original.parties().stream()
                .map(party -> new UsageRated.PartyAmount(party.partnerId(), party.direction(), party.sharePercent(),
                        negate(party.amount())))
                .toList();
        return new UsageRated(UUID.randomUUID(), SEQUENCE.incrementAndGet(), "REVERSAL", Instant.now(),
                original.source(), original.usageId(), original.subscriberId(), original.usageTime(),
                original.usageType(), negate(original.billedQuantity()), original.billedUnit(), original.currency(),
                negate(original.charge()), parties, negate(original.margin()), original.allocation(),
                original.productInstanceId(), original.offeringId(), original.offeringVersion(),
                original.priceVersionId(), original.priceVersion(), original.agreements(), original.ratedId(),
                original.customerReference(), original.taxCategory());
    }

    private static String negate(String decimal) {
        return new BigDecimal(decimal).negate().toPlainString();
    }

    /** A test-data builder of a {@code RATED} record. */
    public static final class Rated {
        private final String offeringId;
        private final Instant usageTime;
        private String usageType = "VOICE";
        private String quantity = "60";
        private String unit = "S";
        private String currency = "EUR";
        private String charge = "1.000000";
        private String allocation = "SELL_THROUGH";
        private String subscriberId = "+49151" + (100000 + (int) (Math.random() * 899999));
        private String customerReference = "customer-1";
        private String taxCategory;
        private final List<UsageRated.PartyAmount> parties = new ArrayList<>();

        private Rated(String offeringId, Instant usageTime) {
            this.offeringId = offeringId;
            this.usageTime = usageTime;
        }

        public Rated usageType(String value) { usageType = value; return this; }
        public Rated quantity(String value, String billedUnit) { quantity = value; unit = billedUnit; return this; }
        public Rated currency(String value) { currency = value; return this; }
        public Rated charge(String value) { charge = new BigDecimal(value).setScale(6).toPlainString(); return this; }
        public Rated allocation(String value) { allocation = value; return this; }
        public Rated subscriber(String value) { subscriberId = value; return this; }
        /** The customer reference for billing on behalf ({@code null}: rating knew none). */
        public Rated customer(String value) { customerReference = value; return this; }
        /** The rated price's tax category ({@code null}, the default: none, as before rating carried it). */
        public Rated taxCategory(String value) { taxCategory = value; return this; }

        /** A revenue share of {@code percent} of the charge owed to the partner (set the charge first). */
        public Rated share(String partnerId, String percent) {
            String amount = new BigDecimal(charge).multiply(new BigDecimal(percent))
                    .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_EVEN).toPlainString();
            parties.add(new UsageRated.PartyAmount(partnerId, UsageRated.Direction.PAYABLE_TO_PARTNER, percent,
                    amount));
            return this;
        }

        /** A reseller's wholesale charge: the whole charge owed by the partner. */
        public Rated wholesale(String partnerId) {
            parties.add(new UsageRated.PartyAmount(partnerId, UsageRated.Direction.OWED_BY_PARTNER, null, charge));
            return this;
        }

        public UsageRated build() {
            BigDecimal payable = parties.stream()
                    .filter(party -> party.direction() == UsageRated.Direction.PAYABLE_TO_PARTNER)
                    .map(party -> new BigDecimal(party.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            String margin = new BigDecimal(charge).subtract(payable).setScale(6).toPlainString();
            List<UsageRated.AgreementVersionRef> agreements = parties.stream()
                    .map(party -> new UsageRated.AgreementVersionRef(party.partnerId(), "agr-" + party.partnerId(), 1))
                    .toList();
            return new UsageRated(UUID.randomUUID(), SEQUENCE.incrementAndGet(), "RATED", Instant.now(), "test",
                    "usage-" + UUID.randomUUID(), subscriberId, OffsetDateTime.ofInstant(usageTime, ZoneOffset.UTC),
                    usageType, quantity, unit, currency, charge, List.copyOf(parties), margin, allocation,
                    "product-" + offeringId, offeringId, 1, offeringId + "-" + usageType.toLowerCase() + "-v1", 1,
                    agreements, null, customerReference, taxCategory);
        }
    }
}
