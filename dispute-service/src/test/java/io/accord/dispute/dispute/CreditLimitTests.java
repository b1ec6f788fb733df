package io.accord.dispute.dispute;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CreditLimitTests {

    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();

    private static CreditLimit.Line line(String id, String amount) {
        return new CreditLimit.Line(id, new BigDecimal(amount));
    }

    private static CreditLimit.Credit credit(UUID dispute, String amount, String... lines) {
        return new CreditLimit.Credit(dispute, new BigDecimal(amount), Set.of(lines), false);
    }

    @Test
    void aLineCreditedInFullHasNothingLeftAndNamesTheDisputeThatCreditedIt() {
        CreditLimit.Limit limit = CreditLimit.ofLines(List.of(line("s-1", "10.86")),
                List.of(credit(FIRST, "10.86", "s-1")));
        assertThat(limit.remaining()).isEqualByComparingTo("0");
        assertThat(limit.allows(new BigDecimal("0.01"))).isFalse();
        assertThat(limit.counted()).containsExactly(new CreditLimit.Counted(FIRST, new BigDecimal("10.86"), false));
    }

    @Test
    void aPartialCreditLeavesTheRestOfTheLineAndCreditsOnOtherLinesDoNotCount() {
        CreditLimit.Limit limit = CreditLimit.ofLines(List.of(line("s-1", "-12.50")),
                List.of(credit(FIRST, "5.00", "s-1"), credit(SECOND, "30.00", "s-2")));
        assertThat(limit.amount()).isEqualByComparingTo("12.50");
        assertThat(limit.remaining()).isEqualByComparingTo("7.50");
        assertThat(limit.counted()).extracting(CreditLimit.Counted::disputeId).containsExactly(FIRST);
    }

    @Test
    void aCreditOnSeveralLinesOrTheWholeStatementCountsAgainstEachLineUpToItsAmount() {
        List<CreditLimit.Credit> credits = List.of(credit(FIRST, "15.00", "s-1", "s-2"));
        assertThat(CreditLimit.ofLines(List.of(line("s-1", "10.00")), credits).remaining()).isEqualByComparingTo("0");
        assertThat(CreditLimit.ofLines(List.of(line("s-1", "10.00"), line("s-2", "10.00")), credits).remaining())
                .isEqualByComparingTo("5.00");
        assertThat(CreditLimit.ofLines(List.of(line("s-1", "10.00")), List.of(credit(SECOND, "4.00"))).remaining())
                .isEqualByComparingTo("6.00");
    }

    @Test
    void theStatementsLimitCountsEveryCreditOnItInFull() {
        CreditLimit.Limit limit = CreditLimit.ofStatement(new BigDecimal("100.000000"), List.of(
                credit(FIRST, "30.00", "s-1"),
                new CreditLimit.Credit(SECOND, new BigDecimal("20.00"), Set.of(), true)));
        assertThat(limit.credited()).isEqualByComparingTo("50.00");
        assertThat(limit.remaining()).isEqualByComparingTo("50.00");
        assertThat(CreditLimit.ofStatement(new BigDecimal("10"), List.of(credit(FIRST, "30"))).remaining())
                .isEqualByComparingTo("0");
    }

    @Test
    void theScopeOfADisputeIsItsLinesWhenAllTheirAmountsAreKnownElseTheStatement() {
        Dispute.Item statement = new Dispute.Item(DisputeOpening.STATEMENT, "s", null);
        Dispute.Item known = new Dispute.Item(DisputeOpening.STATEMENT_LINE, "s-1", new BigDecimal("-3"));
        Dispute.Item unknown = new Dispute.Item(DisputeOpening.STATEMENT_LINE, "x", null);
        assertThat(CreditLimit.scope(List.of(statement, known))).containsExactly("s-1");
        assertThat(CreditLimit.lines(List.of(statement, known))).containsExactly(line("s-1", "3"));
        assertThat(CreditLimit.scope(List.of(statement, known, unknown))).isEmpty();
        assertThat(CreditLimit.scope(List.of(statement))).isEmpty();
    }

    /**
     * Claims on any lines, each within what its lines have left, never credit a set of lines beyond its amount: for
     * every set of lines, the claims made on lines within it sum to at most the lines' amounts.
     */
    @Property(tries = 1000)
    void successiveClaimsNeverCreditLinesBeyondTheirAmount(@ForAll("amounts") List<Integer> amounts,
                                                         @ForAll("claims") List<int[]> claims) {
        List<CreditLimit.Line> lines = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            lines.add(line("l" + i, amounts.get(i).toString()));
        }
        List<CreditLimit.Credit> credits = new ArrayList<>();
        for (int[] claim : claims) {
            List<CreditLimit.Line> named = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if ((claim[0] >> i & 1) == 1) {
                    named.add(lines.get(i));
                }
            }
            if (named.isEmpty()) {
                continue;
            }
            BigDecimal remaining = CreditLimit.ofLines(named, credits).remaining();
            BigDecimal amount = remaining.multiply(BigDecimal.valueOf(claim[1])).divide(BigDecimal.valueOf(4));
            if (amount.signum() > 0) {
                credits.add(new CreditLimit.Credit(UUID.randomUUID(), amount, ids(named), false));
            }
        }
        for (int subset = 1; subset < 1 << lines.size(); subset++) {
            Set<String> within = new HashSet<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                if ((subset >> i & 1) == 1) {
                    within.add(lines.get(i).id());
                    total = total.add(lines.get(i).amount().abs());
                }
            }
            BigDecimal credited = credits.stream().filter(credit -> within.containsAll(credit.lines()))
                    .map(CreditLimit.Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(credited).isLessThanOrEqualTo(total);
        }
    }

    @Provide
    Arbitrary<List<Integer>> amounts() {
        return Arbitraries.integers().between(-40, 40).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Each claim: a bit set of the lines it names, and the quarters of what they have left it takes (0 to 4). */
    @Provide
    Arbitrary<List<int[]>> claims() {
        return Arbitraries.integers().between(0, 15).array(int[].class).ofSize(2).list().ofMaxSize(10)
                .map(list -> list.stream().map(claim -> new int[]{claim[0], claim[1] % 5}).toList());
    }

    private static Set<String> ids(List<CreditLimit.Line> lines) {
        Set<String> ids = new HashSet<>();
        lines.forEach(line -> ids.add(line.id()));
        return ids;
    }
}
