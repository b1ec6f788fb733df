package io.accord.platform.outbox;

import io.accord.contracts.CloudEventHeaders;
import io.accord.platform.PlatformProperties;
import io.accord.platform.web.CorrelationId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka (CloudEvents binary mode, aggregate id as key) and marks them sent.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay side by side without
 * sending a row twice. A failed send keeps the row and counts the attempt; the relay then pauses with an
 * exponential backoff and starts again from the oldest unsent row, so a later event of the same aggregate
 * never overtakes an earlier one.
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionTemplate transactions;
    private final PlatformProperties.Outbox settings;
    private final String source;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile int consecutiveFailures;

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, TransactionTemplate transactions,
                PlatformProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.settings = properties.outbox();
        this.source = properties.eventSource();
        Gauge.builder("accord.outbox.backlog", this, OutboxRelay::backlog)
                .description("Outbox events committed but not yet published")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${accord.platform.outbox.poll-interval:250ms}")
    void relay() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        Integer sent;
        do {
            sent = transactions.execute(status -> relayBatch());
        } while (sent != null && sent == settings.batchSize());
    }

    /** Publishes one batch; returns how many were sent. */
    int relayBatch() {
        List<PendingEvent> batch = jdbc.sql("""
                        select id, topic, message_key, event_type, subject, payload,
                               correlation_id, occurred_at, attempts
                        from outbox_event
                        where sent_at is null
                        order by created_at, id
                        limit :limit
                        for update skip locked
                        """)
                .param("limit", settings.batchSize())
                .query((rs, row) -> new PendingEvent(rs.getObject("id", java.util.UUID.class), rs.getString("topic"),
                        rs.getString("message_key"), rs.getString("event_type"), rs.getString("subject"),
                        rs.getString("payload"), rs.getString("correlation_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getInt("attempts")))
                .list();
        int sent = 0;
        for (PendingEvent event : batch) {
            try {
                kafka.send(toRecord(event)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                jdbc.sql("update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null where id = :id")
                        .param("id", event.id()).update();
                sent++;
                consecutiveFailures = 0;
            } catch (Exception failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                recordFailure(event, failure);
                break;
            }
        }
        return sent;
    }

    long backlog() {
        Long count = jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single();
        return count == null ? 0 : count;
    }

    private void recordFailure(PendingEvent event, Exception failure) {
        Duration delay = backoff(++consecutiveFailures);
        pausedUntil = Instant.now().plus(delay);
        log.warn("Publishing event {} ({}) to {} failed on attempt {}, retrying in {}: {}", event.id(),
                event.eventType(), event.topic(), event.attempts() + 1, delay, failure.toString());
        jdbc.sql("""
                        update outbox_event set attempts = attempts + 1, last_error = :error where id = :id
                        """)
                .param("error", String.valueOf(failure.getMessage()))
                .param("id", event.id())
                .update();
    }

    Duration backoff(int attempts) {
        long millis = 200L << Math.min(attempts, 16);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.messageKey(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.ID, event.id().toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.TYPE, event.eventType());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.SUBJECT, event.subject());
        header(headers, CloudEventHeaders.CORRELATION_ID, event.correlationId());
        header(headers, CorrelationId.HEADER, event.correlationId());
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
