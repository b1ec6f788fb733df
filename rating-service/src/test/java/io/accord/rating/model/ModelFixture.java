package io.accord.rating.model;

import io.accord.contracts.events.DomainEvent;
import io.accord.testsupport.TestKafka;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits until events have gone through the inbox and the snapshot reflects them. */
final class ModelFixture {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A whole second ten days ago: within the engine's 45-day window, and exact in PostgreSQL's microseconds. */
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.DAYS);
    static final Duration MICRO = Duration.ofNanos(1_000);

    private final JdbcClient jdbc;
    private final RatingModel model;

    ModelFixture(JdbcClient jdbc, RatingModel model) {
        this.jdbc = jdbc;
        this.model = model;
    }

    /** Blocks until the consumer recorded every event (applied or found stale) and the snapshot is current. */
    void awaitApplied(String consumer, DomainEvent... events) {
        List<UUID> ids = Arrays.stream(events).map(DomainEvent::eventId).toList();
        awaitApplied(consumer, ids);
    }

    void awaitApplied(String consumer, List<UUID> ids) {
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "select count(*) from inbox_event where consumer = :consumer and event_id in (:ids)")
                .param("consumer", consumer).param("ids", ids).query(Long.class).single() == ids.size());
        assertThat(model.awaitCurrent(PATIENCE)).isTrue();
    }

    /**
     * Sends an event of a type the listeners ignore on the aggregate's key, and waits for it: the events sent
     * before it on that key (same partition) have been handled then, duplicates included.
     */
    void awaitMarker(String topic, String consumer, String key) {
        UUID marker = UUID.randomUUID();
        TestKafka.send(TestKafka.cloudEvent(topic, key, "TestMarker", marker.toString(), "csp",
                "{\"eventId\":\"" + marker + "\"}"));
        awaitApplied(consumer, List.of(marker));
    }
}
