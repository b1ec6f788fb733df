package io.accord.platform.hub;

import io.accord.testsupport.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.accord.platform.hub.HubTestApplication.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deliveries made longer ago than the retention go, with their events; deliveries still to be made stay. */
@HubTestApplication.Test
class HubCleanupTests {

    private final HubFixture hub;
    private final JdbcClient jdbc;
    private final HubCleanup cleanup;
    private final DataSource dataSource;

    HubCleanupTests(@LocalServerPort int port, ApplicationEventPublisher events,
                    PlatformTransactionManager transactionManager, JdbcClient jdbc, HubCleanup cleanup,
                    DataSource dataSource) {
        this.hub = new HubFixture(port, events, transactionManager);
        this.jdbc = jdbc;
        this.cleanup = cleanup;
        this.dataSource = dataSource;
    }

    @Test
    void deletesOnlyFinishedDeliveriesOlderThanTheRetentionAndTheirEvents() {
        try (CallbackServer accepting = CallbackServer.accepting();
             CallbackServer failing = CallbackServer.answering(request -> 500)) {
            UUID delivered = id(HubFixture.register(hub.adminA, CATALOG, accepting.url(), null));
            UUID waiting = id(HubFixture.register(hub.adminB, CATALOG, failing.url(), null));
            hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(delivered, "delivered_at is not null") == 1);
            // the cut-off lies between the finished delivery and the next one, whatever becomes of that one
            // (still retried, or dead after its attempts on a slow machine): only the finished one is old enough
            Instant cutoff = Instant.now().plusMillis(1);
            await().until(() -> Instant.now().isAfter(cutoff));
            hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerB), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> !failing.received().isEmpty());

            assertThat(cleanup.deleteFinishedBefore(Timestamp.from(Instant.now().minusSeconds(3600)))).isZero();
            assertThat(deliveries(delivered, "true")).isEqualTo(1);

            assertThat(cleanup.deleteFinishedBefore(Timestamp.from(cutoff))).isPositive();
            assertThat(deliveries(delivered, "true")).isZero();
            assertThat(deliveries(waiting, "delivered_at is null")).isEqualTo(1);
            assertThat(jdbc.sql("""
                            select count(*) from hub_event e
                            where not exists (select 1 from hub_delivery d where d.event_id = e.id)""")
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void findsTheOldestFinishedDeliveriesAndEventsThroughIndexesNotByReadingTheTables() throws SQLException {
        // each statement reads only what it deletes (docs/architecture.md, "Cleanups")
        Map<String, Object> params = Map.of("cutoff", Timestamp.from(Instant.now()), "batch", 1000);

        assertThat(QueryPlans.withIndexesPreferred(dataSource, HubCleanup.DELETE_OLDEST_FINISHED, params))
                .contains(" on hub_delivery_finished").doesNotContain("Seq Scan");
        assertThat(QueryPlans.withIndexesPreferred(dataSource, HubCleanup.DELETE_OLDEST_UNREFERENCED, params))
                .contains(" on hub_event_created").doesNotContain("Seq Scan");
    }

    private long deliveries(UUID subscription, String condition) {
        return jdbc.sql("select count(*) from hub_delivery where subscription_id = :id and " + condition)
                .param("id", subscription).query(Long.class).single();
    }

    private static UUID id(JsonNode subscription) {
        return UUID.fromString(subscription.get("id").asString());
    }
}
