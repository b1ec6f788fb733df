package io.accord.platform.outbox;

import io.accord.contracts.CloudEventHeaders;
import io.accord.platform.PlatformProperties;
import io.accord.platform.retry.Backoffs;
import io.accord.platform.web.CorrelationId;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes committed outbox rows to Kafka (CloudEvents binary mode through cloudevents-kafka, aggregate id as key,
 * per-key sequence as {@code ce_sequence}) and marks them sent.
 *
 * <p><b>Order.</b> One relay pass at a time per service: each pass runs in a transaction that first takes the
 * PostgreSQL advisory lock {@link #LOCK_KEY} ({@code pg_try_advisory_xact_lock}); a replica that does not get it
 * skips the pass. A pass only takes the oldest unsent row of each key, so a row is never published while an
 * earlier row of its aggregate is still unsent (failed, backing off or parked). Since no two rows of a pass share a
 * key, a pass sends all its rows at once, awaits their acknowledgements in order and marks the acknowledged ones
 * sent in one statement (it used to wait for each row's acknowledgement before sending the next, a broker round trip
 * and an update per row).
 *
 * <p><b>Failures.</b> A failed send counts on the row, which then waits for its own backoff while other keys flow
 * on. A failure that looks like a broker outage (a Kafka {@link RetriableException} or a send timeout) also pauses
 * the whole relay with the same backoff, and counts towards parking only once this relay has published something
 * since the row's previous attempt (or its creation), i.e. when the broker evidently works for other rows. After
 * {@code max-attempts} such failures the row is parked: it waits for ops ({@link OutboxAdminController}), and so
 * do later rows of its key.
 */
class OutboxRelay {

    /** The advisory lock of the relay: advisory locks are per database, and every service has its own. */
    static final long LOCK_KEY = 0x4143434f52444f42L;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING_COLUMNS = """
            select id, topic, message_key, sequence, event_type, subject, payload, correlation_id, occurred_at,
                   created_at, attempts, last_attempt_at, next_attempt_at, parked_at
            from outbox_event
            """;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionTemplate transactions;
    private final PlatformProperties.Outbox settings;
    private final URI source;
    private final ExponentialBackOff backoff;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Instant lastPublished;
    private volatile int consecutiveOutages;

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, TransactionTemplate transactions,
                PlatformProperties properties, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.settings = properties.outbox();
        this.source = URI.create(properties.eventSource());
        this.backoff = Backoffs.exponential(settings.firstBackoff(), settings.maxBackoff());
    }

    @Scheduled(fixedDelayString = "${accord.platform.outbox.poll-interval:250ms}")
    void relay() {
        Integer sent;
        do {
            if (clock.instant().isBefore(pausedUntil)) {
                return;
            }
            sent = transactions.execute(status -> relayBatch());
        } while (sent != null && sent > 0);
    }

    /** One pass: publishes the oldest unsent row of each key (at most a batch); returns how many were sent. */
    int relayBatch() {
        Boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        List<PendingEvent> batch = publishable();
        // every row of the batch is of another key, so all are sent at once and their acknowledgements awaited
        // in order: one round trip to the broker per pass rather than per row, then one update marks them sent
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            try {
                sends.add(kafka.send(toRecord(event)));
            } catch (RuntimeException failure) {
                sends.add(CompletableFuture.failedFuture(failure));
            }
        }
        List<UUID> delivered = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent event = batch.get(i);
            try {
                sends.get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                delivered.add(event.id());
                lastPublished = clock.instant();
                consecutiveOutages = 0;
            } catch (Exception failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                boolean outage = isOutage(failure);
                recordFailure(event, failure, !outage || publishedSince(
                        event.lastAttemptAt() != null ? event.lastAttemptAt() : event.createdAt()));
                if (outage) {
                    Duration pause = Backoffs.delayAfter(backoff, ++consecutiveOutages);
                    pausedUntil = clock.instant().plus(pause);
                    log.warn("Outbox relay pauses for {}: the broker seems unavailable", pause);
                    // the rest were handed to the producer too: wait for each outcome (the producer's delivery
                    // timeout ends every send) and mark those delivered, so that none is delivered late and then
                    // sent again; those that failed go again later
                    for (int rest = i + 1; rest < batch.size(); rest++) {
                        try {
                            sends.get(rest).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                            delivered.add(batch.get(rest).id());
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            break;
                        } catch (Exception notDelivered) {
                            // sent again on a later pass
                        }
                    }
                    break;
                }
            }
        }
        if (!delivered.isEmpty()) {
            jdbc.sql("""
                            update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null,
                                   next_attempt_at = null
                            where id in (:ids)""")
                    .param("ids", delivered).update();
        }
        int sent = delivered.size();
        return sent;
    }

    /**
     * The oldest unsent row of each key, at most a batch, in the order they were written, leaving out keys whose
     * oldest unsent row is parked or backing off. The pending rows are read in order through their index, a page at
     * a time, and the keys are checked in one statement: the single statement this replaces (an anti-join on "no
     * earlier unsent row of the key") was planned against the pending rows' partial indexes as they were at the last
     * vacuum, usually empty, and then scanned every pending row for each candidate; with a few hundred pending rows
     * under load that read about 3,700 buffers per pass.
     */
    private List<PendingEvent> publishable() {
        int limit = settings.batchSize();
        Instant now = clock.instant();
        Map<String, PendingEvent> candidates = new LinkedHashMap<>();
        Set<String> met = new HashSet<>();
        PendingEvent last = null;
        while (candidates.size() < limit) {
            List<PendingRow> page = pendingAfter(last, limit);
            for (PendingRow row : page) {
                // a key's rows come in their order (its sequence is taken under the key's row lock, its
                // created_at after): only the first one met can go; the check below does not rely on this
                if (met.add(row.event().messageKey()) && row.due(now)) {
                    candidates.put(row.event().messageKey(), row.event());
                    if (candidates.size() == limit) {
                        break;
                    }
                }
            }
            if (page.size() < limit) {
                break;
            }
            last = page.getLast().event();
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Long> first = new HashMap<>();
        jdbc.sql("""
                        select message_key, min(sequence) as first from outbox_event
                        where sent_at is null and message_key in (:keys)
                        group by message_key""")
                .param("keys", List.copyOf(candidates.keySet()))
                .query((RowCallbackHandler) rs -> first.put(rs.getString("message_key"), rs.getLong("first")));
        List<PendingEvent> publishable = new ArrayList<>(candidates.size());
        for (PendingEvent event : candidates.values()) {
            Long oldest = first.get(event.messageKey());
            if (oldest == null) {
                continue; // none of the key is unsent any more (nothing else sends while this pass holds the lock)
            }
            if (oldest == event.sequence()) {
                publishable.add(event);
            } else if (oldest < event.sequence()) {
                // an earlier row of the key dated later (written with another clock): it goes first, if due
                pending(event.messageKey(), oldest).filter(row -> row.due(now))
                        .ifPresent(row -> publishable.add(row.event()));
            }
        }
        return publishable;
    }

    private Optional<PendingRow> pending(String key, long sequence) {
        return jdbc.sql(PENDING_COLUMNS + "where sent_at is null and message_key = :key and sequence = :sequence")
                .param("key", key).param("sequence", sequence).query(OutboxRelay::pendingRow).optional();
    }

    /** Unsent rows (parked and backing-off ones too) after {@code last} (from the first when null), in order. */
    private List<PendingRow> pendingAfter(PendingEvent last, int limit) {
        JdbcClient.StatementSpec statement = last == null
                ? jdbc.sql(PENDING_COLUMNS + "where sent_at is null order by created_at, id limit :limit")
                : jdbc.sql(PENDING_COLUMNS + """
                                where sent_at is null and (created_at, id) > (:created, :id)
                                order by created_at, id limit :limit""")
                        .param("created", Timestamp.from(last.createdAt())).param("id", last.id());
        return statement.param("limit", limit).query(OutboxRelay::pendingRow).list();
    }

    private static PendingRow pendingRow(ResultSet rs, int row) throws SQLException {
        return new PendingRow(new PendingEvent(rs.getObject("id", UUID.class), rs.getString("topic"),
                rs.getString("message_key"), rs.getLong("sequence"), rs.getString("event_type"),
                rs.getString("subject"), rs.getString("payload"), rs.getString("correlation_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("attempts"), instant(rs.getTimestamp("last_attempt_at"))),
                instant(rs.getTimestamp("next_attempt_at")), rs.getTimestamp("parked_at") != null);
    }

    /** A pending row and what decides whether it may go now. */
    private record PendingRow(PendingEvent event, Instant nextAttemptAt, boolean parked) {

        boolean due(Instant now) {
            return !parked && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
        }
    }

    private void recordFailure(PendingEvent event, Exception failure, boolean counts) {
        Instant now = clock.instant();
        Duration delay = Backoffs.delayAfter(backoff, event.attempts() + 1L);
        Boolean parked = jdbc.sql("""
                        update outbox_event set attempts = attempts + 1, failures = failures + :counts,
                               last_error = :error, last_attempt_at = :now, next_attempt_at = :next,
                               parked_at = case when failures + :counts >= :max then cast(:now as timestamptz) end
                        where id = :id
                        returning parked_at is not null
                        """)
                .param("counts", counts ? 1 : 0)
                .param("error", describe(failure))
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(now.plus(delay)))
                .param("max", settings.maxAttempts())
                .param("id", event.id())
                .query(Boolean.class).single();
        if (Boolean.TRUE.equals(parked)) {
            log.error("Outbox event {} ({}, key {}, sequence {}) to {} is PARKED after {} failures: {}; later events "
                            + "of this key wait until ops retry or discard it", event.id(), event.eventType(),
                    event.messageKey(), event.sequence(), event.topic(), settings.maxAttempts(), describe(failure));
        } else {
            log.warn("Publishing event {} ({}) to {} failed on attempt {}, retrying in {}: {}", event.id(),
                    event.eventType(), event.topic(), event.attempts() + 1, delay, describe(failure));
        }
    }

    /** Whether this relay published another row after {@code moment}: then the broker works. */
    private boolean publishedSince(Instant moment) {
        Instant published = lastPublished;
        return published != null && published.isAfter(moment);
    }

    /** A broker that cannot be reached or answers too slowly fails every row alike; that is not the row's fault. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof TimeoutException
                    || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure) : failure + " (cause: " + root + ")";
    }

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.eventType())
                .withSource(source)
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventHeaders.JSON)
                .withExtension(CloudEventHeaders.SEQUENCE_EXTENSION, event.sequence())
                .withData(event.payload().getBytes(StandardCharsets.UTF_8));
        if (event.subject() != null) {
            builder.withSubject(event.subject());
        }
        if (event.correlationId() != null) {
            builder.withExtension(CloudEventHeaders.CORRELATION_ID_EXTENSION, event.correlationId());
        }
        CloudEvent cloudEvent = builder.build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .<String>createWriter(event.topic(), event.messageKey()).writeBinary(cloudEvent);
        if (event.correlationId() != null) {
            record.headers().add(CorrelationId.HEADER, event.correlationId().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
