package io.accord.rating.model;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.function.ToIntFunction;

/**
 * What the snapshot holds, as gauges {@code accord.rating.model.size{kind=products|prices|agreements}}: rating's
 * heap grows with the product instances (about 460 bytes each, docs/rating-read-models.md), so an operator sizes the
 * pod's memory from this gauge and alerts on it together with the JVM's live data after collection
 * ({@code jvm.gc.live.data.size} against {@code jvm.gc.max.data.size}).
 */
@Component
class ModelMeters {

    static final String SIZE = "accord.rating.model.size";

    ModelMeters(RatingModel model, MeterRegistry registry) {
        gauge(registry, model, "products", SnapshotBuilder.Built::products);
        gauge(registry, model, "prices", SnapshotBuilder.Built::prices);
        gauge(registry, model, "agreements", SnapshotBuilder.Built::agreements);
    }

    private static void gauge(MeterRegistry registry, RatingModel model, String kind,
            ToIntFunction<SnapshotBuilder.Built> count) {
        Gauge.builder(SIZE, model, current -> count.applyAsInt(current.current().built())).tag("kind", kind)
                .description("what rating's current snapshot holds (product instances, price versions, agreement "
                        + "versions)").register(registry);
    }
}
