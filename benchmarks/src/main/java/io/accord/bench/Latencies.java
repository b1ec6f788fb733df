package io.accord.bench;

import java.util.Arrays;

/** Response times of one measurement, in nanoseconds; thread-safe appends, percentiles once it is done. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Everything {@code other} recorded, added to this. */
    Latencies addAll(Latencies other) {
        long[] copy;
        int count;
        synchronized (other) {
            copy = other.values;
            count = other.size;
        }
        for (int i = 0; i < count; i++) {
            record(copy[i]);
        }
        return this;
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile ({@code p} in 0..100), in milliseconds; 0 when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1_000_000.0;
    }
}
