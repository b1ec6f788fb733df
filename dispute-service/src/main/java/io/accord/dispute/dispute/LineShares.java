package io.accord.dispute.dispute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a resolution's adjustment over the statement lines of a dispute in proportion to what was disputed on each:
 * each share rounded down to {@code scale} decimals, the units left over going one each to the lines with the largest
 * remainders (ties: the earlier line), so the shares sum to the adjustment exactly. A full acceptance of lines disputed
 * in minor units gives each line its own disputed amount. Plain Java.
 */
final class LineShares {

    private LineShares() {
    }

    /**
     * @param total    the adjustment, at most {@code scale} decimals, not negative
     * @param disputed what was disputed on each line, in the dispute's order, each positive
     * @return each line's share, in the same order; empty when {@code disputed} is
     */
    static Map<String, BigDecimal> of(BigDecimal total, Map<String, BigDecimal> disputed, int scale) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (disputed.isEmpty()) {
            return shares;
        }
        BigDecimal whole = disputed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<String> ids = new ArrayList<>(disputed.keySet());
        Map<String, BigDecimal> remainders = new LinkedHashMap<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (String id : ids) {
            BigDecimal exact = total.multiply(disputed.get(id));
            BigDecimal share = exact.divide(whole, scale, RoundingMode.DOWN);
            shares.put(id, share);
            // the part rounded away, times the whole: compared exactly, without a second rounding
            remainders.put(id, exact.subtract(share.multiply(whole)));
            allocated = allocated.add(share);
        }
        int left = total.subtract(allocated).divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
        List<String> byRemainder = ids.stream()
                .sorted(Comparator.comparing((String id) -> remainders.get(id)).reversed()
                        .thenComparing(Comparator.comparingInt(ids::indexOf)))
                .toList();
        for (int i = 0; i < left; i++) {
            String id = byRemainder.get(i);
            shares.put(id, shares.get(id).add(unit));
        }
        shares.replaceAll((id, share) -> share.setScale(scale, RoundingMode.UNNECESSARY));
        return shares;
    }
}
