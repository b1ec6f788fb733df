package io.accord.settlement.note;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What notes may still correct of a statement: a credit at most a line's (or the statement's) amount less earlier
 * credits; a debit the same plus what earlier credits gave back; withdrawn notes count no more.
 */
class NoteCeilingsTests {

    private static final CorrectionNote.Type CREDIT = CorrectionNote.Type.CREDIT_NOTE;
    private static final CorrectionNote.Type DEBIT = CorrectionNote.Type.DEBIT_NOTE;

    /** A payable statement: lines 10.86 and 20.00, total 30.65 (as the reviewer's). */
    private static final NoteCeilings.Corrected PAYABLE = new NoteCeilings.Corrected("ACD-2026-000001", "EUR",
            List.of(new BigDecimal("10.86"), new BigDecimal("20.00")), new BigDecimal("30.65"));

    @Test
    void aCreditLineMayTakeWhatItsStatementLineHasLeftAfterEarlierCreditsAndNoMore() {
        CorrectionNote earlier = note(CREDIT, "6.00", 1);

        Optional<NoteCeilings.Refusal> refused = NoteCeilings.check(PAYABLE, List.of(earlier), CREDIT,
                lines(line("4.87", 1)), new BigDecimal("4.87"));

        assertThat(refused).hasValueSatisfying(refusal -> {
            assertThat(refusal.field()).isEqualTo("lines[0].amount");
            assertThat(refusal.statementLineNumber()).isEqualTo(1);
            assertThat(refusal.statementAmount()).isEqualByComparingTo("10.86");
            assertThat(refusal.takenAmount()).isEqualByComparingTo("6.00");
            assertThat(refusal.remainingAmount()).isEqualByComparingTo("4.86");
            assertThat(refusal.earlierNotes()).extracting(NoteCeilings.Earlier::id).containsExactly(earlier.id);
            assertThat(refusal.detail()).contains("lines[0].amount", "4.87 EUR", "line 1", "ACD-2026-000001",
                    "10.86 EUR", "6.00 EUR", "4.86 EUR remains", earlier.id.toString());
        });
        assertThat(NoteCeilings.check(PAYABLE, List.of(earlier), CREDIT, lines(line("4.86", 1)),
                new BigDecimal("4.86"))).isEmpty();
    }

    @Test
    void fiftyAgainstATenEightySixLineAndAMillionAgainstTheStatementAreRefused() {
        assertThat(NoteCeilings.check(PAYABLE, List.of(), CREDIT, lines(line("50.00", 1)), new BigDecimal("50.00")))
                .hasValueSatisfying(refusal -> assertThat(refusal.field()).isEqualTo("lines[0].amount"));
        assertThat(NoteCeilings.check(PAYABLE, List.of(), CREDIT, lines(line("1000000.00", null)),
                new BigDecimal("1190000.00"))).hasValueSatisfying(refusal -> {
                    assertThat(refusal.field()).isEqualTo("totalAmount");
                    assertThat(refusal.statementLineNumber()).isNull();
                    assertThat(refusal.remainingAmount()).isEqualByComparingTo("30.65");
                });
    }

    @Test
    void linesOfOneNoteOnTheSameStatementLineAddUp() {
        Optional<NoteCeilings.Refusal> refused = NoteCeilings.check(PAYABLE, List.of(), CREDIT,
                lines(line("6.00", 1), line("1.00", 2), line("5.00", 1)), new BigDecimal("12.00"));

        assertThat(refused).hasValueSatisfying(refusal -> {
            assertThat(refusal.field()).isEqualTo("lines[2].amount");
            assertThat(refusal.amount()).isEqualByComparingTo("11.00");
        });
    }

    @Test
    void earlierCreditsTakeFromTheTotalAndAWithdrawnNoteCountsNoMore() {
        CorrectionNote issued = note(CREDIT, "20.00", null);
        CorrectionNote withdrawn = note(CREDIT, "10.00", null);
        withdrawn.withdraw("fiona", "wrong statement", Instant.now());

        assertThat(NoteCeilings.check(PAYABLE, List.of(issued, withdrawn), CREDIT, lines(line("10.65", null)),
                new BigDecimal("10.65"))).isEmpty();
        assertThat(NoteCeilings.check(PAYABLE, List.of(issued, withdrawn), CREDIT, lines(line("10.66", null)),
                new BigDecimal("10.66"))).hasValueSatisfying(refusal -> {
                    assertThat(refusal.takenAmount()).isEqualByComparingTo("20.00");
                    assertThat(refusal.earlierNotes()).extracting(NoteCeilings.Earlier::id)
                            .containsExactly(issued.id);
                });
    }

    @Test
    void aReceivableStatementsNegativeLinesAndTotalBoundByTheirSize() {
        NoteCeilings.Corrected receivable = new NoteCeilings.Corrected("ACD-2026-000002", "EUR",
                List.of(new BigDecimal("-20.00")), new BigDecimal("-23.80"));

        assertThat(NoteCeilings.check(receivable, List.of(), CREDIT, lines(line("20.00", 1)),
                new BigDecimal("23.80"))).isEmpty();
        assertThat(NoteCeilings.check(receivable, List.of(), CREDIT, lines(line("20.01", 1)),
                new BigDecimal("23.81"))).isPresent();
    }

