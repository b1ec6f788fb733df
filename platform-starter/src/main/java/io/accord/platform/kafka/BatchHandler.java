package io.accord.platform.kafka;

/**
 * What a {@link DatabaseOffsetConsumer} does with each batch: {@link #prepare} outside the transaction (parse),
 * {@link #apply} inside the transaction that also moves the batch's database offsets (write the effect), then
 * {@link #committed} after the commit. A runtime exception from {@code prepare} or {@code apply} rolls the batch
 * back as a whole; the consumer pauses, seeks to the database offsets and reads the same records again.
 *
 * @param <T> the prepared batch (e.g. the parsed records)
 * @param <R> what applying it came to (e.g. counts, for metrics)
 */
public interface BatchHandler<T, R> {

    /** Outside the transaction: turns the batch's records into what {@link #apply} writes. */
    T prepare(ConsumedBatch batch);

    /** In the batch's transaction, after every partition's database offset moved past the batch. */
    R apply(T prepared);

    /** After the commit (and before the offsets are committed to Kafka for monitoring). */
    default void committed(T prepared, R result, long elapsedNanos) {
    }

    /** On the consumer's thread before it joins the group (e.g. wait for read models to be current). */
    default void beforeFirstPoll() {
    }

    /** A batch was dropped because another consumer had moved its partition on meanwhile; it is read again. */
    default void fenced(String reason) {
    }

    /** A batch failed and rolled back; it is read again after the retry backoff. */
    default void failed(RuntimeException failure) {
    }
}
