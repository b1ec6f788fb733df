package io.accord.rating.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts of usage per source and day, and what waits on the raw topic.
 *
 * @param days    per source and day received: received = rated + suspended + duplicates + writtenOff + replaced
 *                ({@code balanced} says it holds)
 * @param pending records on the raw topic not yet processed, any source
 */
record ReconciliationView(LocalDate from, LocalDate to, String source, List<SourceDay> days, Pending pending) {

    /**
     * One source's records of one day (UTC day of the Kafka record's timestamp).
     *
     * @param duplicatesConflicting of the duplicates, those whose content (what a record is rated on) differs from
     *                   their original's: not a resend but a correction or a clash of usage ids, never rated (listed
     *                   by GET /api/rating/duplicates?conflicting=true); counted since V98
     * @param writtenOff suspended records ops wrote off (never rated)
     * @param replaced   suspended records their sender replaced with a corrected copy, which is counted on its own
     *                   day (not leakage: the usage is rated through the copy)
     */
    record SourceDay(String source, LocalDate day, long received, long rated, long suspended, long duplicates,
                     long duplicatesConflicting, long writtenOff, long replaced, boolean balanced) {

        static SourceDay of(String source, LocalDate day, long received, long rated, long suspended,
                            long duplicates, long writtenOff, long replaced, long duplicatesConflicting) {
            return new SourceDay(source, day, received, rated, suspended, duplicates, duplicatesConflicting,
                    writtenOff, replaced, received == rated + suspended + duplicates + writtenOff + replaced);
        }
    }

    /**
     * @param total       every record on the topic past the processed position, whatever its day
     * @param byDay       of those, how many have a timestamp on each day of the range
     * @param partitions  per partition: processed up to (the next offset to process), the end, the difference
     * @param unavailable why the broker's numbers are missing, {@code null} when they are there
     */
    record Pending(String topic, Long total, List<PendingDay> byDay, List<PartitionPosition> partitions,
                   String unavailable) {

        static Pending unavailable(String topic, String reason) {
            return new Pending(topic, null, List.of(), List.of(), reason);
        }
    }

    record PendingDay(LocalDate day, long records) {
    }

    record PartitionPosition(int partition, long processedUpTo, long endOffset, long pending) {
    }
}
