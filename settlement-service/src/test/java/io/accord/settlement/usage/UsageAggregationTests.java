package io.accord.settlement.usage;

import io.accord.contracts.usage.UsageRated;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rated usage from the real topic summed per period, partner, offering, usage type and direction. */
@AccordServiceTest
class UsageAggregationTests {

    private final UsageSums sums;
    private final SettlementPeriods periods;
    private final SettlementFixtures fixtures;
    private final Clock clock;

    UsageAggregationTests(UsageSums sums, SettlementPeriods periods, SettlementFixtures fixtures, Clock clock) {
        this.sums = sums;
        this.periods = periods;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @Test
    void sumsSharesAndWholesalePerOfferingUsageTypeAndDirectionWithReversalsAndRedeliveriesOnce() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID period = periods.periodFor(UUID.fromString(partner), now).orElseThrow().period().id();
        Instant usage = now.minusSeconds(5);
        UsageRated first = RatedUsageEvents.rated("off-video", usage).charge("2.50").share(partner, "30").build();
        UsageRated second = RatedUsageEvents.rated("off-video", usage).subscriber(first.subscriberId())
                .charge("1.00").share(partner, "30").build();
        UsageRated sms = RatedUsageEvents.rated("off-video", usage).usageType("SMS").quantity("1", "EVENT")
                .charge("0.10").share(partner, "30").build();
        UsageRated wholesale = RatedUsageEvents.rated("off-data", usage).usageType("DATA")
                .quantity("1048576", "BYTE").allocation("RESELL").charge("0.333333").wholesale(partner).build();

        RatedUsageEvents.send(first, second, sms, wholesale, RatedUsageEvents.reversalOf(first), second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<UsageSums.Sum> found = sums.ofPeriod(period);
            assertThat(found).hasSize(3);
            UsageSums.Sum voice = find(found, "off-video", "VOICE");
            assertThat(voice.direction()).isEqualTo("PAYABLE_TO_PARTNER");
            assertThat(voice.amount()).isEqualByComparingTo("0.300000");
            assertThat(voice.charge()).isEqualByComparingTo("1.000000");
            assertThat(voice.quantity()).isEqualByComparingTo("60");
            assertThat(voice.recordCount()).isEqualTo(1);
            assertThat(voice.reversalCount()).isEqualTo(1);
            assertThat(voice.priorPeriod()).isFalse();
            assertThat(find(found, "off-video", "SMS").amount()).isEqualByComparingTo("0.030000");
            UsageSums.Sum data = find(found, "off-data", "DATA");
            assertThat(data.direction()).isEqualTo("OWED_BY_PARTNER");
            assertThat(data.amount()).isEqualByComparingTo("0.333333");
            assertThat(data.recordCount()).isEqualTo(1);
        });
    }

    @Test
    void usageOfAClosedPeriodLandsInTheNextOpenPeriodFlaggedPriorPeriod() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant late = now.minus(Duration.ofDays(40));
        UUID closed = periods.periodFor(partnerId, late).orElseThrow().period().id();
        periods.startClosing(closed);
        periods.close(closed);
        SettlementPeriods.Placement placement = periods.periodFor(partnerId, late).orElseThrow();
        assertThat(placement.priorPeriodAdjustment()).isTrue();
        assertThat(placement.usagePeriodId()).isEqualTo(closed);

        RatedUsageEvents.send(RatedUsageEvents.rated("off-video", late).charge("10").share(partner, "70").build());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<UsageSums.Sum> found = sums.ofPeriod(placement.period().id());
            assertThat(found).singleElement().satisfies(sum -> {
                assertThat(sum.priorPeriod()).isTrue();
                assertThat(sum.amount()).isEqualByComparingTo(new BigDecimal("7.000000"));
            });
        });
        assertThat(sums.ofPeriod(closed)).isEmpty();
    }

    @Test
    void keepsEachBilledUnitInASumOfItsOwn() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID period = periods.periodFor(UUID.fromString(partner), now).orElseThrow().period().id();
        Instant usage = now.minusSeconds(5);
        // one offering's data priced per MB, then (a new price version) per GB; a unit code in lower case is the same
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-video", usage).usageType("DATA").quantity("512", "MB").charge("1.00")
                        .share(partner, "70").build(),
                RatedUsageEvents.rated("off-video", usage).usageType("DATA").quantity("2", "GB").charge("4.00")
                        .share(partner, "70").build(),
                RatedUsageEvents.rated("off-video", usage).usageType("DATA").quantity("256", "mb").charge("0.50")
                        .share(partner, "70").build());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sums.ofPeriod(period))
                .extracting(UsageSums.Sum::billedUnit, sum -> sum.quantity().stripTrailingZeros().toPlainString(),
                        sum -> sum.charge().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GB", "2", "4"),
                        org.assertj.core.groups.Tuple.tuple("MB", "768", "1.5")));
    }

    private static UsageSums.Sum find(List<UsageSums.Sum> found, String offering, String usageType) {
        return found.stream().filter(sum -> sum.offeringId().equals(offering) && sum.usageType().equals(usageType))
                .findFirst().orElseThrow(() -> new AssertionError("no sum of " + offering + "/" + usageType));
    }
}
