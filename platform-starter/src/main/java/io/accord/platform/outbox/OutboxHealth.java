package io.accord.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the outbox is doing, as metrics ({@code accord.outbox.backlog}, {@code accord.outbox.parked},
 * {@code accord.outbox.oldest.age}) and as the {@code outbox} health component. Parked rows do not make the service
 * DOWN: it still serves and publishes every other aggregate, and a restart would not help; they are a detail for ops
 * to act on at the admin endpoint. Nor does an old unpublished event: ops alert on its age (the metric), a probe
 * would only restart the pod.
 */
class OutboxHealth implements HealthIndicator {

    private final JdbcClient jdbc;

    OutboxHealth(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("accord.outbox.backlog", this, OutboxHealth::backlog)
                .description("Outbox events committed but not yet published (parked ones included)")
                .register(meters);
        Gauge.builder("accord.outbox.parked", this, OutboxHealth::parked)
                .description("Outbox events parked after repeated failures, waiting for ops to retry or discard")
                .register(meters);
        Gauge.builder("accord.outbox.oldest.age", this, OutboxHealth::oldestAgeSeconds)
                .description("Age of the oldest outbox event not yet published (parked ones included), 0 when none")
                .baseUnit("seconds")
                .register(meters);
    }

    long backlog() {
        return count("select count(*) from outbox_event where sent_at is null");
    }

    long parked() {
        return count("select count(*) from outbox_event where parked_at is not null and sent_at is null");
    }

    /**
     * Seconds since the oldest unpublished event was written, by the database's clock that stamped it: one row
     * read from the index {@code outbox_event_pending (created_at, id) where sent_at is null}.
     */
    long oldestAgeSeconds() {
        return count("select greatest(coalesce(floor(extract(epoch from clock_timestamp() - min(created_at))), 0), 0)"
                + "::bigint from outbox_event where sent_at is null");
    }

    @Override
    public Health health() {
        return Health.up().withDetail("backlog", backlog()).withDetail("parked", parked())
                .withDetail("oldestAgeSeconds", oldestAgeSeconds()).build();
    }

    private long count(String sql) {
        Long count = jdbc.sql(sql).query(Long.class).single();
        return count == null ? 0 : count;
    }
}
