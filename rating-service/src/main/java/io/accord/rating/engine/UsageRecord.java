package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One usage record as the engine rates it. Nothing is validated on construction: a record with missing or impossible
 * values is the engine's to answer with {@link SuspenseReason#INVALID}, never an exception, so a bad record never
 * fails its batch.
 *
 * @param source            where the record comes from; with {@code usageId} it identifies the record
 * @param usageId           unique per source
 * @param usageType         VOICE, SMS, DATA, API_CALL, CONTENT_VIEW, IOT_MESSAGE, ...
 * @param subscriberId      MSISDN, ICCID or account id
 * @param usageTime         when the usage happened, with the offset it was reported in; rated at this instant
 * @param quantity          how much, in {@code unit}; not negative
 * @param unit              the unit of {@code quantity}
 * @param productInstanceId the product instance the record names, or {@code null}
 * @param offeringId        the offering the record names, or {@code null}
 * @param characteristics   destination zone, roaming, ...; carried, not interpreted yet ({@code null} is empty)
 */
public record UsageRecord(String source, String usageId, String usageType, String subscriberId,
                          OffsetDateTime usageTime, BigDecimal quantity, UnitOfMeasure unit,
                          String productInstanceId, String offeringId, Map<String, String> characteristics) {

    /** The first and last instants a usage time may be (the years 1900 to 9999 in UTC, as the rows store it). */
    public static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public UsageRecord {
        characteristics = characteristics == null ? Map.of() : characteristics;
    }

    /**
     * Whether the record's source is a partner's id (a UUID in its 36-character form): a partner's own usage, rated
     * only on the instances it takes part in, and a source only that partner may submit as.
     */
    public static boolean partnerSource(String source) {
        return source != null && ProductSelection.partnerSource(source);
    }

    /**
     * Whether a usage time falls in the years 1900 to 9999 in UTC: where it was reported may say 9999 while UTC says
     * 10000 (9999-12-31T23:00-05:00), which no row can hold.
     */
    public static boolean storable(OffsetDateTime time) {
        Instant instant = time.toInstant();
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    /** The most digits a quantity has before the decimal point, and after it. */
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_DECIMALS = 9;

    /**
     * Whether a quantity has at most {@link #MAX_INTEGER_DIGITS} digits before the decimal point and
     * {@link #MAX_DECIMALS} after it. In long arithmetic: {@code 1e2147483647}'s precision minus its scale overflows an
     * int to a negative number, and such a value passed as small, then made {@code toPlainString} throw
     * OutOfMemoryError (found on 2026-12-06: a 500, and a file job's runner failing every second).
     */
    public static boolean storableQuantity(BigDecimal quantity) {
        return (long) quantity.precision() - quantity.scale() <= MAX_INTEGER_DIGITS && quantity.scale() <= MAX_DECIMALS;
    }
}
