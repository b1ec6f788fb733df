package io.accord.rating.health;

import io.accord.rating.ingest.RawTopicLag;
import io.accord.rating.publish.PublishBacklog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** The {@code ingestion} component's status and details from given figures (the figures themselves: integration). */
class IngestionHealthTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final HealthProperties PROPERTIES = new HealthProperties(100, Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofSeconds(2));

    private final SettableClock clock = new SettableClock(NOW);
    private final AtomicReference<RawTopicLag.Lag> lag = new AtomicReference<>(lag(0, 0));
    private final AtomicReference<PublishBacklog.Backlog> backlog =
            new AtomicReference<>(new PublishBacklog.Backlog(0, null));
    private final AtomicInteger measurements = new AtomicInteger();
    private final IngestionHealth health = new IngestionHealth(timeout -> {
        measurements.incrementAndGet();
        return lag.get();
    }, backlog::get, PROPERTIES, clock);

    @Test
    void isUpWithTheLagPerPartitionTheBacklogAndTheLastBatchWhileUnderTheThresholds() {
        lag.set(lag(60, 40));
        backlog.set(new PublishBacklog.Backlog(7, NOW.minusSeconds(299)));

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        Map<String, Object> details = answer.getDetails();
        assertThat(details).containsEntry("lastBatchCommittedAt", NOW.minusSeconds(1).toString())
                .doesNotContainKey("reasons");
        assertThat(details.get("lag")).asInstanceOf(MAP)
                .containsEntry("total", 100L).containsEntry("topic", "usage.raw.v1");
        assertThat(details.get("publishBacklog")).asInstanceOf(MAP)
                .containsEntry("records", 7L).containsEntry("oldestAgeSeconds", 299L);
    }

    @Test
    void isDegradedWhenTheLagOrThePublishAgeCrossesItsThreshold() {
        lag.set(lag(60, 41));
        Health overLag = health.health();
        assertThat(overLag.getStatus()).isEqualTo(IngestionHealth.DEGRADED);
        assertThat(reasons(overLag)).singleElement().asString().contains("101 records").contains("max-lag 100");

        clock.advance(PROPERTIES.cacheFor());
        lag.set(lag(0, 0));
        backlog.set(new PublishBacklog.Backlog(3, clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1)));
        Health overAge = health.health();
        assertThat(overAge.getStatus()).isEqualTo(IngestionHealth.DEGRADED);
        assertThat(reasons(overAge)).singleElement().asString().contains("301 s old");
    }

    @Test
    void aBrokerThatDoesNotAnswerOrAFailingDatabaseIsADetailAndDegradedNeverAnError() {
        lag.set(new RawTopicLag.Lag("usage.raw.v1", null, List.of(), NOW.minusSeconds(30),
                "the broker did not answer within 2000 ms"));
        IngestionHealth failingDatabase = new IngestionHealth(timeout -> lag.get(), () -> {
            throw new IllegalStateException("connection refused");
        }, PROPERTIES, clock);

        Health answer = failingDatabase.health();

        assertThat(answer.getStatus()).isEqualTo(IngestionHealth.DEGRADED);
        assertThat(answer.getDetails().get("lag")).asInstanceOf(MAP)
                .containsEntry("unavailable", "the broker did not answer within 2000 ms").doesNotContainKey("total");
        assertThat(answer.getDetails().get("publishBacklog"))
                .asInstanceOf(MAP)
                .containsEntry("unavailable", "java.lang.IllegalStateException: connection refused");
        assertThat(answer.getDetails()).containsEntry("lastBatchCommittedAt", NOW.minusSeconds(30).toString());
        assertThat(reasons(answer)).hasSize(2);
    }

    @Test
    void oneMeasurementAnswersForCacheFor() {
        health.health();
        clock.advance(PROPERTIES.cacheFor().minusMillis(1));
        lag.set(lag(1000, 0));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(measurements).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(health.health().getStatus()).isEqualTo(IngestionHealth.DEGRADED);
        assertThat(measurements).hasValue(2);
    }

    private static RawTopicLag.Lag lag(long first, long second) {
        return new RawTopicLag.Lag("usage.raw.v1", first + second, List.of(
                new RawTopicLag.Partition(0, 500, 500 + first, first),
                new RawTopicLag.Partition(1, 800, 800 + second, second)), NOW.minusSeconds(1), null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> reasons(Health health) {
        return (List<Object>) health.getDetails().get("reasons");
    }

    /** A clock the test moves on. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