    @Test
    void aDebitTakesWhatTheLineHasPlusWhatCreditsGaveAndEarlierDebitsDidNotTake() {
        CorrectionNote credit = note(CREDIT, "5.00", 1);
        CorrectionNote debit = note(DEBIT, "3.00", 1);

        // 10.86 + 5.00 credited − 3.00 debited = 12.86
        assertThat(NoteCeilings.check(PAYABLE, List.of(credit, debit), DEBIT, lines(line("12.86", 1)),
                new BigDecimal("12.86"))).isEmpty();
        assertThat(NoteCeilings.check(PAYABLE, List.of(credit, debit), DEBIT, lines(line("12.87", 1)),
                new BigDecimal("12.87"))).hasValueSatisfying(refusal -> {
                    assertThat(refusal.creditedAmount()).isEqualByComparingTo("5.00");
                    assertThat(refusal.takenAmount()).isEqualByComparingTo("3.00");
                    assertThat(refusal.remainingAmount()).isEqualByComparingTo("12.86");
                    assertThat(refusal.earlierNotes()).extracting(NoteCeilings.Earlier::id)
                            .containsExactly(credit.id, debit.id);
                    assertThat(refusal.detail()).contains("credited 5.00 EUR", "took 3.00 EUR");
                });
        assertThat(NoteCeilings.check(PAYABLE, List.of(), DEBIT, lines(line("31.00", null)),
                new BigDecimal("31.00"))).hasValueSatisfying(refusal ->
                assertThat(refusal.field()).isEqualTo("totalAmount"));
    }

    @Test
    void disputeAdjustmentsCarriedElsewhereTakeFromTheirLineAndTheTotalOrTheTotalAloneWhenTheLineIsUnknown() {
        NoteCeilings.Adjusted onLine = adjusted(CREDIT, 1, "3.00", "3.57");
        NoteCeilings.Adjusted lineUnknown = adjusted(CREDIT, null, "5.00", "5.95");

        // line 1: 10.86 − 3.00 = 7.86; the adjustment whose line is unknown does not take from it
        assertThat(NoteCeilings.check(PAYABLE, List.of(), List.of(onLine, lineUnknown), CREDIT,
                lines(line("7.86", 1)), new BigDecimal("7.86"))).isEmpty();
        assertThat(NoteCeilings.check(PAYABLE, List.of(), List.of(onLine, lineUnknown), CREDIT,
                lines(line("7.87", 1)), new BigDecimal("7.87"))).hasValueSatisfying(refusal -> {
                    assertThat(refusal.takenAmount()).isEqualByComparingTo("3.00");
                    assertThat(refusal.earlierAdjustments()).extracting(part -> part.adjustment().adjustmentId())
                            .containsExactly(onLine.adjustmentId());
                    assertThat(refusal.detail()).contains("dispute adjustments took 3.00 EUR",
                            onLine.disputeId(), "7.86 EUR remains");
                });
        // the total: 30.65 − 3.57 − 5.95 = 21.13
        assertThat(NoteCeilings.check(PAYABLE, List.of(), List.of(onLine, lineUnknown), CREDIT,
                lines(line("21.14", null)), new BigDecimal("21.14"))).hasValueSatisfying(refusal -> {
                    assertThat(refusal.field()).isEqualTo("totalAmount");
                    assertThat(refusal.remainingAmount()).isEqualByComparingTo("21.13");
                });
        // a debit may take back what a dispute credited, as it may a credit note's
        assertThat(NoteCeilings.check(PAYABLE, List.of(), List.of(onLine), DEBIT, lines(line("13.86", 1)),
                new BigDecimal("13.86"))).isEmpty();
    }

    private static NoteCeilings.Adjusted adjusted(CorrectionNote.Type type, Integer line, String amount,
                                                  String total) {
        return new NoteCeilings.Adjusted("adj-" + UUID.randomUUID(), "dsp-" + UUID.randomUUID(), type, line,
                new BigDecimal(amount), new BigDecimal(total), UUID.randomUUID() + "-3");
    }

    private static CorrectionNote note(CorrectionNote.Type type, String amount, Integer statementLine) {
        BigDecimal value = new BigDecimal(amount);
        return new CorrectionNote(UUID.randomUUID(), type, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "EUR", lines(line(amount, statementLine)), value, "0", BigDecimal.ZERO, null, value, "test",
                "fiona", null);
    }

    private static CorrectionNote.Line line(String amount, Integer statementLine) {
        return new CorrectionNote.Line("line", new BigDecimal(amount), statementLine);
    }

    private static List<CorrectionNote.Line> lines(CorrectionNote.Line... lines) {
        return Arrays.asList(lines);
    }
}
