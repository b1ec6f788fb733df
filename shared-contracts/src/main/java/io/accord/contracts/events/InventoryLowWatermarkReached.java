package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An inventory pool's available items fell to or below its low watermark: ops should load more (import or a
 * generated range) before orders needing this resource type start failing. Raised once per crossing; raised
 * again only after the pool has risen above the watermark and falls to it anew. Published on
 * {@code order.events.v1}, keyed by the pool id.
 *
 * @param partnerId    the partner owning the pool, or {@code null} for a CSP pool serving every partner
 * @param resourceType the pool's resource type code, e.g. {@code MSISDN}, {@code ICCID}
 * @param available    items available in the pool when the crossing was seen
 * @param lowWatermark the pool's configured low watermark
 */
public record InventoryLowWatermarkReached(
        UUID eventId,
        Instant occurredAt,
        String poolId,
        String poolName,
        String resourceType,
        String partnerId,
        long available,
        int lowWatermark) implements DomainEvent {

    @Override
    public String key() {
        return poolId;
    }
}
