package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * A statement's tax split over its rounded lines, so that the lines' taxes add up exactly to the statement's tax line
 * (which is computed once, on the net of the rounded lines: {@link TaxRule}). Largest remainder: each line's exact
 * share is {@code line × rate / 100} (without a rate, {@code line × tax / net}), cut to the currency's minor unit
 * towards −∞; the minor units still missing to the statement's tax go one each to the lines with the largest
 * remainders cut off, the earlier line first on a tie. So every line's tax is its exact share cut down or up by less
 * than one minor unit whenever the rate is the one the statement's tax was computed with, and Σ is exact always.
 */
final class TaxAllocation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxAllocation() {
    }

    /**
     * @param lines       the statement's rounded lines, in their order, all in the tax's currency
     * @param tax         the statement's tax line (at the minor unit)
     * @param ratePercent the rate it was computed with; {@code null} when unknown
     * @return one tax per line, in the lines' order, at the minor unit, summing exactly to {@code tax}
     */
    static List<Money> allocate(List<Money> lines, Money tax, BigDecimal ratePercent) {
        String currency = tax.currency();
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        BigDecimal total = tax.amount().setScale(digits, RoundingMode.UNNECESSARY);
        if (lines.isEmpty()) {
            if (total.signum() != 0) {
                throw new IllegalArgumentException("a tax of " + total + " " + currency + " on no line");
            }
            return List.of();
        }
        BigDecimal net = BigDecimal.ZERO;
        for (Money line : lines) {
            if (!line.currency().equals(currency)) {
                throw new IllegalArgumentException("a line in " + line.currency() + " on a tax in " + currency);
            }
            net = net.add(line.amount());
        }
        List<Share> shares = new ArrayList<>(lines.size());
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal exact = exactShare(lines.get(i).amount(), ratePercent, total, net);
            BigDecimal floor = exact.setScale(digits, RoundingMode.FLOOR);
            shares.add(new Share(i, floor, exact.subtract(floor)));
            allocated = allocated.add(floor);
        }
        long missing = total.subtract(allocated).divide(unit, 0, RoundingMode.UNNECESSARY).longValueExact();
        distribute(shares, missing, unit);
        List<Money> taxes = new ArrayList<>(lines.size());
        shares.stream().sorted(Comparator.comparingInt(Share::index))
                .forEach(share -> taxes.add(Money.of(share.amount, currency)));
        return List.copyOf(taxes);
    }

    /** The line's exact share: by the rate, or pro rata of the net when no rate is known (nothing when net is 0). */
    private static BigDecimal exactShare(BigDecimal line, BigDecimal ratePercent, BigDecimal tax, BigDecimal net) {
        if (ratePercent != null) {
            return line.multiply(ratePercent).divide(HUNDRED);
        }
        if (net.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return line.multiply(tax).divide(net, MathContext.DECIMAL128);
    }

    /**
     * Gives the missing minor units one per line, largest remainder first (earlier line on a tie); takes them back
     * from the smallest remainders first when the shares overshoot (a rate other than the statement's). More units
     * than lines go round again.
     */
    private static void distribute(List<Share> shares, long missing, BigDecimal unit) {
        if (missing == 0) {
            return;
        }
        Comparator<Share> largestFirst = Comparator.comparing(Share::remainder).reversed()
                .thenComparingInt(Share::index);
        Comparator<Share> smallestFirst = Comparator.comparing(Share::remainder).thenComparingInt(Share::index);
        List<Share> order = new ArrayList<>(shares);
        order.sort(missing > 0 ? largestFirst : smallestFirst);
        BigDecimal step = missing > 0 ? unit : unit.negate();
        long left = Math.abs(missing);
        for (int i = 0; left > 0; i = (i + 1) % order.size(), left--) {
            Share share = order.get(i);
            share.amount = share.amount.add(step);
        }
    }

    private static final class Share {
        private final int index;
        private final BigDecimal remainder;
        private BigDecimal amount;

        Share(int index, BigDecimal amount, BigDecimal remainder) {
            this.index = index;
            this.amount = amount;
            this.remainder = remainder;
        }

        int index() {
            return index;
        }

        BigDecimal remainder() {
            return remainder;
        }
    }
}
