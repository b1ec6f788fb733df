package io.accord.platform.csv;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

    @Test
    void aTextASpreadsheetWouldTakeForAFormulaIsWrittenAfterAnApostrophe() {
        assertThat(CsvCells.guard("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.guard("+31 20 123")).isEqualTo("'+31 20 123");
        assertThat(CsvCells.guard("-20% promo")).isEqualTo("'-20% promo");
        assertThat(CsvCells.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.guard("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.guard("\rcmd")).isEqualTo("'\rcmd");
        // plain texts, and apostrophes that guard did not put there, stay as they are
        assertThat(CsvCells.guard("Streamo Basic")).isEqualTo("Streamo Basic");
        assertThat(CsvCells.guard("'s-Hertogenbosch")).isEqualTo("'s-Hertogenbosch");
        assertThat(CsvCells.guard("'")).isEqualTo("'");
        assertThat(CsvCells.guard("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.guard("")).isEmpty();
        assertThat(CsvCells.guard(null)).isEmpty();
        // a text that already looks guarded gets one more, so that reading it back gives it exactly
        assertThat(CsvCells.guard("'=1+1")).isEqualTo("''=1+1");
        assertThat(CsvCells.guard("''")).isEqualTo("'''");
    }

    @Test
    void aCellIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak() {
        assertThat(CsvCells.text("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("-5")).isEqualTo("'-5");
        assertThat(CsvCells.quoted("-5")).isEqualTo("-5");
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void everyTextReadsBackExactlyAndNoGuardedCellStartsAFormula() {
        Random random = new Random(20261206L);
        String alphabet = "'=+-@\t\rab ,\"\n1";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(5);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String guarded = CsvCells.guard(text.toString());
            assertThat(CsvCells.unguard(guarded)).as("'%s'", text).isEqualTo(text.toString());
            assertThat(guarded.isEmpty() || "=+-@\t\r".indexOf(guarded.charAt(0)) < 0).as("'%s'", text).isTrue();
        }
    }
}
