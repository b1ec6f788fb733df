package io.accord.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the outbox is doing, as metrics ({@code accord.outbox.backlog}, {@code accord.outbox.parked}) and as the
 * {@code outbox} health component. Parked rows do not make the service DOWN: it still serves and publishes every
 * other aggregate, and a restart would not help; they are a detail for ops to act on at the admin endpoint.
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
    }

    long backlog() {
        return count("select count(*) from outbox_event where sent_at is null");
    }

    long parked() {
        return count("select count(*) from outbox_event where parked_at is not null and sent_at is null");
    }

    @Override
    public Health health() {
        return Health.up().withDetail("backlog", backlog()).withDetail("parked", parked()).build();
    }

    private long count(String sql) {
        Long count = jdbc.sql(sql).query(Long.class).single();
        return count == null ? 0 : count;
    }
}
