package io.accord.catalog.price;

import java.util.UUID;

/**
 * A new version of a launched offering's price, and the version it took over from.
 *
 * @param version  the version written
 * @param replaced the version that was in force at {@code version.validFrom()} and no longer is there (ended at
 *                 that start, or, announced for exactly that start, superseded); {@code null} when none was,
 *                 e.g. for a price the offering did not have
 */
public record PriceChange(PriceVersionView version, UUID replaced) {
}
