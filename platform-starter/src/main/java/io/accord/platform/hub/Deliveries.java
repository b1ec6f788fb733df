package io.accord.platform.hub;

import io.accord.contracts.value.PartnerId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The relay's reads and writes of {@code hub_subscription} leases and {@code hub_delivery} rows. */
class Deliveries {

    /** A subscription a relay holds the lease of. */
    record Claimed(UUID id, PartnerId partner, String callback, String secret, int consecutiveFailures) {
    }

    /** A delivery not yet made, with the body to send. */
    record Pending(UUID id, UUID eventId, String eventType, String payload, int attempts) {
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leases up to {@code limit} active subscriptions that have a delivery due and no other relay's lease. The
     * candidates are row-locked with {@code SKIP LOCKED} while the lease is written, so two relays never lease the
     * same subscription; the lease then keeps others away until {@code until} or {@link #release}. A subscription
     * of a partner the hub knows not to be ACTIVE ({@link HubPartners}: suspended) is not leased: its deliveries
     * are held until the partner is active again.
     */
    List<Claimed> claim(UUID relay, Instant now, Instant until, int limit) {
        return jdbc.sql("""
                        update hub_subscription s set claimed_by = :relay, claimed_until = :until
                        where s.id in (
                            select c.id from hub_subscription c
                            where c.status = 'active'
                              and (c.next_attempt_at is null or c.next_attempt_at <= :now)
                              and (c.claimed_until is null or c.claimed_until < :now)
                              and exists (select 1 from hub_delivery d where d.subscription_id = c.id
                                            and d.delivered_at is null and d.dead_at is null)
                              and (c.partner_id is null or not exists (
                                    select 1 from hub_partner_status p
                                    where p.partner_id = c.partner_id and p.status <> 'ACTIVE'))
                            order by c.next_attempt_at nulls first, c.created_at, c.id
                            limit :limit
                            for update skip locked)
                        returning s.id, s.partner_id, s.callback, s.secret, s.consecutive_failures""")
                .param("relay", relay).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .param("limit", limit)
                .query((rs, row) -> {
                    UUID partner = rs.getObject("partner_id", UUID.class);
                    return new Claimed(rs.getObject("id", UUID.class), partner == null ? null : new PartnerId(partner),
                            rs.getString("callback"), rs.getString("secret"), rs.getInt("consecutive_failures"));
                })
                .list();
    }

    /** The subscription's next deliveries, in the order they were written. */
    List<Pending> pending(UUID subscription, int limit) {
        return jdbc.sql("""
                        select d.id, d.event_id, e.event_type, e.payload, d.attempts
                        from hub_delivery d join hub_event e on e.id = d.event_id
                        where d.subscription_id = :subscription and d.delivered_at is null and d.dead_at is null
                        order by d.seq
                        limit :limit""")
                .param("subscription", subscription).param("limit", limit)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    void delivered(UUID subscription, UUID delivery, Instant now) {
        jdbc.sql("""
                        update hub_delivery set delivered_at = :now, attempts = attempts + 1, last_attempt_at = :now
                        where id = :id""")
                .param("now", Timestamp.from(now)).param("id", delivery).update();
        jdbc.sql("""
                        update hub_subscription set consecutive_failures = 0, last_delivered_at = :now,
                               next_attempt_at = null
                        where id = :id""")
                .param("now", Timestamp.from(now)).param("id", subscription).update();
    }

    /**
     * Records a failed attempt on the delivery and its subscription; returns whether the subscription still exists.
     *
     * @param disabledReason the subscription's {@code status_reason} when the decision disables it
     */
    boolean failed(UUID subscription, UUID delivery, String error, Instant now, DeliveryPolicy.Decision decision,
                   int consecutiveFailures, String disabledReason) {
        jdbc.sql("""
                        update hub_delivery set attempts = attempts + 1, last_attempt_at = :now, last_error = :error,
                               dead_at = case when :dead then cast(:now as timestamptz) end
                        where id = :id""")
                .param("now", Timestamp.from(now)).param("error", error).param("dead", decision.dead())
                .param("id", delivery).update();
        return jdbc.sql("""
                        update hub_subscription set consecutive_failures = :failures, last_error = :error,
                               last_error_at = :now, next_attempt_at = :next,
                               status = case when :disable then 'disabled' else status end,
                               disabled_at = case when :disable then cast(:now as timestamptz) else disabled_at end,
                               status_reason = case when :disable then cast(:reason as text) else status_reason end
                        where id = :id""")
                .param("failures", consecutiveFailures).param("error", error).param("now", Timestamp.from(now))
                .param("next", Timestamp.from(now.plus(decision.retryIn()))).param("disable", decision.disable())
                .param("reason", disabledReason).param("id", subscription).update() == 1;
    }

    /** Gives the lease back, unless it has meanwhile passed to another relay. */
    void release(UUID subscription, UUID relay) {
        jdbc.sql("""
                        update hub_subscription set claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :relay""")
                .param("id", subscription).param("relay", relay).update();
    }
}
