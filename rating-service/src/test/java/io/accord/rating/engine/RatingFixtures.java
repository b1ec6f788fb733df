package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import io.accord.rating.engine.AgreementVersion.RevenueShareRule;
import io.accord.rating.engine.ProductInstance.Participant;
import io.accord.rating.engine.UsagePriceVersion.Tier;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Test-data builders for the engine's inputs: every field has a sensible default, tests say only what matters. */
final class RatingFixtures {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final OffsetDateTime USAGE_TIME = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    private RatingFixtures() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static RatingEngine engine(List<ProductInstance> instances, List<UsagePriceVersion> prices,
                               List<AgreementVersion> agreements) {
        return new RatingEngine(new RatingSnapshot(instances, prices, agreements), CLOCK,
                RatingEngine.DEFAULT_TOO_OLD_AFTER);
    }

    static InstanceBuilder instance(String id) {
        return new InstanceBuilder(id);
    }

    static PriceBuilder price(String id) {
        return new PriceBuilder(id);
    }

    static AgreementBuilder agreement(String partnerId) {
        return new AgreementBuilder(partnerId);
    }

    static UsageBuilder usage() {
        return new UsageBuilder();
    }

    static final class InstanceBuilder {
        private final String id;
        private String subscriber = "491700000001";
        private final List<String> identifiers = new ArrayList<>();
        private String offering = "offer-voice";
        private String owner;
        private String category = "VOICE_BUNDLES";
        private String buyer;
        private final List<Participant> participants = new ArrayList<>();
        private Instant from = EPOCH;
        private Instant to;

        private InstanceBuilder(String id) {
            this.id = id;
        }

        InstanceBuilder subscriber(String value) { subscriber = value; return this; }
        /** Further identifiers the subscriber is known by (ICCID, account id), beside the canonical one. */
        InstanceBuilder alsoKnownAs(String... values) { identifiers.addAll(List.of(values)); return this; }
        InstanceBuilder offering(String value) { offering = value; return this; }
        InstanceBuilder ownedBy(String partner) { owner = partner; return this; }
        InstanceBuilder category(String value) { category = value; return this; }
        InstanceBuilder boughtBy(String partner) { buyer = partner; return this; }
        InstanceBuilder participant(String partner, String percent) {
            participants.add(new Participant(partner, dec(percent)));
            return this;
        }
        InstanceBuilder valid(Instant validFrom, Instant validTo) { from = validFrom; to = validTo; return this; }

        ProductInstance build() {
            List<String> all = new ArrayList<>(List.of(subscriber));
            all.addAll(identifiers);
            return new ProductInstance(id, subscriber, all, offering, 3, owner, category, buyer, participants, from,
                    to);
        }
    }

    static final class PriceBuilder {
        private final String id;
        private String offering = "offer-voice";
        private String usageType = "VOICE";
        private UnitOfMeasure unit = UnitOfMeasure.S;
        private BigDecimal rate = dec("0.001");
        private BigDecimal first;
        private BigDecimal next;
        private UnitOfMeasure incrementUnit;
        private BigDecimal minimum;
        private BigDecimal minimumCharge;
        private TierMode mode = TierMode.FLAT;
        private final List<Tier> tiers = new ArrayList<>();
        private TierPeriod period;
        private String currency = "EUR";
        private Instant from = EPOCH;
        private Instant to;

        private PriceBuilder(String id) {
            this.id = id;
        }

        PriceBuilder offering(String value) { offering = value; return this; }
        PriceBuilder usageType(String value) { usageType = value; return this; }
        PriceBuilder unit(UnitOfMeasure value) { unit = value; return this; }
        PriceBuilder rate(String value) { rate = dec(value); return this; }
        PriceBuilder increments(String firstIncrement, String nextIncrement) {
            first = dec(firstIncrement);
            next = dec(nextIncrement);
            return this;
        }
        /** The increments' unit, when it is not the price's own (seconds of a per-minute price). */
        PriceBuilder incrementsIn(UnitOfMeasure value) { incrementUnit = value; return this; }
        PriceBuilder minimum(String value) { minimum = dec(value); return this; }
        PriceBuilder minimumCharge(String value) { minimumCharge = value == null ? null : dec(value); return this; }
        PriceBuilder mode(TierMode value) { mode = value; return this; }
        PriceBuilder tier(String tierFrom, String tierTo, String tierRate) {
            tiers.add(new Tier(dec(tierFrom), tierTo == null ? null : dec(tierTo), dec(tierRate)));
            return this;
        }
        PriceBuilder period(TierPeriod value) { period = value; return this; }
        PriceBuilder currency(String value) { currency = value; return this; }
        PriceBuilder valid(Instant validFrom, Instant validTo) { from = validFrom; to = validTo; return this; }

        UsagePriceVersion build() {
            return new UsagePriceVersion(id, 2, offering, usageType, unit, rate, first, next, incrementUnit, minimum,
                    mode, tiers, period, currency, from, to, null, minimumCharge);
        }
    }

    static final class AgreementBuilder {
        private final String partner;
        private String id;
        private int version = 1;
        private BusinessModel model = BusinessModel.SELL_THROUGH;
        private final List<RevenueShareRule> shares = new ArrayList<>();
        private final Map<UnitOfMeasure, BigDecimal> wholesale = new EnumMap<>(UnitOfMeasure.class);
        private Instant from = EPOCH;
        private Instant to;

        private AgreementBuilder(String partner) {
            this.partner = partner;
            this.id = "agr-" + partner;
        }

        AgreementBuilder id(String value, int versionNumber) { id = value; version = versionNumber; return this; }
        AgreementBuilder model(BusinessModel value) { model = value; return this; }
        AgreementBuilder share(String category, String usageType, String percent) {
            shares.add(new RevenueShareRule(category, usageType, dec(percent)));
            return this;
        }
        AgreementBuilder wholesale(UnitOfMeasure unit, String rate) { wholesale.put(unit, dec(rate)); return this; }
        AgreementBuilder valid(Instant validFrom, Instant validTo) { from = validFrom; to = validTo; return this; }

        AgreementVersion build() {
            return new AgreementVersion(partner, id, version, model, "EUR", shares, wholesale, from, to);
        }
    }

    static final class UsageBuilder {
        private String source = "switch-1";
        private String usageId = "u-1";
        private String usageType = "VOICE";
        private String subscriber = "491700000001";
        private OffsetDateTime time = USAGE_TIME;
        private BigDecimal quantity = dec("100");
        private UnitOfMeasure unit = UnitOfMeasure.S;
        private String instance;
        private String offering;

        UsageBuilder source(String value) { source = value; return this; }
        UsageBuilder id(String value) { usageId = value; return this; }
        UsageBuilder type(String value) { usageType = value; return this; }
        UsageBuilder subscriber(String value) { subscriber = value; return this; }
        UsageBuilder at(OffsetDateTime value) { time = value; return this; }
        UsageBuilder at(Instant value) { time = value.atOffset(ZoneOffset.ofHours(2)); return this; }
        UsageBuilder quantity(String value, UnitOfMeasure valueUnit) { quantity = dec(value); unit = valueUnit; return this; }
        UsageBuilder quantity(BigDecimal value) { quantity = value; return this; }
        UsageBuilder naming(String instanceId, String offeringId) { instance = instanceId; offering = offeringId; return this; }

        UsageRecord build() {
            return new UsageRecord(source, usageId, usageType, subscriber, time, quantity, unit, instance,
                    offering, Map.of());
        }
    }
}
