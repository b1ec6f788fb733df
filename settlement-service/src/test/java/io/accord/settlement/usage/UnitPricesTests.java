package io.accord.settlement.usage;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one unit price a usage sum's records were charged at, told by their quantities and 6-decimal charges. */
class UnitPricesTests {

    @Test
    void recordsChargedAtOnePriceTellItEvenThroughTheirRounding() {
        // 0.80 EUR per GB charges MB at 0.80 / 1024 = 0.00078125; 274.5 MB charges 0.21445312... → 0.214453
        UnitPrices.Range range = sum(record("1000", "0.78125"), record("274.5", "0.214453"), record("1", "0.000781"));

        assertThat(price(range)).isEqualByComparingTo("0.00078125");
        assertThat(price(range).toPlainString()).isEqualTo("0.00078125");
    }

    @Test
    void aReversalTellsTheSamePriceAsItsRecord() {
        UnitPrices.Range range = sum(record("4.1", "0.041"), record("-4.1", "-0.041"), record("2", "0.02"));

        assertThat(price(range)).isEqualByComparingTo("0.01");
    }

    @Test
    void recordsOfTwoPricesHaveNoSinglePrice() {
        // a graduated tier, a minimum charge or a second price version: 0.10 and 0.05 per unit
        assertThat(price(sum(record("20", "2"), record("900", "45")))).isNull();
        // a least charge on a record of no quantity
        assertThat(price(sum(record("10", "1"), record("0", "0.5")))).isNull();
        // once mixed, stays mixed
        assertThat(price(sum(record("20", "2"), record("900", "45"), record("10", "1")))).isNull();
    }

    @Test
    void aRecordBilledZeroTellsNoPrice() {
        assertThat(price(sum(record("0", "0"), record("60", "0.6")))).isEqualByComparingTo("0.01");
        assertThat(price(sum(record("0", "0")))).isNull();
    }

    @Test
    void theCatalogsLongerPriceIsFoundOnceQuantitiesTellIt() {
        BigDecimal catalog = new BigDecimal("0.0123457");
        List<UnitPrices.Range> records = List.of("125", "61", "3600", "7").stream()
                .map(quantity -> record(quantity, new BigDecimal(quantity).multiply(catalog)
                        .setScale(6, RoundingMode.HALF_EVEN).toPlainString()))
                .toList();

        assertThat(price(records.stream().reduce(UnitPrices.Range.NONE, UnitPrices.Range::plus)))
                .isEqualByComparingTo(catalog);
    }

    private static UnitPrices.Range record(String quantity, String charge) {
        return UnitPrices.of(new BigDecimal(quantity), new BigDecimal(charge));
    }

    private static UnitPrices.Range sum(UnitPrices.Range... records) {
        UnitPrices.Range range = UnitPrices.Range.NONE;
        for (UnitPrices.Range record : records) {
            range = range.plus(record);
        }
        return range;
    }

    private static BigDecimal price(UnitPrices.Range range) {
        return UnitPrices.price(range.low(), range.high(), range.mixed());
    }
}
