package io.accord.platform.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * A Spring application event: the {@link PartnerView} applied a partner's status change (the newest event for an
 * already known partner or placeholder; a stale or duplicate event publishes nothing). Published inside the
 * transaction consuming the Kafka event, so a listener's writes commit, or roll back and are retried, with it.
 * Not to be confused with the Kafka contract {@code io.accord.contracts.events.PartnerStatusChanged} it comes from.
 *
 * @param status the new status, e.g. {@code SUSPENDED}, {@code ACTIVE}, {@code TERMINATED}
 * @param at     when the status became true (the event's time)
 */
public record PartnerViewStatusChanged(UUID partnerId, String status, Instant at) {
}
