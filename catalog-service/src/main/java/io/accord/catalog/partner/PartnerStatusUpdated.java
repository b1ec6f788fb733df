package io.accord.catalog.partner;

import java.util.UUID;

/**
 * A Spring application event: catalog applied a partner's status change to its partner view. Published inside the
 * transaction that applied it, so listeners' changes commit (or roll back) with it.
 *
 * @param status the new status, e.g. {@code SUSPENDED}, {@code ACTIVE}, {@code TERMINATED}
 */
public record PartnerStatusUpdated(UUID partnerId, String status) {
}
