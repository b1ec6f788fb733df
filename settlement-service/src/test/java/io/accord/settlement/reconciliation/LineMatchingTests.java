package io.accord.settlement.reconciliation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Line-level matching: every outcome, the tolerance's two parts and their exact boundaries, and the keys. */
class LineMatchingTests {

    /** The agreement's tolerance: 5.00 absolute or 0.5 % of our amount, whichever is larger. */
    private static final LineMatching.Tolerance TOLERANCE = new LineMatching.Tolerance(new BigDecimal("5.00"),
            new BigDecimal("0.5"));

    @Test
    void givesEveryOutcomeWithOurAmountTheirsAndTheDifference() {
        List<LineMatching.Result> results = LineMatching.match(List.of(
                        ours("s:1", "off-a", "VOICE", "100.00"),
                        ours("s:2", "off-a", "SMS", "200.00"),
                        ours("s:3", "off-b", "DATA", "300.00"),
                        ours("s:4", "off-c", "VOICE", "40.00")),
                List.of(theirs("1", "off-a", "VOICE", "100.00"),
                        theirs("2", "off-a", "SMS", "203.00"),
                        theirs("3", "off-b", "DATA", "320.00"),
                        theirs("4", "off-d", "VOICE", "7.50")),
                LineMatching.DEFAULT_KEYS, TOLERANCE, "EUR");

        assertThat(results).extracting(LineMatching.Result::outcome).containsExactly(
                LineMatching.Outcome.MATCHED, LineMatching.Outcome.WITHIN_TOLERANCE, LineMatching.Outcome.MISMATCH,
                LineMatching.Outcome.MISSING_ON_INVOICE, LineMatching.Outcome.MISSING_ON_STATEMENT);
        assertThat(results).extracting(LineMatching.Result::beyondTolerance)
                .containsExactly(false, false, true, true, true);
        LineMatching.Result mismatch = results.get(2);
        assertThat(mismatch.ours()).isEqualByComparingTo("300.00");
        assertThat(mismatch.theirs()).isEqualByComparingTo("320.00");
        assertThat(mismatch.difference()).isEqualByComparingTo("20.00");
        assertThat(mismatch.statementLineIds()).containsExactly("s:3");
        assertThat(mismatch.invoiceLineIds()).containsExactly("3");
        LineMatching.Result missingOnInvoice = results.get(3);
        assertThat(missingOnInvoice.theirs()).isNull();
        assertThat(missingOnInvoice.difference()).isEqualByComparingTo("-40.00");
        LineMatching.Result missingOnStatement = results.get(4);
        assertThat(missingOnStatement.ours()).isNull();
        assertThat(missingOnStatement.difference()).isEqualByComparingTo("7.50");
        assertThat(missingOnStatement.tolerance()).isEqualByComparingTo("5.00");
    }

    @Test
    void aDifferenceExactlyAtTheAbsoluteToleranceIsWithinAndOneCentMoreIsNot() {
        assertThat(outcome("100.00", "105.00")).isEqualTo(LineMatching.Outcome.WITHIN_TOLERANCE);
        assertThat(outcome("100.00", "94.99")).isEqualTo(LineMatching.Outcome.MISMATCH);
        assertThat(outcome("100.00", "95.00")).isEqualTo(LineMatching.Outcome.WITHIN_TOLERANCE);
        assertThat(outcome("100.00", "105.01")).isEqualTo(LineMatching.Outcome.MISMATCH);
    }

