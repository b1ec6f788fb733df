package io.accord.catalog.specification;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored specification as other features see it.
 *
 * @param version its optimistic-lock version: its TMF620 resource's ETag
 */
public record SpecificationView(UUID id, UUID ownerPartnerId, String lifecycleStatus, SpecificationDraft definition,
                                Instant lastUpdate, long version) {
}
