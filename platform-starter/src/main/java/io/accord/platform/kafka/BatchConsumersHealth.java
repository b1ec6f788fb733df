package io.accord.platform.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the service's batch consumers are doing, as the {@code batchConsumers} health component (per consumer: the
 * partitions it holds, and those waiting at a record that fails alone, with its offset) and the gauge
 * {@code accord.batch-consumer.waiting} (partitions waiting, all consumers). A waiting partition does not make the
 * service DOWN: the other partitions go on and a restart would not help; it is a detail for ops to act on (the log
 * names the record and the failure).
 */
class BatchConsumersHealth implements HealthIndicator {

    private final BatchConsumers consumers;

    BatchConsumersHealth(BatchConsumers consumers, MeterRegistry meters) {
        this.consumers = consumers;
        Gauge.builder("accord.batch-consumer.waiting", this, BatchConsumersHealth::waiting)
                .description("Kafka partitions whose batch consumer waits at a record that fails alone")
                .register(meters);
    }

    long waiting() {
        return consumers.made().stream().mapToLong(consumer -> consumer.waiting().size()).sum();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (DatabaseOffsetConsumer<?, ?> consumer : consumers.made()) {
            Map<String, Long> waiting = new TreeMap<>();
            consumer.waiting().forEach((partition, offset) -> waiting.put(partition.toString(), offset));
            health.withDetail(consumer.settings().name(), Map.of("running", consumer.isRunning(),
                    "partitions", consumer.assigned().size(), "waiting", waiting));
        }
        return health.build();
    }
}
