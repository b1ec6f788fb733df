package io.accord.testsupport.bench;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outcome of a bench producer's sends, for the callback of each {@code send}: a bench that fills a topic must
 * know that every record arrived, or its pipes wait for records that will never come. That happened: right after a
 * topic was created, produce requests met {@code NOT_LEADER_OR_FOLLOWER}, then {@code OUT_OF_ORDER_SEQUENCE_NUMBER}
 * until their delivery timeout, {@code flush()} returned all the same, and the rating bench test waited for 409
 * records that were never written.
 */
public final class Deliveries implements Callback {

    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> first = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failed.incrementAndGet();
            first.compareAndSet(null, exception);
        }
    }

    /**
     * A bench producer's configuration: {@code settings} with one request in flight, acknowledged by all replicas,
     * and no idempotence. An idempotent producer whose first batch for a new partition met
     * {@code NOT_LEADER_OR_FOLLOWER} while later batches were in flight got {@code OUT_OF_ORDER_SEQUENCE_NUMBER} for
     * that partition until the records expired (seen in CI after a test had restarted the broker, although the
     * partition's leader was already known); with one request in flight a retry cannot overtake anything, so order
     * holds without sequence numbers.
     */
    public static Map<String, Object> ordered(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    /** Records that could not be written so far. */
    public long failed() {
        return failed.get();
    }

    /**
     * After the producer's {@code flush()}: fails when any of the {@code sent} records could not be written to
     * {@code topic}, naming the first cause.
     */
    public void check(String topic, long sent) {
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + sent + " records could not be written to "
                    + topic + ": " + first.get(), first.get());
        }
    }
}
