package io.accord.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults every service gets from the starter, as a service's data source ends up with them. */
@StarterTestApplication.Test
class PlatformDefaultsTests {

    private final DataSource dataSource;
    private final MeterRegistry meters;

    PlatformDefaultsTests(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.meters = meters;
    }

    /**
     * Request latency is a histogram (p99 across replicas with histogram_quantile) of the ten documented buckets, not
     * Micrometer's ~70 of percentiles-histogram per uri, method and status.
     */
    @Test
    void requestLatencyIsAHistogramOfTheTenDocumentedBuckets() {
        Timer requests = Timer.builder("http.server.requests").tag("uri", "/defaults-test").register(meters);
        requests.record(Duration.ofMillis(80));

        double[] buckets = Arrays.stream(requests.takeSnapshot().histogramCounts())
                .mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS)).toArray();
        assertThat(buckets).containsExactly(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000);
        assertThat(Arrays.stream(requests.takeSnapshot().histogramCounts())
                .filter(bucket -> bucket.bucket(TimeUnit.MILLISECONDS) == 100)
                .mapToDouble(CountAtBucket::count).sum()).isEqualTo(1);
    }

    /**
     * The Kafka client publishes each per-topic metric of a topic with periods twice, the second deprecated with
     * underscores ({@code order_events_v1}); the service's registry keeps the real name only (KafkaTopicTags).
     */
    @Test
    void theServicesRegistryKeepsOneSeriesPerTopicOfTheKafkaClientsMetrics() {
        for (String topic : new String[] {"defaults.tests.v1", "defaults_tests_v1"}) {
            Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 7).tag("topic", topic).register(meters);
        }

        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag").gauges())
                .extracting(gauge -> gauge.getId().getTag("topic")).contains("defaults.tests.v1")
                .doesNotContain("defaults_tests_v1");
    }

    /**
     * A database that cannot be reached must be answered by the service (503, Retry-After) before the gateway's 30 s
     * response timeout answers 504 for it: Hikari's own default waits 30 s for a connection.
     */
    @Test
    void aConnectionIsWaitedForTenSecondsAtMost() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);

        assertThat(pool.getConnectionTimeout()).isEqualTo(10_000);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(8);
    }
}
