package io.accord.rating.ingest;

import io.accord.platform.kafka.DatabaseOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far the usage pipeline is behind the raw topic, for its health (docs/rating-pipeline.md, "Health"): per
 * partition the records on the topic not processed yet (the broker's end offset minus the database offset, which
 * is authoritative), and when the last batch committed. The broker is asked with a deadline: a broker that does not
 * answer is a reason in the answer, never a wait longer than the deadline.
 */
public final class RawTopicLag {

    private final JdbcClient jdbc;
    private final Admin admin;
    private final String table;
    private final IngestProperties properties;

    RawTopicLag(JdbcClient jdbc, Admin admin, DatabaseOffsets offsets, IngestProperties properties) {
        this.jdbc = jdbc;
        this.admin = admin;
        this.table = offsets.table();
        this.properties = properties;
    }

    /**
     * One partition: the next offset the pipeline processes (the partition's first when it never processed any), the
     * broker's end offset, and the records in between.
     */
    public record Partition(int partition, long processedUpTo, long endOffset, long lag) {
    }

    /**
     * @param topic                the raw topic
     * @param total                the records not processed yet, all partitions; {@code null} when unavailable
     * @param partitions           per partition, in partition order; empty when unavailable
     * @param lastBatchCommittedAt when the last committed batch moved the database offsets (its transaction, any
     *                             replica); {@code null} when no batch ever did
     * @param unavailable          why the lag is not known (the broker did not answer in time, or failed), else
     *                             {@code null}
     */
    public record Lag(String topic, Long total, List<Partition> partitions, Instant lastBatchCommittedAt,
                      String unavailable) {
    }

    /** Reads the database offsets, then asks the broker for the topic's offsets within {@code timeout}. */
    public Lag measure(Duration timeout) {
        String topic = properties.topic();
        Map<Integer, Long> processed = new HashMap<>();
        Instant[] lastBatch = new Instant[1];
        jdbc.sql("select kafka_partition, next_offset, updated_at from " + table
                        + " where consumer_group = :group and topic = :topic")
                .param("group", properties.consumerGroup()).param("topic", topic)
                .query(rs -> {
                    long next = rs.getLong(2);
                    processed.put(rs.getInt(1), next);
                    Timestamp updated = rs.getTimestamp(3);
                    // a partition registered but never advanced (next offset -1) had no batch yet
                    if (next >= 0 && updated != null
                            && (lastBatch[0] == null || updated.toInstant().isAfter(lastBatch[0]))) {
                        lastBatch[0] = updated.toInstant();
                    }
                });
        try {
            return lag(topic, processed, lastBatch[0], timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Lag(topic, null, List.of(), lastBatch[0], "interrupted");
        } catch (ExecutionException failed) {
            return unavailable(topic, lastBatch[0], timeout, failed.getCause());
        } catch (TimeoutException unanswered) {
            return unavailable(topic, lastBatch[0], timeout, unanswered);
        }
    }

    private static Lag unavailable(String topic, Instant lastBatch, Duration timeout, Throwable cause) {
        boolean timedOut = cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        return new Lag(topic, null, List.of(), lastBatch, (timedOut
                ? "the broker did not answer within " + timeout.toMillis() + " ms: "
                : "the broker did not give the topic's offsets: ") + cause);
    }

    private Lag lag(String topic, Map<Integer, Long> processed, Instant lastBatch, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic),
                        new DescribeTopicsOptions().timeoutMs(millisLeft(deadline)))
                .allTopicNames().get(millisLeft(deadline), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> earliest =
                list(partitions, OffsetSpec.earliest(), deadline);
        KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> latest =
                list(partitions, OffsetSpec.latest(), deadline);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first =
                earliest.get(millisLeft(deadline), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
                latest.get(millisLeft(deadline), TimeUnit.MILLISECONDS);
        List<Partition> positions = new ArrayList<>();
        long total = 0;
        for (TopicPartition partition : partitions) {
            long at = Math.max(processed.getOrDefault(partition.partition(), DatabaseOffsets.BEGINNING),
                    first.get(partition).offset());
            long endOffset = end.get(partition).offset();
            long lag = Math.max(0, endOffset - at);
            total += lag;
            positions.add(new Partition(partition.partition(), at, endOffset, lag));
        }
        positions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return new Lag(topic, total, List.copyOf(positions), lastBatch, null);
    }

    private KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> list(
            List<TopicPartition> partitions, OffsetSpec spec, long deadline) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(millisLeft(deadline))).all();
    }

    private static int millisLeft(long deadline) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
