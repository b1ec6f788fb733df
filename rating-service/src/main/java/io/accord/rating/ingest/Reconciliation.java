package io.accord.rating.ingest;

import io.accord.platform.kafka.DatabaseOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts per source and day (issue 10, Output): received = rated + suspended + duplicates + written off + replaced
 * (suspended records their sender replaced with a corrected copy, counted apart from what ops wrote off), from the
 * counters the pipeline's transactions keep; and what is still pending on the raw topic, i.e. received by the broker
 * but not processed, from Kafka's offsets against the offsets in the database. A pending record's source is not
 * known until it is read, so pending is per day (of the record's Kafka timestamp, found with the broker's
 * offset-by-timestamp index) over all sources.
 */
class Reconciliation {

    static final String PARTNER_PENDING = "the raw usage topic is shared by every source: what waits on it is"
            + " shown to staff only; your records are counted here once processed";

    private final JdbcClient jdbc;
    private final Admin admin;
    private final DatabaseOffsets offsets;
    private final IngestProperties properties;

    Reconciliation(JdbcClient jdbc, Admin admin, DatabaseOffsets offsets, IngestProperties properties) {
        this.jdbc = jdbc;
        this.admin = admin;
        this.offsets = offsets;
        this.properties = properties;
    }

    ReconciliationView reconcile(LocalDate from, LocalDate to, String source) {
        return reconcile(from, to, source, true);
    }

    private ReconciliationView reconcile(LocalDate from, LocalDate to, String source, boolean withPending) {
        List<ReconciliationView.SourceDay> days = jdbc.sql("""
                        select source, day, received, rated, suspended, duplicates, written_off, replaced,
                               duplicates_conflicting
                        from usage_source_day
                        where day between :from and :to and (cast(:source as text) is null or source = :source)
                        order by day, source""")
                .param("from", from).param("to", to).param("source", source)
                .query((rs, n) -> ReconciliationView.SourceDay.of(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9)))
                .list();
        return new ReconciliationView(from, to, source, days, withPending ? pending(from, to)
                : ReconciliationView.Pending.unavailable(properties.topic(), PARTNER_PENDING));
    }

    /**
     * A partner's counts of its own source; the raw topic's pending records are not: they are of every source (their
     * source is unknown until read), so they would tell the platform's traffic.
     */
    ReconciliationView reconcilePartner(LocalDate from, LocalDate to, String ownSource) {
        return reconcile(from, to, ownSource, false);
    }

    private ReconciliationView.Pending pending(LocalDate from, LocalDate to) {
        String topic = properties.topic();
        try {
            Map<Integer, Long> processed = offsets.all(properties.consumerGroup(), topic);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> earliest = list(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = list(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> position = new HashMap<>();
            List<ReconciliationView.PartitionPosition> positions = new ArrayList<>();
            long total = 0;
            for (TopicPartition partition : partitions) {
                long db = processed.getOrDefault(partition.partition(), DatabaseOffsets.BEGINNING);
                long at = Math.max(db, earliest.get(partition));
                position.put(partition, at);
                long waiting = Math.max(0, latest.get(partition) - at);
                total += waiting;
                positions.add(new ReconciliationView.PartitionPosition(partition.partition(), at,
                        latest.get(partition), waiting));
            }
            List<ReconciliationView.PendingDay> byDay = new ArrayList<>();
            if (total > 0) {
                Map<TopicPartition, Long> dayStart = startOf(from, partitions, latest);
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    Map<TopicPartition, Long> nextStart = startOf(day.plusDays(1), partitions, latest);
                    long records = 0;
                    for (TopicPartition partition : partitions) {
                        long begin = Math.max(position.get(partition), dayStart.get(partition));
                        records += Math.max(0, nextStart.get(partition) - begin);
                    }
                    if (records > 0) {
                        byDay.add(new ReconciliationView.PendingDay(day, records));
                    }
                    dayStart = nextStart;
                }
            }
            return new ReconciliationView.Pending(topic, total, byDay, positions, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ReconciliationView.Pending.unavailable(topic, "interrupted");
        } catch (Exception unavailable) {
            return ReconciliationView.Pending.unavailable(topic, "the broker did not answer: " + unavailable);
        }
    }

    /** The first offset of each partition whose timestamp is at or after the start of {@code day} (UTC). */
    private Map<TopicPartition, Long> startOf(LocalDate day, List<TopicPartition> partitions,
                                              Map<TopicPartition, Long> latest) throws Exception {
        long millis = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Map<TopicPartition, Long> found = list(partitions, OffsetSpec.forTimestamp(millis));
        found.replaceAll((partition, offset) -> offset < 0 ? latest.get(partition) : offset);
        return found;
    }

    private Map<TopicPartition, Long> list(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
