package io.accord.rating.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The direct ISO-8601 reading and writing give exactly what java.time's formatters give, or defer to them. */
class IsoTimesTests {

    private static final String MUTATIONS = "0123456789-+:.TZtz ";

    @Test
    void readsWhatOffsetDateTimeParseReads() {
        SplittableRandom random = new SplittableRandom(20261202);
        int direct = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(randomTime(random));
            assertThat(IsoTimes.parseOffsetDateTime(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
            if (IsoTimes.readCommon(text) != null) {
                direct++;
            }
        }
        // the forms usage records take are read directly (years 0-9999, offsets in whole minutes)
        assertThat(direct).isGreaterThan(19_000);
        assertThat(IsoTimes.readCommon("2026-11-29T04:45:00Z")).isEqualTo(OffsetDateTime.parse("2026-11-29T04:45:00Z"));
        assertThat(IsoTimes.readCommon("2026-11-29T04:45:00.5-03:30"))
                .isEqualTo(OffsetDateTime.parse("2026-11-29T04:45:00.5-03:30"));
    }

    @Test
    void agreesWithOffsetDateTimeParseOnMistakesAndRareForms() {
        List<String> texts = List.of("2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-04-31T10:00:00Z",
                "2026-13-01T10:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T23:59:60Z", "2026-12-01T10:00Z",
                "2026-12-01T10:00:00.Z", "2026-12-01T10:00:00.1234567891Z", "2026-12-01t10:00:00z",
                "2026-12-01T10:00:00+18:00", "2026-12-01T10:00:00+18:01", "2026-12-01T10:00:00+01:00:30",
                "2026-12-01T10:00:00+0100", "2026-12-01T10:00:00-00:00", "+12026-12-01T10:00:00Z",
                "0000-01-01T00:00:00Z", "2026-12-01T10:00:00Z ", " 2026-12-01T10:00:00Z", "2026-12-01T10:00:00",
                "2026-12-01 10:00:00Z", "2026-12-01T10:00:00+01:60", "2026-１2-01T10:00:00Z");
        for (String text : texts) {
            assertSameAsParse(text);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(randomTime(random)).toCharArray();
            chars[random.nextInt(chars.length)] = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            assertSameAsParse(new String(chars));
        }
    }

    @Test
    void writesWhatTheFormattersWrite() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = randomTime(random);
            StringBuilder out = new StringBuilder("x");
            IsoTimes.appendOffsetDateTime(out, time);
            assertThat(out.toString()).isEqualTo("x" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));

            Instant instant = time.toInstant();
            StringBuilder instantOut = new StringBuilder();
            IsoTimes.appendInstant(instantOut, instant);
            assertThat(instantOut.toString()).isEqualTo(instant.toString());
        }
        StringBuilder far = new StringBuilder();
        IsoTimes.appendInstant(far, Instant.parse("+12026-01-01T00:00:00Z"));
        assertThat(far.toString()).isEqualTo("+12026-01-01T00:00:00Z");
    }

    private static void assertSameAsParse(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoTimes.parseOffsetDateTime(text)).as(text)
                    .isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoTimes.parseOffsetDateTime(text)).as(text).isEqualTo(expected);
    }

    /** Years 1 to 9999 (a few beyond), every kind of fraction, offsets in whole minutes and a few with seconds. */
    private static OffsetDateTime randomTime(SplittableRandom random) {
        long seconds = random.nextInt(50) == 0
                ? random.nextLong(-62_135_596_800L, 300_000_000_000L)
                : random.nextLong(-2_208_988_800L, 4_102_444_800L);
        int nanos = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            case 3 -> random.nextInt(10) * 100_000_000;
            default -> random.nextInt(1_000_000_000);
        };
        ZoneOffset offset = random.nextInt(100) == 0
                ? ZoneOffset.ofTotalSeconds(random.nextInt(-64_800, 64_801))
                : ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset);
    }
}
