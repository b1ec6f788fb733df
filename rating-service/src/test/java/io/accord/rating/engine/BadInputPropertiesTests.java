package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a usage record holds, the engine answers (rated or suspended) and never throws: a bad record never fails
 * its batch. The report lists how the records were answered, so that a generator that stopped reaching rating shows.
 */
class BadInputPropertiesTests {

    private final RatingEngine engine = engine(
            List.of(instance("pi-1").offering("o1").ownedBy("owner").build(),
                    instance("pi-2").offering("o2").boughtBy("reseller").build(),
                    instance("pi-3").offering("o3").participant("p1", "40").build()),
            List.of(price("v").offering("o1").build(),
                    price("d").offering("o2").usageType("DATA").unit(UnitOfMeasure.MB).increments("1", "1").build(),
                    price("s").offering("o3").usageType("SMS").unit(UnitOfMeasure.MESSAGE).mode(TierMode.VOLUME)
                            .tier("0", "10", "0.1").tier("10", null, "0.05").build()),
            List.of(agreement("owner").share(null, "VOICE", "30").build(),
                    agreement("reseller").model(BusinessModel.RESELL).wholesale(UnitOfMeasure.GB, "1").build()));

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = false)
    void answersEveryRecordWithoutThrowing(@ForAll("records") UsageRecord usage) {
        TierAccumulators accumulators = new TierAccumulators();

        RatingOutcome outcome = engine.rate(usage, accumulators);

        Statistics.collect(outcome instanceof RatedUsage ? "rated" : ((SuspendedUsage) outcome).reason().name());
        Statistics.coverage(coverage -> coverage.check("rated").percentage(percent -> percent >= 1.0));

        assertThat(outcome.usage()).isSameAs(usage);
        if (outcome instanceof RatedUsage rated) {
            assertThat(rated.payableShares().plus(rated.margin())).isEqualTo(rated.charge());
            assertThat(accumulators.quantity(rated.tiers().accumulator()))
                    .isEqualByComparingTo(rated.billedQuantity());
        } else {
            assertThat(accumulators.snapshot()).isEmpty();
        }
    }

    @Provide
    Arbitrary<UsageRecord> records() {
        Arbitrary<String> ids = mostly("u-1", "", " ", "x".repeat(300));
        Arbitrary<String> types = mostly("VOICE", "DATA", "SMS", "", "voice", "UNKNOWN");
        Arbitrary<String> subscribers = mostly("491700000001", " ", "491700000002");
        Arbitrary<OffsetDateTime> times = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(OffsetDateTime.MIN, OffsetDateTime.MAX)),
                Tuple.of(2, Arbitraries.longs().between(-2_000_000_000L, 40_000_000_000L).map(second -> Instant
                        .ofEpochSecond(second).atOffset(ZoneOffset.ofHours((int) Math.floorMod(second, 27) - 12)))),
                Tuple.of(8, Arbitraries.longs().between(0, 40L * 86_400).map(second -> RatingFixtures.NOW
                        .minusSeconds(second).atOffset(ZoneOffset.UTC)))).injectNull(0.05);
        Arbitrary<BigDecimal> quantities = Arbitraries.oneOf(Arbitraries.of(null, new BigDecimal("-1"),
                        new BigDecimal("1E+30"), new BigDecimal("1E-30"), new BigDecimal("0.0")),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(1_000_000_000L)).ofScale(3));
        Arbitrary<UnitOfMeasure> units = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(UnitOfMeasure.S, UnitOfMeasure.B, UnitOfMeasure.MB, UnitOfMeasure.MESSAGE)),
                Tuple.of(1, Arbitraries.of(UnitOfMeasure.class))).injectNull(0.05);
        Arbitrary<String> instances = Arbitraries.of("pi-1", "pi-2", "pi-3", "nope").injectNull(0.7);
        Arbitrary<String> offerings = Arbitraries.of("o1", "o2", "o3", "nope").injectNull(0.7);
        return Combinators.combine(ids, types, subscribers, times, quantities, units, instances,
                offerings).as((id, type, subscriber, time, quantity, unit, instance, offering) ->
                new UsageRecord("src", id, type, subscriber, time, quantity, unit, instance, offering, Map.of()));
    }

    /** The first value most of the time, each other one (and null) now and then. */
    private static Arbitrary<String> mostly(String usual, String... others) {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(usual)), Tuple.of(1, Arbitraries.of(others)))
                .injectNull(0.05);
    }
}