    @Test
    void aDifferenceExactlyAtThePercentageOfOurAmountIsWithinWhenThatIsTheLargerPart() {
        // 0.5 % of 2,000.00 = 10.00 > 5.00
        assertThat(outcome("2000.00", "2010.00")).isEqualTo(LineMatching.Outcome.WITHIN_TOLERANCE);
        assertThat(outcome("2000.00", "2010.01")).isEqualTo(LineMatching.Outcome.MISMATCH);
        // 0.5 % of 2,001.00 = 10.005: cut to 10.00, so 10.01 is beyond and 10.00 within
        assertThat(LineMatching.match(List.of(ours("s:1", "o", "V", "2001.00")),
                List.of(theirs("1", "o", "V", "2011.00")), LineMatching.DEFAULT_KEYS, TOLERANCE, "EUR").getFirst()
                .tolerance()).isEqualByComparingTo("10.00");
        assertThat(outcome("2001.00", "2011.00")).isEqualTo(LineMatching.Outcome.WITHIN_TOLERANCE);
        assertThat(outcome("2001.00", "2011.01")).isEqualTo(LineMatching.Outcome.MISMATCH);
        // of a negative (wholesale) amount, the percentage of its size
        assertThat(outcome("-4000.00", "-4020.00")).isEqualTo(LineMatching.Outcome.WITHIN_TOLERANCE);
        assertThat(outcome("-4000.00", "-4020.01")).isEqualTo(LineMatching.Outcome.MISMATCH);
    }

    @Test
    void aMissingLineWithinToleranceIsReportedButNotADiscrepancy() {
        List<LineMatching.Result> results = LineMatching.match(List.of(ours("s:1", "o", "V", "4.99")),
                List.of(theirs("1", "p", "V", "5.00")), LineMatching.DEFAULT_KEYS, TOLERANCE, "EUR");

        assertThat(results).extracting(LineMatching.Result::outcome).containsExactly(
                LineMatching.Outcome.MISSING_ON_INVOICE, LineMatching.Outcome.MISSING_ON_STATEMENT);
        assertThat(results).extracting(LineMatching.Result::beyondTolerance).containsExactly(false, false);
    }

    @Test
    void thePeriodKeySeparatesPriorPeriodLinesAndLinesOfOneKeyAreSummed() {
        List<LineMatching.Line> ours = List.of(ours("s:1", "o", "V", "100.00"),
                new LineMatching.Line("s:2", "o", "V", LineMatching.PRIOR, "s:2", new BigDecimal("12.00")));
        List<LineMatching.Line> theirs = List.of(theirs("1", "o", "V", "60.00"), theirs("2", "o", "V", "40.00"),
                new LineMatching.Line("3", "o", "V", LineMatching.PRIOR, null, new BigDecimal("12.00")));

        List<LineMatching.Result> byPeriod = LineMatching.match(ours, theirs, LineMatching.DEFAULT_KEYS, TOLERANCE,
                "EUR");
        assertThat(byPeriod).extracting(LineMatching.Result::outcome).containsExactly(LineMatching.Outcome.MATCHED,
                LineMatching.Outcome.MATCHED);
        assertThat(byPeriod.getFirst().invoiceLineIds()).containsExactly("1", "2");
        assertThat(byPeriod.get(1).period()).isEqualTo(LineMatching.PRIOR);

        List<LineMatching.Result> withoutPeriod = LineMatching.match(ours, theirs,
                EnumSet.of(LineMatching.Key.OFFERING, LineMatching.Key.USAGE_TYPE), TOLERANCE, "EUR");
        assertThat(withoutPeriod).singleElement().satisfies(result -> {
            assertThat(result.ours()).isEqualByComparingTo("112.00");
            assertThat(result.period()).isNull();
            assertThat(result.statementLineIds()).containsExactly("s:1", "s:2");
        });
    }

