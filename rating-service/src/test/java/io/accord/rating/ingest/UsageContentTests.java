package io.accord.rating.ingest;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsageRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The content digest a duplicate is compared with its original by: equal for the same content, however written. */
class UsageContentTests {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-12-01T10:15:30+01:00");

    private static UsageRecord record(String usageId, String usageType, String subscriber, OffsetDateTime time,
                                      String quantity, UnitOfMeasure unit, String product, String offering,
                                      Map<String, String> characteristics) {
        return new UsageRecord("src", usageId, usageType, subscriber, time,
                quantity == null ? null : new BigDecimal(quantity), unit, product, offering, characteristics);
    }

    private static UsageRecord base() {
        return record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.S, null, null,
                Map.of("zone", "EU", "roaming", "no"));
    }

    @Test
    void theSameContentWrittenOtherwiseHasTheSameDigest() {
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("roaming", "no");
        reordered.put("zone", "EU");
        UsageRecord same = record("another-id", "VOICE", "+491", TIME.withOffsetSameInstant(ZoneOffset.UTC),
                "125.000", UnitOfMeasure.S, null, null, reordered);
        assertThat(UsageContent.digest(same)).isEqualTo(UsageContent.digest(base()));
        assertThat(UsageContent.digest(record("u", null, null, null, "0.00", null, null, null, null)))
                .isEqualTo(UsageContent.digest(record("u", null, null, null, "0", null, null, null, Map.of())));
    }

    @Test
    void everyFieldThatDeterminesRatingChangesTheDigest() {
        long original = UsageContent.digest(base());
        Map<String, String> zones = Map.of("zone", "EU", "roaming", "no");
        assertThat(new long[] {
                UsageContent.digest(record("u1", "SMS", "+491", TIME, "125", UnitOfMeasure.S, null, null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+492", TIME, "125", UnitOfMeasure.S, null, null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME.plusSeconds(1), "125", UnitOfMeasure.S, null,
                        null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125.5", UnitOfMeasure.S, null, null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "1250", UnitOfMeasure.S, null, null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.MIN, null, null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.S, "p1", null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.S, null, "o1", zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.S, null, null,
                        Map.of("zone", "US", "roaming", "no"))),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.S, null, null,
                        Map.of("zone", "EU"))),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, null, UnitOfMeasure.S, null, null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "125", UnitOfMeasure.S, "", null, zones)),
                UsageContent.digest(record("u1", "VOICE", "+491", TIME, "123456789012345678901234567890",
                        UnitOfMeasure.S, null, null, zones))
        }).doesNotContain(original).doesNotHaveDuplicates();
        // field boundaries: a value moved from one field to the next is other content
        assertThat(UsageContent.digest(record("u1", "VOICE+", "491", TIME, "125", UnitOfMeasure.S, null, null, zones)))
                .isNotEqualTo(original);
    }
}
