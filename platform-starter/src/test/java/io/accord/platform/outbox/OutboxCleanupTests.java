package io.accord.platform.outbox;

import io.accord.platform.PlatformProperties;
import io.accord.testsupport.QueryPlans;
import io.accord.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Published events older than the retention go; unsent and recent ones stay. Real PostgreSQL. */
class OutboxCleanupTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private JdbcClient jdbc;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource(
                TestInfrastructure.database("platform_outbox_cleanup"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from outbox_event").update();
    }

    @Test
    void deletesOnlyEventsPublishedBeforeTheRetention() {
        UUID old = insert(NOW.minus(Duration.ofDays(8)));
        UUID recent = insert(NOW.minus(Duration.ofDays(1)));
        UUID unsent = insert(null);
        PlatformProperties properties = Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("accord.platform", PlatformProperties.class);
        OutboxCleanup cleanup = new OutboxCleanup(jdbc, properties, Clock.fixed(NOW, ZoneOffset.UTC));

        cleanup.cleanUp();

        assertThat(properties.outbox().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(jdbc.sql("select id from outbox_event").query(UUID.class).list())
                .containsExactlyInAnyOrder(recent, unsent).doesNotContain(old);
    }

    @Test
    void deletesInBatchesUntilNothingIsLeft() {
        // in one statement: each of the test's statements opens a connection of its own
        jdbc.sql("""
                        insert into outbox_event (id, topic, message_key, sequence, event_type, payload, occurred_at,
                                                  sent_at)
                        select gen_random_uuid(), 't', 'k', n, 'Test', '{}', :at, :sent
                        from generate_series(1, 2500) n""")
                .param("at", Timestamp.from(NOW)).param("sent", Timestamp.from(NOW.minus(Duration.ofDays(30))))
                .update();
        OutboxCleanup cleanup = new OutboxCleanup(jdbc, Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("accord.platform", PlatformProperties.class), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(cleanup.deleteSentBefore(Timestamp.from(NOW))).isEqualTo(2500);
        assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
    }

    @Test
    void findsTheOldestPublishedEventsThroughAnIndexNotByReadingTheTable() throws SQLException {
        // each statement reads only what it deletes: without the index on sent_at it read the table from its first
        // page, past the rows the statements before it deleted and, once new rows refilled freed pages, past most
        // of a week of events (docs/architecture.md, "Cleanups")
        String plan = QueryPlans.withIndexesPreferred(dataSource, OutboxCleanup.DELETE_OLDEST_SENT,
                Map.of("cutoff", Timestamp.from(NOW), "batch", 1000));

        assertThat(plan).contains(" on outbox_event_sent").doesNotContain("Seq Scan");
    }

    private UUID insert(Instant sentAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (id, topic, message_key, sequence, event_type, payload, occurred_at,
                                                  sent_at)
                        values (:id, 't', 'k', 1, 'Test', '{}', :at, :sent)""")
                .param("id", id).param("at", Timestamp.from(NOW))
                .param("sent", sentAt == null ? null : Timestamp.from(sentAt)).update();
        return id;
    }
}
