package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageRated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written JSON of a rated event is the document a JSON mapper writes for it (what settlement and every other
 * consumer parses), and reads back as that document does.
 */
class RatedJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] TEXTS = {"EUR", "", "quote \" backslash \\ slash /", "line\nbreak\r\ttab \u0001",
            "é € 😀", "\u001f\u0008\u000c"};

    @Test
    void writesWhatTheMapperWritesForVariedEvents() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 500; i++) {
            UsageRated event = event(random);

            byte[] written = RatedJson.bytes(event);

            byte[] mapped = JSON.writeValueAsBytes(event);
            JsonNode expected = JSON.readTree(mapped);
            assertThat(JSON.readTree(written)).as("event %d", i).isEqualTo(expected);
            // read back as any consumer reads it (the mapper moves the usage time to UTC either way)
            assertThat(JSON.readValue(written, UsageRated.class)).isEqualTo(JSON.readValue(mapped, UsageRated.class));
        }
    }

    @Test
    void writesTheUsageTimeWithItsOffsetAndSecondsAsTheMapperDoes() {
        UsageRated event = event(new SplittableRandom(1));
        UsageRated onTheMinute = new UsageRated(event.ratedId(), 7, "RATED", Instant.parse("2026-12-02T01:00:00Z"),
                "switch", "u-1", "+49151", OffsetDateTime.of(2026, 11, 29, 4, 45, 0, 0, ZoneOffset.ofHours(1)),
                "VOICE", "60", "SECOND", "EUR", "0.100000", List.of(), "0.100000", "CSP_ONLY", "p-1", "o-1", 1,
                "pv-1", 1, List.of(), null, null, null);

        String written = new String(RatedJson.bytes(onTheMinute), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(written).contains("\"usageTime\":\"2026-11-29T04:45:00+01:00\"")
                .contains("\"ratedAt\":\"2026-12-02T01:00:00Z\"").contains("\"reversalOf\":null")
                .startsWith("{\"ratedId\":\"" + event.ratedId() + "\",\"sequence\":7,");
    }

    private static UsageRated event(SplittableRandom random) {
        List<UsageRated.PartyAmount> parties = new ArrayList<>();
        for (int p = random.nextInt(3); p > 0; p--) {
            parties.add(new UsageRated.PartyAmount(UUID.randomUUID().toString(),
                    random.nextBoolean() ? UsageRated.Direction.PAYABLE_TO_PARTNER
                            : UsageRated.Direction.OWED_BY_PARTNER,
                    random.nextBoolean() ? null : "30.5", "-0.0" + random.nextInt(1000)));
        }
        List<UsageRated.AgreementVersionRef> agreements = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
            agreements.add(new UsageRated.AgreementVersionRef(UUID.randomUUID().toString(), text(random),
                    random.nextInt(1, 50)));
        }
        Instant ratedAt = Instant.ofEpochSecond(1_700_000_000L + random.nextLong(100_000_000L),
                random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1_000);
        OffsetDateTime usageTime = OffsetDateTime.ofInstant(Instant.ofEpochSecond(1_700_000_000L
                        + random.nextLong(100_000_000L), random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)),
                ZoneOffset.ofTotalSeconds(random.nextInt(-12, 14) * 1800));
        return new UsageRated(UUID.randomUUID(), random.nextLong(1, Long.MAX_VALUE), random.nextBoolean() ? "RATED"
                : "REVERSAL", ratedAt, text(random), text(random), "+4915" + random.nextInt(), usageTime, "DATA",
                "12.5", "MEGABYTE", "EUR", "0.125000", parties, "0.100000", "SELL_THROUGH", text(random),
                text(random), random.nextInt(1, 9), "pv-" + random.nextInt(), random.nextInt(1, 9), agreements,
                random.nextBoolean() ? UUID.randomUUID() : null, random.nextBoolean() ? null : text(random),
                random.nextBoolean() ? null : "STANDARD");
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
    }
}
