package io.accord.rating.health;

import io.accord.rating.ingest.RawTopicLag;
import io.accord.rating.publish.PublishBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code ingestion} health component (docs/rating-pipeline.md, "Health"): the usage pipeline's lag behind the
 * raw topic, the publisher's backlog and the age of its oldest record, and when the last batch committed. UP, or
 * DEGRADED when a threshold is crossed or a figure cannot be measured: the service answers 200 for it (application
 * configuration), and the liveness and readiness groups do not include it, since a restart or taking the pod out
 * of its Service empties no backlog. One measurement answers every request for {@code cache-for}; the broker is
 * given {@code broker-timeout}, and a broker or database that fails shows as a detail, never as an error.
 */
class IngestionHealth implements HealthIndicator {

    /** A threshold crossed or a figure unknown: ops should look; the service still works and stays in service. */
    static final Status DEGRADED = new Status("DEGRADED", "a backlog over its threshold, or not measurable");

    private static final Logger log = LoggerFactory.getLogger(IngestionHealth.class);

    private final Function<Duration, RawTopicLag.Lag> lag;
    private final Supplier<PublishBacklog.Backlog> backlog;
    private final HealthProperties properties;
    private final Clock clock;
    private Health cached;
    private Instant cachedUntil = Instant.MIN;

    IngestionHealth(Function<Duration, RawTopicLag.Lag> lag, Supplier<PublishBacklog.Backlog> backlog,
                    HealthProperties properties, Clock clock) {
        this.lag = lag;
        this.backlog = backlog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Concurrent requests wait for the one measurement in progress rather than each asking the broker. */
    @Override
    public synchronized Health health() {
        if (cached == null || !clock.instant().isBefore(cachedUntil)) {
            cached = measure();
            cachedUntil = clock.instant().plus(properties.cacheFor());
        }
        return cached;
    }

    private Health measure() {
        Instant now = clock.instant();
        List<String> reasons = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lag", lag(reasons, details));
        details.put("publishBacklog", publishBacklog(now, reasons));
        details.put("thresholds", Map.of("maxLag", properties.maxLag(),
                "maxPublishAgeSeconds", properties.maxPublishAge().toSeconds()));
        details.put("measuredAt", now.toString());
        if (!reasons.isEmpty()) {
            details.put("reasons", List.copyOf(reasons));
        }
        return Health.status(reasons.isEmpty() ? Status.UP : DEGRADED).withDetails(details).build();
    }

    private Map<String, Object> lag(List<String> reasons, Map<String, Object> details) {
        Map<String, Object> answer = new LinkedHashMap<>();
        RawTopicLag.Lag measured;
        try {
            measured = lag.apply(properties.brokerTimeout());
        } catch (RuntimeException failure) {
            log.warn("Measuring the usage pipeline's lag failed", failure);
            reasons.add("lag unknown: " + failure);
            answer.put("unavailable", failure.toString());
            return answer;
        }
        answer.put("topic", measured.topic());
        if (measured.lastBatchCommittedAt() != null) {
            details.put("lastBatchCommittedAt", measured.lastBatchCommittedAt().toString());
        }
        if (measured.unavailable() != null) {
            reasons.add("lag unknown: " + measured.unavailable());
            answer.put("unavailable", measured.unavailable());
            return answer;
        }
        answer.put("total", measured.total());
        answer.put("partitions", measured.partitions().stream().map(partition -> Map.of(
                "partition", partition.partition(), "processedUpTo", partition.processedUpTo(),
                "endOffset", partition.endOffset(), "lag", partition.lag())).toList());
        if (measured.total() > properties.maxLag()) {
            reasons.add("lag: " + measured.total() + " records not yet processed, more than max-lag "
                    + properties.maxLag());
        }
        return answer;
    }

    private Map<String, Object> publishBacklog(Instant now, List<String> reasons) {
        Map<String, Object> answer = new LinkedHashMap<>();
        PublishBacklog.Backlog measured;
        try {
            measured = backlog.get();
        } catch (RuntimeException failure) {
            log.warn("Measuring the rated-usage publisher's backlog failed", failure);
            reasons.add("publish backlog unknown: " + failure);
            answer.put("unavailable", failure.toString());
            return answer;
        }
        answer.put("records", measured.records());
        if (measured.oldestRatedAt() != null) {
            Duration age = Duration.between(measured.oldestRatedAt(), now);
            answer.put("oldestRatedAt", measured.oldestRatedAt().toString());
            answer.put("oldestAgeSeconds", Math.max(0, age.toSeconds()));
            if (age.compareTo(properties.maxPublishAge()) > 0) {
                reasons.add("publish backlog: the oldest unpublished rated record is " + age.toSeconds()
                        + " s old, older than max-publish-age " + properties.maxPublishAge().toSeconds() + " s");
            }
        }
        return answer;
    }
}
