package io.accord.settlement.money;

import io.accord.contracts.value.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Recurring charges prorated by policy for products starting or ending mid-period. */
class ProrationTests {

    private static final Money MONTHLY_31 = Money.of("31.00", "EUR");
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void aProductActiveTheWholeMonthPaysTheFullCharge() {
        assertThat(charge("DAILY", MARCH, APRIL, Instant.parse("2026-01-10T08:00:00Z"), null))
                .isEqualTo(Money.of("31", "EUR"));
        assertThat(charge("NONE", MARCH, APRIL, Instant.parse("2026-01-10T08:00:00Z"), null))
                .isEqualTo(Money.of("31", "EUR"));
    }

    @Test
    void dailyProrationCountsTheUtcDaysFromTheStartDateToTheEndDate() {
        // active 10 March 15:30 to 20 March 09:00: dates 10..19 = 10 of 31 days
        Money part = charge("DAILY", MARCH, APRIL, Instant.parse("2026-03-10T15:30:00Z"),
                Instant.parse("2026-03-20T09:00:00Z"));

        assertThat(part).isEqualTo(Money.of("10", "EUR"));
    }

    @Test
    void dailyProrationOfAFebruaryStartUsesFebruarysLength() {
        Money part = SettlementMath.recurringCharge(Money.of("28.00", "EUR"), "MONTH", "DAILY",
                Instant.parse("2026-02-01T00:00:00Z"), MARCH, Instant.parse("2026-02-15T00:00:00Z"), null);

        assertThat(part).isEqualTo(Money.of("14", "EUR"));
    }

    @Test
    void noProrationChargesAStartedMonthInFullAndAMonthNotStartedNotAtAll() {
        assertThat(charge("NONE", MARCH, APRIL, Instant.parse("2026-03-30T00:00:00Z"), null))
                .isEqualTo(Money.of("31", "EUR"));
        assertThat(charge("NONE", MARCH, APRIL, APRIL, null)).isEqualTo(Money.zero("EUR"));
        assertThat(charge("NONE", MARCH, APRIL, Instant.parse("2026-01-01T00:00:00Z"), MARCH))
                .isEqualTo(Money.zero("EUR"));
    }

    @Test
    void aQuarterSumsItsMonthsAndAYearlyChargeIsATwelfthPerMonth() {
        Instant quarterEnd = Instant.parse("2026-04-01T00:00:00Z");
        Instant quarterStart = Instant.parse("2026-01-01T00:00:00Z");
        // from 1 March: January and February not active, March in full
        assertThat(SettlementMath.recurringCharge(Money.of("10", "EUR"), "MONTH", "DAILY", quarterStart, quarterEnd,
                MARCH, null)).isEqualTo(Money.of("10", "EUR"));
        assertThat(SettlementMath.recurringCharge(Money.of("120", "EUR"), "YEAR", "NONE", quarterStart, quarterEnd,
                Instant.parse("2025-06-01T00:00:00Z"), null)).isEqualTo(Money.of("30", "EUR"));
    }

    @Test
    void anEarlyCloseSplitsTheMonthWithoutChargingADayTwice() {
        Instant closedAt = Instant.parse("2026-03-12T14:00:00Z");
        Money before = charge("DAILY", MARCH, closedAt, Instant.parse("2026-02-01T00:00:00Z"), null);
        Money after = charge("DAILY", closedAt, APRIL, Instant.parse("2026-02-01T00:00:00Z"), null);

        assertThat(before).isEqualTo(Money.of("11", "EUR"));
        assertThat(after).isEqualTo(Money.of("20", "EUR"));
        assertThat(charge("NONE", MARCH, closedAt, Instant.parse("2026-02-01T00:00:00Z"), null)
                .plus(charge("NONE", closedAt, APRIL, Instant.parse("2026-02-01T00:00:00Z"), null)))
                .isEqualTo(MONTHLY_31);
    }

    /** However a month is split into two periods, the two DAILY parts add up to the one-period charge. */
    @Property(tries = 300)
    void dailyPartsOfASplitMonthAddUpToTheWhole(@ForAll @IntRange(min = 1, max = 30) int splitDay,
                                                @ForAll @IntRange(min = 0, max = 40) int startDay,
                                                @ForAll @IntRange(min = 0, max = 40) int days) {
        Instant split = MARCH.plusSeconds(splitDay * 86_400L + 3_600);
        Instant from = Instant.parse("2026-02-20T00:00:00Z").plusSeconds(startDay * 86_400L);
        Instant to = from.plusSeconds(days * 86_400L + 7_200);
        Money monthly = Money.of("31", "EUR");

        Money parts = charge("DAILY", MARCH, split, from, to).plus(charge("DAILY", split, APRIL, from, to));

        assertThat(parts.amount()).isEqualByComparingTo(charge("DAILY", MARCH, APRIL, from, to).amount());
        assertThat(parts.amount()).isBetween(BigDecimal.ZERO, monthly.amount());
    }

    private static Money charge(String policy, Instant periodStart, Instant periodEnd, Instant from, Instant to) {
        return SettlementMath.recurringCharge(MONTHLY_31, "MONTH", policy, periodStart, periodEnd, from, to);
    }
}
