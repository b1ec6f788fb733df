package io.accord.rating.model;

import java.time.Instant;
import java.util.List;

/**
 * A usage price version entered the read model (an offering's launch or a price change from
 * {@code catalog.events.v1}). Published as a Spring application event inside the transaction that stores it, so
 * that what it causes (re-rating of usage it applies to retroactively) is recorded atomically with it.
 *
 * @param offeringId     the offering
 * @param priceId        the price's key within the offering (its versions share it)
 * @param version        the version number
 * @param priceVersionId the new version
 * @param usageTypes     the usage types it rates
 * @param validFrom      in force from (inclusive)
 * @param validTo        in force until (exclusive), {@code null} while open
 * @param replacedPriceVersionId the version it replaces, {@code null} when none
 */
public record UsagePriceAnnounced(String offeringId, String priceId, int version, String priceVersionId, List<String> usageTypes,
                                  Instant validFrom, Instant validTo, String replacedPriceVersionId) {
}
