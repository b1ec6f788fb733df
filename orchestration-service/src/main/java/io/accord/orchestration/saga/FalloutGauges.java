package io.accord.orchestration.saga;

import io.accord.platform.metrics.CachedReading;
import io.accord.platform.metrics.GaugeReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The open fallout queue as the gauge {@value #METER}: one series per saga state that waits for ops or keeps
 * failing ({@code FAILED}, {@code RUNNING}, {@code COMPENSATING}) and step type (every type there is a handler of),
 * zero when none; compensated sagas are final and not counted. One grouped count query per reading interval
 * ({@code accord.platform.metrics.reading-interval}), whatever the scrape rate. Every replica reports the same
 * numbers (they are the database's): alert on {@code max}, not {@code sum}.
 */
@Component
class FalloutGauges {

    static final String METER = "accord.orchestration.fallout.open";
    static final List<SagaState> OPEN_STATES = List.of(SagaState.FAILED, SagaState.RUNNING, SagaState.COMPENSATING);

    FalloutGauges(SagaRepository sagas, StepHandlers handlers, GaugeReadings readings, MeterRegistry meters) {
        CachedReading<Map<SagaRepository.OpenFallout, Long>> open = readings.of("the open saga fallout",
                sagas::openFallout);
        for (SagaState state : OPEN_STATES) {
            for (String type : handlers.types()) {
                SagaRepository.OpenFallout key = new SagaRepository.OpenFallout(state, type);
                Gauge.builder(METER, open, reading -> reading.gauge(counts -> counts.getOrDefault(key, 0L)))
                        .description("Sagas in the fallout queue that wait for ops or whose current step keeps "
                                + "failing, by saga state and the type of that step")
                        .tag("state", state.name())
                        .tag("step", type)
                        .strongReference(true) // the reading is referenced by the gauges alone
                        .register(meters);
            }
        }
    }
}
