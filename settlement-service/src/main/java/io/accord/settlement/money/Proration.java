package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A recurring charge's part in a settlement period, month by calendar month (UTC). Days are UTC dates: a product is
 * charged from the date it starts (inclusive) to the date it ends (exclusive), and a period holds the dates from the
 * date of its start to the date of its end, so consecutive periods (an early close included) share no day.
 */
final class Proration {

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    enum Policy {
        DAILY, NONE;

        static Policy parse(String value) {
            if (value == null) {
                throw new IllegalArgumentException("a recurring charge needs a proration policy (DAILY or NONE)");
            }
            return Policy.valueOf(value);
        }
    }

    enum ChargePeriod {
        MONTH, YEAR;

        static ChargePeriod parse(String value) {
            if (value == null) {
                throw new IllegalArgumentException("a recurring charge needs a period (MONTH or YEAR)");
            }
            return ChargePeriod.valueOf(value);
        }
    }

    private Proration() {
    }

    static Money charge(Money amount, ChargePeriod chargePeriod, Policy policy, Instant periodStart, Instant periodEnd,
                        Instant activeFrom, Instant activeTo) {
        if (!periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("a period ends after it starts: " + periodStart + " – " + periodEnd);
        }
        BigDecimal monthly = chargePeriod == ChargePeriod.YEAR
                ? amount.amount().divide(MONTHS_PER_YEAR, PRECISION) : amount.amount();
        LocalDate periodFirst = date(periodStart);
        LocalDate periodEndDate = date(periodEnd);
        LocalDate activeFirst = date(activeFrom);
        LocalDate activeEndDate = activeTo == null ? LocalDate.MAX : date(activeTo);
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.from(periodFirst); !month.atDay(1).isAfter(periodEndDate.minusDays(1));
             month = month.plusMonths(1)) {
            LocalDate monthFirst = month.atDay(1);
            LocalDate monthEnd = month.plusMonths(1).atDay(1);
            LocalDate activeInMonthFirst = max(monthFirst, activeFirst);
            LocalDate activeInMonthEnd = min(monthEnd, activeEndDate);
            if (!activeInMonthFirst.isBefore(activeInMonthEnd)) {
                continue;
            }
            if (policy == Policy.NONE) {
                boolean firstActiveDayInPeriod = !activeInMonthFirst.isBefore(periodFirst)
                        && activeInMonthFirst.isBefore(periodEndDate);
                if (firstActiveDayInPeriod) {
                    total = total.add(monthly);
                }
                continue;
            }
            long days = ChronoUnit.DAYS.between(max(activeInMonthFirst, periodFirst),
                    min(activeInMonthEnd, periodEndDate));
            if (days > 0) {
                total = total.add(monthly.multiply(BigDecimal.valueOf(days), PRECISION)
                        .divide(BigDecimal.valueOf(month.lengthOfMonth()), PRECISION));
            }
        }
        return Money.of(total, amount.currency());
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
