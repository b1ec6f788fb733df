package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.dec;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingEngineTests {

    private final RatingEngine engine = engine(List.of(instance("pi-1").build()),
            List.of(price("price-voice").increments("60", "1").rate("0.002").build()), List.of());

    private SuspendedUsage suspended(UsageRecord usage) {
        TierAccumulators accumulators = new TierAccumulators();
        RatingOutcome outcome = engine.rate(usage, accumulators);
        assertThat(outcome).isInstanceOf(SuspendedUsage.class);
        assertThat(accumulators.snapshot()).isEmpty();
        return (SuspendedUsage) outcome;
    }

    @Test
    void ratesARecordAndKeepsEverythingItWasRatedWith() {
        RatedUsage rated = (RatedUsage) engine.rate(usage().quantity("61", UnitOfMeasure.S).build(),
                new TierAccumulators());

        assertThat(rated.kind()).isEqualTo(RatedUsage.Kind.RATED);
        assertThat(rated.billedQuantity()).isEqualByComparingTo("61");
        assertThat(rated.billedUnit()).isEqualTo(UnitOfMeasure.S);
        assertThat(rated.charge().amount()).isEqualByComparingTo("0.122");
        assertThat(rated.charge().currency()).isEqualTo("EUR");
        assertThat(rated.basis()).isEqualTo(new RatingBasis("pi-1", "offer-voice", 3, "price-voice", 2, List.of()));
    }

    @Test
    void aChargeReachingTheLargestARecordIsRatedAtIsInvalidAndMovesNoAccumulator() {
        // 0.002 per second: 5 * 10^14 s come to exactly 10^12, one second less to just below it
        SuspendedUsage tooLarge = suspended(usage().quantity("500000000000000", UnitOfMeasure.S).build());
        assertThat(tooLarge.reason()).isEqualTo(SuspenseReason.INVALID);
        assertThat(tooLarge.detail()).isEqualTo("charge 1000000000000.000000 EUR of price price-voice reaches "
                + RatingEngine.MAX_CHARGE.toPlainString() + ", more than any usage record is rated");

        RatedUsage largest = (RatedUsage) engine.rate(usage().quantity("499999999999999", UnitOfMeasure.S).build(),
                new TierAccumulators());
        assertThat(largest.charge().amount()).isEqualByComparingTo("999999999999.998");
    }

    @Test
    void rejectsIncompleteOrImpossibleRecordsAsInvalid() {
        assertThat(suspended(usage().id(" ").build()).detail()).isEqualTo("usageId is missing");
        assertThat(suspended(usage().subscriber(null).build()).detail()).isEqualTo("subscriberId is missing");
        assertThat(suspended(usage().at((OffsetDateTime) null).build()).detail()).isEqualTo("usageTime is missing");
        assertThat(suspended(usage().quantity(dec("-1")).build()).detail()).contains("negative");
        assertThat(suspended(usage().quantity((BigDecimal) null).build()).reason())
                .isEqualTo(SuspenseReason.INVALID);
        SuspendedUsage wrongUnit = suspended(usage().quantity("1", UnitOfMeasure.MB).build());
        assertThat(wrongUnit.reason()).isEqualTo(SuspenseReason.INVALID);
        assertThat(wrongUnit.detail()).contains("MB does not convert to S");
    }

    @Test
    void suspendsUsageOlderThanTheWindowAsTooOld() {
        OffsetDateTime edge = RatingFixtures.NOW.minus(RatingEngine.DEFAULT_TOO_OLD_AFTER).atOffset(
                java.time.ZoneOffset.UTC);

        assertThat(suspended(usage().at(edge.minusNanos(1)).build()).reason()).isEqualTo(SuspenseReason.TOO_OLD);
        assertThat(engine.rate(usage().at(edge).build(), new TierAccumulators())).isInstanceOf(RatedUsage.class);
    }

    @Test
    void answersEvenForUsageTimesAtTheEndsOfTime() {
        assertThat(suspended(usage().at(OffsetDateTime.MIN).build()).reason()).isEqualTo(SuspenseReason.TOO_OLD);
        assertThat(suspended(usage().at(OffsetDateTime.MAX).build()).detail()).contains("after the year 9999");
        assertThat(suspended(usage().at(OffsetDateTime.parse("9999-12-31T23:00:00-05:00")).build()).detail())
                .as("in the year 10000 in UTC").contains("after the year 9999");
    }

    @Test
    void theTooOldWindowIsConfigurable() {
        RatingEngine strict = new RatingEngine(new RatingSnapshot(List.of(instance("pi-1").build()),
                List.of(price("p").build()), List.of()), RatingFixtures.CLOCK, java.time.Duration.ofDays(1));

        assertThat(strict.rate(usage().build(), new TierAccumulators())).isInstanceOfSatisfying(
                SuspendedUsage.class, suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.TOO_OLD));
    }

    @Test
    void anInputsWindowSuspendsUsageDatedFurtherAheadThanItAllowsAsInvalid() {
        RatingEngine inputs = new UsageWindow(RatingEngine.DEFAULT_TOO_OLD_AFTER, java.time.Duration.ofDays(1))
                .engine(new RatingSnapshot(List.of(instance("pi-1").build()), List.of(price("p").build()), List.of()),
                        RatingFixtures.CLOCK);
        OffsetDateTime edge = RatingFixtures.NOW.plus(java.time.Duration.ofDays(1)).atOffset(ZoneOffset.ofHours(2));

        assertThat(inputs.rate(usage().at(edge).build(), new TierAccumulators())).isInstanceOf(RatedUsage.class);
        assertThat(inputs.rate(usage().at(edge.plusNanos(1)).build(), new TierAccumulators())).isInstanceOfSatisfying(
                SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.INVALID);
                    assertThat(suspended.detail()).isEqualTo("usage time 2026-11-21T12:00:00.000000001Z is more than"
                            + " PT24H ahead of the rating service's clock (2026-11-20T12:00:00Z): usage is rated once"
                            + " it happened");
                });
        assertThat(inputs.rate(usage().at(OffsetDateTime.parse("9999-12-31T23:59:59Z")).build(),
                new TierAccumulators())).isInstanceOf(SuspendedUsage.class);
        // re-rating has no limit ahead: those records were accepted before
        assertThat(engine.rate(usage().at(edge.plusDays(30)).build(), new TierAccumulators()))
                .isInstanceOf(RatedUsage.class);
    }

    @Test
    void advancesTheAccumulatorOfTheSubscriberOfferingUsageTypeAndUtcMonth() {
        TierAccumulators accumulators = new TierAccumulators();

        RatedUsage first = (RatedUsage) engine.rate(usage().quantity("10", UnitOfMeasure.S).build(), accumulators);
        RatedUsage second = (RatedUsage) engine.rate(usage().id("u-2").quantity("70", UnitOfMeasure.S).build(),
                accumulators);

        AccumulatorKey key = new AccumulatorKey("491700000001", "offer-voice", "VOICE", TierPeriod.CALENDAR_MONTH,
                LocalDate.of(2026, 11, 1));
        assertThat(first.tiers().accumulator()).isEqualTo(key);
        assertThat(first.tiers().accumulatorBefore()).isEqualByComparingTo("0");
        assertThat(first.tiers().accumulatorAfter()).isEqualByComparingTo("60");
        assertThat(second.tiers().accumulatorBefore()).isEqualByComparingTo("60");
        assertThat(second.tiers().accumulatorAfter()).isEqualByComparingTo("130");
        assertThat(accumulators.quantity(key)).isEqualByComparingTo("130");
    }

    @Test
    void theTierPeriodStartsInUtcWhateverTheUsageOffset() {
        RatedUsage rated = (RatedUsage) engine.rate(usage().at(OffsetDateTime.parse("2026-11-01T00:30:00+01:00"))
                .build(), new TierAccumulators());

        assertThat(rated.tiers().accumulator().periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(RatingEngine.periodStart(TierPeriod.CALENDAR_YEAR, java.time.Instant.parse(
                "2026-11-15T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void graduatedTiersContinueFromTheAccumulatorAcrossRecords() {
        RatingEngine tiered = engine(List.of(instance("pi").offering("offer-data").build()),
                List.of(price("data").offering("offer-data").usageType("DATA").unit(UnitOfMeasure.MB)
                        .increments("1", "1").mode(TierMode.GRADUATED).tier("0", "1024", "0.01")
                        .tier("1024", null, "0.002").build()), List.of());
        TierAccumulators accumulators = new TierAccumulators();

        tiered.rate(usage().type("DATA").quantity("1000", UnitOfMeasure.MB).build(), accumulators);
        RatedUsage second = (RatedUsage) tiered.rate(usage().id("u-2").type("DATA").quantity("100.5", UnitOfMeasure.MB)
                .build(), accumulators);

        assertThat(second.billedQuantity()).isEqualByComparingTo("101");
        assertThat(second.tiers().portions()).extracting(TierUsage.TierPortion::quantity)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("24"), dec("77"));
        assertThat(second.charge().amount()).isEqualByComparingTo("0.394");
    }

    @Test
    void readsAgreementVersionsFromTheActivationEvent() {
        var event = new io.accord.contracts.events.AgreementActivated(java.util.UUID.randomUUID(),
                RatingFixtures.NOW, "partner-a", "agr-9", 4, "RESELL", RatingFixtures.EPOCH, null, null,
                new io.accord.contracts.events.AgreementActivated.Terms("EUR",
                        List.of(new io.accord.contracts.events.AgreementActivated.RevenueShare("GAMES", null, "12.5",
                                List.of())),
                        List.of(new io.accord.contracts.events.AgreementActivated.WholesaleRate("mb", "0.0015")),
                        "0", "MONTHLY", 30, null, null, 30, null));

        AgreementVersion version = AgreementVersion.from(event);

        assertThat(version.businessModel()).isEqualTo(AgreementVersion.BusinessModel.RESELL);
        assertThat(version.wholesaleRates()).containsEntry(UnitOfMeasure.MB, dec("0.0015"));
        assertThat(version.revenueShares().getFirst().partnerSharePercent()).isEqualByComparingTo("12.5");
        assertThat(version.version()).isEqualTo(4);
    }

    @Test
    void readsTheWholesaleUnitsOfOnboardingsDefaultResellTemplate() {
        // V21__agreement_template_defaults.sql of partner-onboarding-service: GB, MINUTE, SMS and SIM_MONTH
        var event = new io.accord.contracts.events.AgreementActivated(java.util.UUID.randomUUID(),
                RatingFixtures.NOW, "partner-r", "agr-10", 1, "RESELL", RatingFixtures.EPOCH, null, null,
                new io.accord.contracts.events.AgreementActivated.Terms("EUR", List.of(),
                        List.of(new io.accord.contracts.events.AgreementActivated.WholesaleRate("GB", "0.800000"),
                                new io.accord.contracts.events.AgreementActivated.WholesaleRate("MINUTE", "0.010000"),
                                new io.accord.contracts.events.AgreementActivated.WholesaleRate("SMS", "0.005000"),
                                new io.accord.contracts.events.AgreementActivated.WholesaleRate("SIM_MONTH", "1.5")),
                        "500", "MONTHLY", 30, null, null, 60, null));

        AgreementVersion version = AgreementVersion.from(event);

        assertThat(version.wholesaleRates()).containsOnlyKeys(UnitOfMeasure.GB, UnitOfMeasure.MIN,
                UnitOfMeasure.MESSAGE);
        assertThat(version.wholesaleRates().get(UnitOfMeasure.MIN)).isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> AgreementVersion.from(new io.accord.contracts.events.AgreementActivated(
                java.util.UUID.randomUUID(), RatingFixtures.NOW, "partner-r", "agr-11", 1, "RESELL",
                RatingFixtures.EPOCH, null, null, new io.accord.contracts.events.AgreementActivated.Terms("EUR",
                List.of(), List.of(new io.accord.contracts.events.AgreementActivated.WholesaleRate("FURLONG", "1")),
                "0", "MONTHLY", 30, null, null, 60, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FURLONG");
    }
}
