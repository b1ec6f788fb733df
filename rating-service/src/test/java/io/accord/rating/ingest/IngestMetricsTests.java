package io.accord.rating.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ingestion meter says what it counts: Prometheus' HELP line is what on-call reads next to an alert. */
class IngestMetricsTests {

    @Test
    void everyMeterHasADescriptionTheRetriesIncluded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new IngestMetrics(registry);

        // the percentiles' own gauges are the simple registry's; in Prometheus they are their timer's summary
        assertThat(registry.getMeters()).filteredOn(meter -> !meter.getId().getName().endsWith(".percentile"))
                .isNotEmpty().allSatisfy(meter ->
                        assertThat(meter.getId().getDescription()).as(meter.getId().toString()).isNotBlank());
        assertThat(registry.find("accord.rating.ingest.retries").meters()).hasSize(2)
                .extracting(meter -> meter.getId().getDescription()).containsOnly(IngestMetrics.RETRIES_DESCRIPTION);
    }
}
