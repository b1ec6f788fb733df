package io.accord.onboarding.identity;

import io.accord.platform.metrics.CachedReading;
import io.accord.platform.metrics.GaugeReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partners whose identity provisioning stopped in NEEDS_ATTENTION (retrying cannot heal it: staff must act) as
 * the gauge {@value #NEEDS_ATTENTION}, which an alert watches. One count over {@code identity_provisioning} (a row
 * per partner) per reading interval ({@code accord.platform.metrics.reading-interval}), whatever the scrape rate.
 * Every replica reports the same number (the database's): alert on {@code max}, not {@code sum}. A component, not a
 * bean of {@link IdentityConfiguration}, which is started alone to check its properties.
 */
@Component
class ProvisioningGauges {

    static final String NEEDS_ATTENTION = "accord.onboarding.provisioning.needs.attention";

    ProvisioningGauges(JdbcClient jdbc, GaugeReadings readings, MeterRegistry meters) {
        CachedReading<Long> parked = readings.of("the identity provisioning needing attention", () -> jdbc.sql(
                "select count(*) from identity_provisioning where state = 'NEEDS_ATTENTION'")
                .query(Long.class).single());
        Gauge.builder(NEEDS_ATTENTION, parked, reading -> reading.gauge(Long::doubleValue))
                .description("Partners whose identity provisioning needs staff to act (state NEEDS_ATTENTION)")
                .strongReference(true) // the reading is referenced by the gauge alone
                .register(meters);
    }
}
