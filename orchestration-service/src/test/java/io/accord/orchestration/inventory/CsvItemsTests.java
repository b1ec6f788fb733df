package io.accord.orchestration.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvItemsTests {

    @Test
    void readsEveryRowWithItsLineNumber() {
        CsvItems.Parsed parsed = CsvItems.parse("\uFEFFvalue\n+4915100000001\n\n\"+4915100000002\"\r\n",
                ResourceType.MSISDN, 100);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(new CsvItems.Row(2, "+4915100000001"),
                new CsvItems.Row(4, "+4915100000002"));
    }

    @Test
    void namesTheRowAndColumnOfEveryBadValueAndDuplicate() {
        CsvItems.Parsed parsed = CsvItems.parse("""
                value
                +4915100000001
                not-a-number
                +4915100000001
                """, ResourceType.MSISDN, 100);

        assertThat(parsed.problems()).extracting(CsvItems.Problem::field)
                .containsExactly("row 3, value", "row 4, value");
        assertThat(parsed.problems().get(0).message()).contains("not-a-number").contains("E.164");
        assertThat(parsed.problems().get(1).message()).contains("duplicates row 2");
    }

    @Test
    void refusesAMissingValueColumnAndUnknownColumns() {
        assertThat(CsvItems.parse("msisdn\n+4915100000001\n", ResourceType.MSISDN, 100).problems())
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("'value'"));
        assertThat(CsvItems.parse("value,pin\n+4915100000001,1234\n", ResourceType.MSISDN, 100).problems())
                .extracting(CsvItems.Problem::field).containsExactly("row 1, pin");
    }

    @Test
    void refusesAnEmptyFileAndTooManyRows() {
        assertThat(CsvItems.parse("", ResourceType.MSISDN, 100).problems()).isNotEmpty();
        assertThat(CsvItems.parse("value\n", ResourceType.MSISDN, 100).problems())
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("no rows"));
        assertThat(CsvItems.parse("value\n+4915100000001\n+4915100000002\n+4915100000003\n", ResourceType.MSISDN, 2)
                .problems()).extracting(CsvItems.Problem::message).containsExactly("more than 2 rows: split the file");
    }

    @Test
    void aBrokenQuoteIsAProblemNotACrash() {
        assertThat(CsvItems.parse("value\n\"+4915100000001\n", ResourceType.MSISDN, 100).problems())
                .extracting(CsvItems.Problem::field).contains("file");
    }
}
