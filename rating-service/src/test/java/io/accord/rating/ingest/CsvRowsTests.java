package io.accord.rating.ingest;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** The COPY rows the ledger writes, byte for byte: CSV quoting, UTF-8, and the hand-made instant and number forms. */
class CsvRowsTests {

    @Test
    void quotesTextDoublesQuotesDropsNulAndLeavesNullUnquoted() {
        CsvRows rows = new CsvRows().text("a,\"b\"\nc\u0000d").text(null).text("").endRow();

        assertThat(rows.content()).isEqualTo("\"a,\"\"b\"\"\ncd\",,\"\"\n");
        assertThat(rows.rows()).isEqualTo(1);
    }

    @Test
    void writesTextAsUtf8AsTheJdkEncodesIt() {
        String text = "é € 😀 \ud800 lone surrogate, Ω";

        byte[] written = new CsvRows().text(text).bytes();

        byte[] expected = ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void writesInstantsThatReadBackAsTheSameInstant() {
        List<Instant> instants = List.of(Instant.parse("2026-11-29T04:45:00Z"),
                Instant.parse("2026-01-01T00:00:00.000001Z"), Instant.parse("1999-12-31T23:59:59.123456789Z"),
                Instant.parse("2026-03-01T12:00:00.5Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999Z"));
        for (Instant instant : instants) {
            String written = new CsvRows().instant(instant).content();
            assertThat(Instant.parse(written)).as(written).isEqualTo(instant);
        }
        assertThat(new CsvRows().instant(Instant.parse("2026-11-29T04:45:07Z")).content())
                .isEqualTo("2026-11-29T04:45:07Z");
    }

    @Test
    void leavesYearsOutsideFourDigitsToTheJdksFormat() {
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        Instant early = Instant.parse("0800-06-01T00:00:00Z");

        assertThat(new CsvRows().instant(far).content()).isEqualTo("\"" + far + "\"");
        assertThat(new CsvRows().instant(early).content()).isEqualTo("\"" + early + "\"");
        assertThat(new CsvRows().date(LocalDate.of(2026, 2, 3)).content()).isEqualTo("2026-02-03");
    }

    @Test
    void writesNumbersBooleansAndBytes() {
        CsvRows rows = new CsvRows().number(0L).number(-1234567890123L).number(Long.MIN_VALUE).number((Long) null)
                .number(Integer.valueOf(-7)).number(new BigDecimal("1E+3")).number(new BigDecimal("0.125000"))
                .bool(true).bool(false).bytes(new byte[] {0, 15, -1}).textArray(List.of("a", "b\"c"));

        assertThat(rows.content()).isEqualTo("0,-1234567890123," + Long.MIN_VALUE
                + ",,-7,1000,0.125000,t,f,\\x000fff,\"{\"\"a\"\",\"\"bc\"\"}\"");
    }

    @Test
    void streamsEveryByteToTheCopyOnceInOrder() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        CopyIn copy = mock(CopyIn.class);
        doAnswer(call -> {
            sent.write(call.getArgument(0, byte[].class), call.getArgument(1, Integer.class),
                    call.getArgument(2, Integer.class));
            return null;
        }).when(copy).writeToCopy(any(byte[].class), anyInt(), anyInt());
        CsvRows streamed = new CsvRows(copy);
        CsvRows buffered = new CsvRows();
        for (int i = 0; i < 5_000; i++) {
            for (CsvRows rows : List.of(streamed, buffered)) {
                rows.number((long) i).text("row " + i + " é").instant(Instant.ofEpochSecond(1_800_000_000L + i))
                        .endRow();
            }
        }
        assertThat(sent.size()).as("sent while rows were still being written").isGreaterThan(CsvRows.FLUSH_AT);

        streamed.finish();

        assertThat(sent.toByteArray()).isEqualTo(buffered.bytes());
    }
}
