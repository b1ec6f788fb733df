package io.accord.settlement.conservation;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three terms of the amount equation per currency and direction, at 6 decimals: Σ partner amounts of rated
 * records = Σ the same amounts on statements (before line rounding) + Σ not yet on a statement. Amounts are as the
 * direction names them (a reseller's wholesale positive under {@code OWED_BY_PARTNER}).
 */
final class Ledger {

    private final Map<String, Terms> terms = new TreeMap<>();

    void rated(String currency, String direction, BigDecimal amount, long records) {
        Terms entry = entry(currency, direction);
        entry.rated = entry.rated.add(amount);
        entry.records += records;
    }

    void onStatement(String currency, String direction, BigDecimal amount) {
        Terms entry = entry(currency, direction);
        entry.onStatements = entry.onStatements.add(amount);
    }

    void notYetOnStatement(String currency, String direction, BigDecimal amount) {
        Terms entry = entry(currency, direction);
        entry.notYet = entry.notYet.add(amount);
    }

    void addAll(Ledger other) {
        other.terms.forEach((key, entry) -> {
            Terms mine = entry(entry.currency, entry.direction);
            mine.rated = mine.rated.add(entry.rated);
            mine.onStatements = mine.onStatements.add(entry.onStatements);
            mine.notYet = mine.notYet.add(entry.notYet);
            mine.records += entry.records;
        });
    }

    boolean balanced() {
        return amounts().stream().allMatch(amount -> amount.difference().signum() == 0);
    }

    List<Amounts> amounts() {
        return terms.values().stream().map(entry -> new Amounts(entry.currency, entry.direction,
                scaled(entry.rated), scaled(entry.onStatements), scaled(entry.notYet),
                scaled(entry.rated.subtract(entry.onStatements).subtract(entry.notYet)), entry.records)).toList();
    }

    private Terms entry(String currency, String direction) {
        return terms.computeIfAbsent(currency + "/" + direction, key -> new Terms(currency, direction));
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(Money.SCALE, Money.ROUNDING);
    }

    /**
     * One row of the equation.
     *
     * @param direction         {@code PAYABLE_TO_PARTNER} (shares we pay) or {@code OWED_BY_PARTNER} (wholesale)
     * @param difference        rated − onStatements − notYetOnStatement: zero when money is conserved
     * @param records           the rated records' net count (a reversal counts −1)
     */
    record Amounts(String currency, String direction, BigDecimal rated, BigDecimal onStatements,
                   BigDecimal notYetOnStatement, BigDecimal difference, long records) {
    }

    private static final class Terms {
        private final String currency;
        private final String direction;
        private BigDecimal rated = BigDecimal.ZERO;
        private BigDecimal onStatements = BigDecimal.ZERO;
        private BigDecimal notYet = BigDecimal.ZERO;
        private long records;

        Terms(String currency, String direction) {
            this.currency = currency;
            this.direction = direction;
        }
    }
}
