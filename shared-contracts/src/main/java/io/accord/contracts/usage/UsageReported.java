package io.accord.contracts.usage;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One raw usage record as a mediation system reports it on {@code usage.raw.v1}: CloudEvents binary mode with
 * {@code ce_type} {@value #TYPE}, the JSON of this record as the value, the {@link #subscriberId()} as the Kafka key.
 * A record is identified by {@link #source()} and {@link #usageId()}: a second record with the same pair is a
 * duplicate, counted once. Rating never rejects a record: an unreadable or incomplete one is kept in suspense as
 * {@code INVALID} with its payload.
 *
 * <pre>{@code
 * {"usageId": "cdr-000123", "source": "mediation-eu", "usageType": "VOICE", "subscriberId": "+4915112345678",
 *  "startTime": "2026-12-01T10:15:30+01:00", "quantity": "125", "unit": "S",
 *  "characteristics": {"destinationZone": "EU"}, "productId": null, "offeringId": null}
 * }</pre>
 *
 * @param usageId         unique per source
 * @param source          the system that reports it (a mediation platform, a partner's system)
 * @param usageType       VOICE, SMS, DATA, API_CALL, CONTENT_VIEW, IOT_MESSAGE, ...
 * @param subscriberId    MSISDN (E.164 with {@code +}), ICCID or account id; also the Kafka key
 * @param startTime       when the usage started, ISO-8601 with its offset ({@code 2026-12-01T10:15:30+01:00})
 * @param quantity        a decimal string, not negative ({@code "125"}, {@code "1.5"})
 * @param unit            a unit of measure code: B, KB, MB, GB, S, MIN, H, EVENT, MESSAGE, API_CALL
 * @param characteristics optional: destination zone, roaming, ... (strings)
 * @param productId       optional: the product instance it belongs to, when the source knows it
 * @param offeringId      optional: the offering it belongs to, when the source knows it
 */
public record UsageReported(
        String usageId,
        String source,
        String usageType,
        String subscriberId,
        OffsetDateTime startTime,
        String quantity,
        String unit,
        Map<String, String> characteristics,
        String productId,
        String offeringId) {

    /** The {@code ce_type} of a raw usage record. */
    public static final String TYPE = "UsageReported";

    /** The Kafka key: the subscriber id. */
    public String key() {
        return subscriberId;
    }
}
