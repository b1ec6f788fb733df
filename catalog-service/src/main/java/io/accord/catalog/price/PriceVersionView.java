package io.accord.catalog.price;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored price version as other features see it.
 *
 * @param id         the version id product instances and rated usage refer to
 * @param status     {@code DRAFT} (offering not launched yet), {@code LAUNCHED} or {@code SUPERSEDED}
 * @param definition the price fields of this version ({@code definition.validFrom()} equals {@code validFrom})
 * @param validTo    end of this version's validity, exclusive ({@code null}: until a newer version)
 */
public record PriceVersionView(UUID id, UUID offeringId, String externalId, int versionNumber, String status,
                               PriceDraft definition, Instant validFrom, Instant validTo) {

    public boolean inForceAt(Instant instant) {
        return !"SUPERSEDED".equals(status) && !validFrom.isAfter(instant)
                && (validTo == null || validTo.isAfter(instant));
    }
}
