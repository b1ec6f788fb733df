package io.accord.platform.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The parser's failures on real malformed files, said without its class names and vocabulary. */
class CsvFailuresTests {

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        Throwable failure = readAll("amount,description\n1.00,ok\n2.00,ok\n3.00,\"never closed\n4.00,x\n");

        assertThat(failure.toString()).contains("CSVException", "EOF reached before encapsulated token finished");
        assertThat(CsvFailures.describe(failure))
                .isEqualTo("a quoted value starting on line 4 is not closed (a \" without its closing \")");
    }

    @Test
    void charactersAfterAClosingQuoteAreSaidAsSuch() {
        Throwable failure = readAll("amount,description\n1.00,\"quoted\"tail\n");

        assertThat(CsvFailures.describe(failure)).startsWith("a quoted value")
                .contains("followed by other characters before the next comma").doesNotContain("Exception");
    }

    @Test
    void anotherMessageLosesOnlyTheClassName() {
        assertThat(CsvFailures.describe(new java.io.UncheckedIOException(
                new java.io.IOException("org.example.csv.FormatException: something else")))).isEqualTo(
                "something else");
        assertThat(CsvFailures.describe(new IllegalStateException("header is missing"))).isEqualTo(
                "header is missing");
    }

    private static Throwable readAll(String csv) {
        return catchThrowable(() -> {
            try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                for (CSVRecord ignored : parser) {
                    // read to the end
                }
            }
        });
    }
}
