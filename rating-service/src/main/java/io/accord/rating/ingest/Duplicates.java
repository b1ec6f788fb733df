package io.accord.rating.ingest;

import io.accord.platform.persistence.PagedQuery;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The duplicates the reconciliation counts (docs/rating-pipeline.md, "Duplicates"): every copy of a record received
 * again with a source + usage id seen before, by the day it was received (the reconciliation's day), with the input it
 * came through, whether its content differs from the original's, and the original: the record the first occurrence
 * became (its first suspense record, else its first rating), as the usage fate names it.
 */
class Duplicates {

    private final JdbcClient jdbc;

    Duplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param source      only this source ({@code null}: every source)
     * @param conflicting only those whose content differs from the original's ({@code false}: all)
     */
    record Filter(LocalDate from, LocalDate to, String source, boolean conflicting) {
    }

    /**
     * One copy received again.
     *
     * @param channel     KAFKA, REST, FILE or RECYCLE; {@code null} for a REST or file copy received before V98
     * @param conflicting whether its content differs from the original's; {@code null}: not known (the original was
     *                    received before V98, which began keeping content digests)
     * @param original    what the first occurrence became; {@code null} when nothing is kept of it (a record whose
     *                    identity was read but that was set aside before it claimed its key is not)
     */
    @Schema(name = "UsageDuplicate")
    record Item(UUID duplicateId, String source, String usageId, LocalDate receivedDay, Instant receivedAt,
                Instant detectedAt, String channel, Integer kafkaPartition, Long kafkaOffset, Boolean conflicting,
                Original original) {
    }

    /** The first occurrence: {@code kind} SUSPENSE (a suspense id) or RATED (a rated id), and when it was received. */
    @Schema(name = "UsageDuplicateOriginal")
    record Original(String kind, UUID id, Instant receivedAt) {
    }

    Page<Item> list(Filter filter, Pageable page) {
        return PagedQuery.from(jdbc, """
                        usage_duplicate d
                        where d.received_day between :from and :to
                          and (cast(:source as text) is null or d.source = :source)
                          and (not :conflicting or d.conflicting)""")
                .param("from", filter.from()).param("to", filter.to()).param("source", filter.source())
                .param("conflicting", filter.conflicting())
                // the original per row of the page only (scalar subqueries are not part of the count)
                .select("""
                        d.duplicate_id, d.source, d.usage_id, d.received_day, d.received_at, d.detected_at, d.channel,
                        d.kafka_partition, d.kafka_offset, d.conflicting,
                        (select s.suspense_id from usage_suspense s where s.source = d.source
                           and s.usage_id = d.usage_id order by s.suspended_at, s.suspense_id limit 1) as suspense_id,
                        (select s.received_at from usage_suspense s where s.source = d.source
                           and s.usage_id = d.usage_id order by s.suspended_at, s.suspense_id limit 1)
                           as suspense_received_at,
                        (select r.rated_id from usage_rated r where r.usage_id = d.usage_id and r.source = d.source
                           and r.kind = 'RATED' order by r.seq limit 1) as rated_id,
                        (select r.received_at from usage_rated r where r.usage_id = d.usage_id and r.source = d.source
                           and r.kind = 'RATED' order by r.seq limit 1) as rated_received_at""")
                .orderBy("d.received_at, d.duplicate_id")
                .page(page, Duplicates::item);
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        UUID suspense = rs.getObject("suspense_id", UUID.class);
        UUID rated = rs.getObject("rated_id", UUID.class);
        Original original = suspense != null
                ? new Original("SUSPENSE", suspense, instant(rs.getTimestamp("suspense_received_at")))
                : rated != null ? new Original("RATED", rated, instant(rs.getTimestamp("rated_received_at"))) : null;
        return new Item(rs.getObject("duplicate_id", UUID.class), rs.getString("source"), rs.getString("usage_id"),
                rs.getObject("received_day", LocalDate.class), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("detected_at")), rs.getString("channel"),
                rs.getObject("kafka_partition", Integer.class), rs.getObject("kafka_offset", Long.class),
                rs.getObject("conflicting", Boolean.class), original);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
