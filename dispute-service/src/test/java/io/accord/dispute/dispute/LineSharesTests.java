package io.accord.dispute.dispute;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LineSharesTests {

    @Test
    void aFullAcceptanceGivesEachLineWhatWasDisputedOnIt() {
        assertThat(LineShares.of(new BigDecimal("30.00"), Map.of("l-1", new BigDecimal("30.00")), 2))
                .containsExactly(Map.entry("l-1", new BigDecimal("30.00")));
        Map<String, BigDecimal> disputed = new LinkedHashMap<>();
        disputed.put("l-1", new BigDecimal("30.00"));
        disputed.put("l-2", new BigDecimal("12.50"));
        assertThat(LineShares.of(new BigDecimal("42.50"), disputed, 2)).containsExactly(
                Map.entry("l-1", new BigDecimal("30.00")), Map.entry("l-2", new BigDecimal("12.50")));
    }

    @Test
    void theCentsLeftOverGoToTheLargestRemaindersSoTheSharesSumExactly() {
        Map<String, BigDecimal> disputed = new LinkedHashMap<>();
        disputed.put("l-1", BigDecimal.ONE);
        disputed.put("l-2", BigDecimal.ONE);
        disputed.put("l-3", BigDecimal.ONE);
        // 10.00 / 3: 3.33 each and one cent left, to the first of the equal remainders
        assertThat(LineShares.of(new BigDecimal("10.00"), disputed, 2)).containsExactly(
                Map.entry("l-1", new BigDecimal("3.34")), Map.entry("l-2", new BigDecimal("3.33")),
                Map.entry("l-3", new BigDecimal("3.33")));
        assertThat(LineShares.of(BigDecimal.ZERO, disputed, 2).values()).allMatch(share -> share.signum() == 0);
    }

    @Property
    void sharesSumToTheAdjustmentAndNoneExceedsItsLineInMinorUnits(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 1_000_000) Integer> cents,
            @ForAll @IntRange(min = 0, max = 100) int percent) {
        Map<String, BigDecimal> disputed = new LinkedHashMap<>();
        for (int i = 0; i < cents.size(); i++) {
            disputed.put("l-" + i, BigDecimal.valueOf(cents.get(i), 2));
        }
        BigDecimal whole = disputed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal adjusted = whole.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2,
                java.math.RoundingMode.DOWN);

        Map<String, BigDecimal> shares = LineShares.of(adjusted, disputed, 2);

        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(adjusted);
        shares.forEach((line, share) -> {
            assertThat(share.signum()).isNotNegative();
            assertThat(share).isLessThanOrEqualTo(disputed.get(line));
            assertThat(share.scale()).isEqualTo(2);
        });
    }
}
