package io.accord.portal.dispute;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What remains to dispute on a statement, reckoned as dispute-service bounds an opening (CreditLimit). */
class DisputeHeadroomTests {

    private static final DisputesController.Statement STATEMENT = new DisputesController.Statement("st", "ST-1",
            "EUR", "18.27", List.of(new DisputesController.Line("st-1", "views", "15.35", "views"),
            new DisputesController.Line("st-2", "wholesale", "-2.92", "wholesale")));

    private static DisputeHeadroom.Credit credit(String amount, String... lines) {
        return new DisputeHeadroom.Credit(new BigDecimal(amount), Set.of(lines));
    }

    @Test
    void aCreditCountsAgainstEachLineItNamedUpToTheLinesAmount() {
        DisputeHeadroom.Headroom headroom = DisputeHeadroom.reckon(STATEMENT,
                List.of(credit("10.00", "st-1", "st-2")));

        assertThat(headroom.credited()).isEqualByComparingTo("10.00");
        assertThat(headroom.remaining()).isEqualByComparingTo("8.27");
        // it may have gone to either line: each is reduced by as much of it as the line can take
        assertThat(headroom.line("st-1")).isEqualByComparingTo("5.35");
        assertThat(headroom.line("st-2")).isEqualByComparingTo("0");
    }

    @Test
    void aCreditOnTheWholeStatementCountsAgainstEveryLineAndNothingGoesBelowZero() {
        DisputeHeadroom.Headroom headroom = DisputeHeadroom.reckon(STATEMENT,
                List.of(credit("1.00"), credit("20.00", "st-1")));

        assertThat(headroom.remaining()).isEqualByComparingTo("0");
        assertThat(headroom.line("st-1")).isEqualByComparingTo("0");
        assertThat(headroom.line("st-2")).isEqualByComparingTo("1.92");
    }

    @Test
    void aCreditSplitByLineCountsOnEachLineAtMostWhatWasDisputedOnIt() {
        // 10.00 credited of 8.00 disputed on st-1 and 2.00 on st-2: st-1 keeps at least 7.35 (it lost 5.35 before)
        DisputeHeadroom.Headroom headroom = DisputeHeadroom.reckon(STATEMENT, List.of(new DisputeHeadroom.Credit(
                new BigDecimal("10.00"), Set.of("st-1", "st-2"),
                java.util.Map.of("st-1", new BigDecimal("8.00"), "st-2", new BigDecimal("2.00")))));

        assertThat(headroom.line("st-1")).isEqualByComparingTo("7.35");
        assertThat(headroom.line("st-2")).isEqualByComparingTo("0.92");
        assertThat(headroom.remaining()).isEqualByComparingTo("8.27");
    }

    @Test
    void nothingCreditedLeavesEachLineItsSize() {
        DisputeHeadroom.Headroom headroom = DisputeHeadroom.reckon(STATEMENT, List.of());

        assertThat(headroom.remaining()).isEqualByComparingTo("18.27");
        assertThat(headroom.line("st-2")).isEqualByComparingTo("2.92");
    }
}
