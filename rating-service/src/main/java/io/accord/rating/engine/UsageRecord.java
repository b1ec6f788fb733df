package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
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

    public UsageRecord {
        characteristics = characteristics == null ? Map.of() : characteristics;
    }
}