    @Test
    void theReferenceKeyPairsAnInvoiceLineWithTheStatementLineItNames() {
        List<LineMatching.Line> ours = List.of(ours("s:1", "o", "V", "100.00"), ours("s:2", "o", "V", "50.00"));
        List<LineMatching.Line> theirs = List.of(
                new LineMatching.Line("1", "o", "V", LineMatching.CURRENT, "s:2", new BigDecimal("50.00")),
                new LineMatching.Line("2", "o", "V", LineMatching.CURRENT, "s:1", new BigDecimal("130.00")));

        List<LineMatching.Result> results = LineMatching.match(ours, theirs, EnumSet.of(LineMatching.Key.REFERENCE),
                TOLERANCE, "EUR");

        assertThat(results).extracting(LineMatching.Result::reference).containsExactly("s:1", "s:2");
        assertThat(results).extracting(LineMatching.Result::outcome).containsExactly(
                LineMatching.Outcome.MISMATCH, LineMatching.Outcome.MATCHED);
        assertThat(results.getFirst().offeringId()).isNull();
        assertThatThrownBy(() -> LineMatching.match(ours, theirs, EnumSet.noneOf(LineMatching.Key.class), TOLERANCE,
                "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultKeysKeepTheRevenueShareApartFromOurWholesaleOfTheSameOfferingAndUsageType() {
        // the review's partner A: a one-time share of 99.47 and a one-time wholesale of -142.10 of one offering
        List<LineMatching.Line> ours = List.of(
                new LineMatching.Line("s:6", "o", null, LineMatching.CURRENT, "s:6", new BigDecimal("99.47"),
                        LineMatching.REVENUE_SHARE),
                new LineMatching.Line("s:7", "o", null, LineMatching.CURRENT, "s:7", new BigDecimal("-142.10"),
                        LineMatching.WHOLESALE));
        // the invoice states no side: its sign says it (positive: revenue share)
        List<LineMatching.Line> theirs = List.of(theirs("5", "o", null, "99.47"));

        List<LineMatching.Result> results = LineMatching.match(ours, theirs, LineMatching.DEFAULT_KEYS, TOLERANCE,
                "EUR");

        assertThat(results).extracting(LineMatching.Result::side).containsExactly(LineMatching.REVENUE_SHARE,
                LineMatching.WHOLESALE);
        assertThat(results.getFirst().outcome()).isEqualTo(LineMatching.Outcome.MATCHED);
        assertThat(results.getFirst().statementLineIds()).containsExactly("s:6");
        assertThat(results.get(1).outcome()).isEqualTo(LineMatching.Outcome.MISSING_ON_INVOICE);
        assertThat(results.get(1).difference()).isEqualByComparingTo("142.10");
        // a negative line without a side is wholesale; one stating its side keeps it whatever its sign
        assertThat(theirs("1", "o", "V", "-1.00").side()).isEqualTo(LineMatching.WHOLESALE);
        assertThat(LineMatching.sideOf(LineMatching.REVENUE_SHARE, new BigDecimal("-1.00")))
                .isEqualTo(LineMatching.REVENUE_SHARE);
        // without the SIDE key both are netted, as asked
        assertThat(LineMatching.match(ours, theirs, EnumSet.of(LineMatching.Key.OFFERING), TOLERANCE, "EUR"))
                .singleElement().satisfies(netted -> {
                    assertThat(netted.ours()).isEqualByComparingTo("-42.63");
                    assertThat(netted.side()).isNull();
                });
        assertThat(results.getFirst().discrepancyKey(java.util.UUID.fromString(
                "8861d20b-a7e0-46e1-a0f2-c2103532456f"))).isEqualTo(
                "8861d20b-a7e0-46e1-a0f2-c2103532456f/o/*/CURRENT/REVENUE_SHARE/*");
    }

    @Test
    void aCurrencyWithoutMinorUnitsCutsTheToleranceToWholeUnits() {
        // JPY: 0.5 % of 1,999 = 9.995 → 9; the absolute part 5
        LineMatching.Result result = LineMatching.match(List.of(ours("s:1", "o", "V", "1999")),
                List.of(theirs("1", "o", "V", "2009")), LineMatching.DEFAULT_KEYS, TOLERANCE, "JPY").getFirst();
        assertThat(result.tolerance()).isEqualByComparingTo("9");
        assertThat(result.outcome()).isEqualTo(LineMatching.Outcome.MISMATCH);
    }

    private static LineMatching.Outcome outcome(String ours, String theirs) {
        return LineMatching.match(List.of(ours("s:1", "o", "V", ours)), List.of(theirs("1", "o", "V", theirs)),
                LineMatching.DEFAULT_KEYS, TOLERANCE, "EUR").getFirst().outcome();
    }

    private static LineMatching.Line ours(String id, String offering, String usageType, String amount) {
        return new LineMatching.Line(id, offering, usageType, LineMatching.CURRENT, id, new BigDecimal(amount));
    }

    private static LineMatching.Line theirs(String id, String offering, String usageType, String amount) {
        return new LineMatching.Line(id, offering, usageType, LineMatching.CURRENT, null, new BigDecimal(amount));
    }
}
