package io.accord.settlement.reconciliation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The unmatched records' CSV: RFC 4180 quoting, and no partner text a spreadsheet would run as a formula. */
class UnmatchedCsvTests {

    @Test
    void aPartnersTextThatASpreadsheetWouldTakeForAFormulaIsWrittenAsTextAndNumbersStayNumbers() throws IOException {
        StringWriter out = new StringWriter();
        UnmatchedCsv csv = new UnmatchedCsv(out);
        csv.write(new UsageMatcher.Unmatched("ONLY_THEIRS", null, "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+491701234567", Instant.parse("2026-12-05T10:15:30Z"), "@SUM(A1)", null, new BigDecimal("120"), null,
                new BigDecimal("-0.840000")));
        csv.write(new UsageMatcher.Unmatched("DIFFERENT_AMOUNT", "-cdr-7", "\tcdr-7", "4917\r0", null, "VOICE, roaming",
                BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("1.50"), new BigDecimal("1.5000001")));
        csv.flush();

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(out.toString()))
                .getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord formula = rows.get(0);
        assertThat(formula.get("theirUsageId")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(formula.get("subscriberId")).isEqualTo("'+491701234567");
        assertThat(formula.get("usageType")).isEqualTo("'@SUM(A1)");
        assertThat(formula.get("usageId")).isEmpty();
        assertThat(formula.get("theirAmount")).isEqualTo("-0.84");
        CSVRecord quoted = rows.get(1);
        assertThat(quoted.get("usageId")).isEqualTo("'-cdr-7");
        assertThat(quoted.get("theirUsageId")).isEqualTo("'\tcdr-7");
        assertThat(quoted.get("subscriberId")).isEqualTo("4917\r0");
        assertThat(quoted.get("usageType")).isEqualTo("VOICE, roaming");
        assertThat(quoted.get("theirAmount")).isEqualTo("1.5000001");
    }
}
