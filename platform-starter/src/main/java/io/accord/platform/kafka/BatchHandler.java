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

    /** A batch, or a part of it, failed and rolled back; it is applied again in parts or read again. */
    default void failed(RuntimeException failure) {
    }

    /**
     * One record failed alone twice with {@code failure}: what to apply in its place, in a transaction that moves its
     * partition's offset past it (e.g. the record kept as unprocessable, with its raw value, where ops can see and
     * resubmit it), or {@code null} (the default) to stop that partition at the record and read it again after the
     * retry backoff, as long as it fails. Either way the consumer logs the whole failure with the record's partition
     * and offset. {@code reason} is the failure's kind ({@link io.accord.platform.problem.FailureKind}, e.g.
     * {@code database error, SQL state 22003}), what a user may read: never its message, which names our tables and
     * quotes the row.
     */
    default T setAside(ConsumedBatch record, RuntimeException failure, String reason) {
        return null;
    }
}
