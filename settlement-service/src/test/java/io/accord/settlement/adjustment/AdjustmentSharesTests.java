package io.accord.settlement.adjustment;

import io.accord.contracts.value.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispute adjustment split by statement line is booked one share per line (pure logic): in its own currency the
 * shares sum to the amount rounded once; converted into a statement's currency the amount is converted once and that
 * converted amount split the same way, so the converted shares sum to it exactly. Converting each rounded share on its
 * own did not: 50.00 + 50.00 NOK at 0.0853 made 4.26 + 4.26 = 8.52 EUR where 100.00 NOK converts to 8.53 EUR.
 */
class AdjustmentSharesTests {

    @Test
    void aSplitAdjustmentInAnotherCurrencyIsConvertedOnceThenSplit() {
        DisputeAdjustments.Adjustment adjustment = adjustment("100.00", "NOK", "CREDIT_PARTNER", "50.00", "50.00");

        List<DisputeAdjustments.Share> converted = adjustment.sharesIn("EUR", new BigDecimal("0.0853"));

        assertThat(converted).extracting(DisputeAdjustments.Share::statementLineId)
                .containsExactly("statement-1", "statement-2");
        assertThat(converted).extracting(share -> share.amount().amount().stripTrailingZeros().toPlainString())
                .containsExactly("4.26", "4.27");
        assertThat(adjustment.shares()).extracting(share -> share.amount().amount().stripTrailingZeros()
                .toPlainString()).as("in its own currency as before").containsExactly("50", "50");
    }

    @Test
    void aDebitIsSplitIntoNegativeSharesAtTheMinorUnitOfTheStatementCurrency() {
        DisputeAdjustments.Adjustment adjustment = adjustment("10.005", "EUR", "DEBIT_PARTNER", "3.335", "6.670");

        assertThat(adjustment.sharesIn("JPY", new BigDecimal("163.45"))).extracting(share -> share.amount())
                .containsExactly(Money.of("-545", "JPY"), Money.of("-1090", "JPY"));
        assertThat(adjustment.shares()).extracting(share -> share.amount())
                .containsExactly(Money.of("-3.34", "EUR"), Money.of("-6.66", "EUR"));
    }

    @Property(tries = 500)
    void convertedSharesSumExactlyToTheAmountConvertedOnce(@ForAll("splits") Split split,
                                                           @ForAll("rates") BigDecimal rate,
                                                           @ForAll("currencies") String into) {
        DisputeAdjustments.Adjustment adjustment = split.adjustment();

        List<DisputeAdjustments.Share> shares = adjustment.sharesIn(into, rate);

        int digits = Currency.getInstance(into).getDefaultFractionDigits();
        BigDecimal convertedOnce = Money.of(adjustment.amount().multiply(rate), into).amount()
                .setScale(digits, RoundingMode.HALF_EVEN);
        BigDecimal sum = shares.stream().map(share -> share.amount().amount()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(split.debit() ? convertedOnce.negate() : convertedOnce);
        assertThat(shares).hasSameSizeAs(adjustment.lines()).allSatisfy(share -> {
            assertThat(share.amount().currency()).isEqualTo(into);
            assertThat(share.amount().amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(digits);
            assertThat(share.amount().amount().signum()).isNotEqualTo(split.debit() ? 1 : -1);
        });
        // each share is within one minor unit of its line's exact part of the converted amount (and the 6-decimal
        // rounding of the converted amount)
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits).add(new BigDecimal("0.000001"));
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal exact = adjustment.lines().get(i).amount().multiply(rate);
            assertThat(shares.get(i).amount().amount().abs().subtract(exact).abs()).isLessThanOrEqualTo(unit);
        }
        assertThat(adjustment.sharesIn(into, rate)).as("the same from the same inputs").isEqualTo(shares);
    }

    @Property(tries = 200)
    void atRateOneInItsOwnCurrencyTheSharesAreTheUnconvertedOnes(@ForAll("splits") Split split) {
        DisputeAdjustments.Adjustment adjustment = split.adjustment();

        assertThat(adjustment.sharesIn(adjustment.currency(), BigDecimal.ONE)).isEqualTo(adjustment.shares());
    }

    /** An adjustment of {@code amount} split across lines whose parts sum to it. */
    record Split(BigDecimal amount, List<BigDecimal> parts, boolean debit) {

        DisputeAdjustments.Adjustment adjustment() {
            List<DisputeAdjustments.Line> lines = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                lines.add(new DisputeAdjustments.Line("statement-" + (i + 1), parts.get(i), parts.get(i)));
            }
            return received(amount, "USD", debit ? "DEBIT_PARTNER" : "CREDIT_PARTNER", lines);
        }
    }

    @Provide
    Arbitrary<Split> splits() {
        Arbitrary<List<BigDecimal>> parts = Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                new BigDecimal("100000")).ofScale(6).list().ofMinSize(1).ofMaxSize(8)
                .filter(list -> list.stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() > 0);
        return Combinators.combine(parts, Arbitraries.of(true, false)).as((list, debit) -> new Split(
                list.stream().reduce(BigDecimal.ZERO, BigDecimal::add), list, debit));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("2000")).ofScale(6);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "JPY", "BHD", "CHF");
    }

    private static DisputeAdjustments.Adjustment adjustment(String amount, String currency, String direction,
                                                            String first, String second) {
        return received(new BigDecimal(amount), currency, direction, List.of(
                new DisputeAdjustments.Line("statement-1", null, new BigDecimal(first)),
                new DisputeAdjustments.Line("statement-2", null, new BigDecimal(second))));
    }

    /** A received, pending adjustment with its lines. */
    static DisputeAdjustments.Adjustment received(BigDecimal amount, String currency, String direction,
                                                    List<DisputeAdjustments.Line> lines) {
        return new DisputeAdjustments.Adjustment("adj-" + UUID.randomUUID(), "dsp-1", UUID.randomUUID(), direction,
                amount, currency, "minutes missing", null, "statement", "PARTIALLY_ACCEPTED", Instant.EPOCH, "pat",
                Instant.EPOCH, null, null, null, null, lines);
    }
}
