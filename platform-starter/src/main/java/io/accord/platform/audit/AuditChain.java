package io.accord.platform.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks this service's audit hash chain and recomputes every link, independently of the database function that
 * wrote it: the same canonical form ({@code db/platform/V8__audit_hash_chain.sql}) built in Java from the values
 * as PostgreSQL returns them (timestamps to the microsecond, jsonb in its normalised text form). Reads the chain
 * in pages of {@value #PAGE} entries by position, so memory does not grow with the trail. Only entries up to the
 * chain head read first are checked, so entries sealed during the walk do not count as breaks.
 *
 * <p>The links (position, previous hash, entry hash) are rows of {@code audit_chain_link}, one per sealed entry
 * ({@code db/platform/V12__audit_chain_links.sql}). Entries not yet sealed (on the {@code audit_unsealed} queue)
 * are reported as pending, with the age of the oldest; one older than {@code overdueAfter} fails the
 * verification (the sealer is not running, and the entry is not tamper-evident), naming it. An entry neither
 * linked nor queued, or a link beyond the head, is "not part of the chain".
 */
class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final int PAGE = 500;

    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private final JdbcClient jdbc;
    private final Duration overdueAfter;

    AuditChain(JdbcClient jdbc, Duration overdueAfter) {
        this.jdbc = jdbc;
        this.overdueAfter = overdueAfter;
    }

    AuditVerification verify() {
        return verify(null);
    }

    /**
     * Walks the chain; with an {@code anchor} (a head position and hash an auditor recorded outside the database
     * earlier) also checks that the entry at that position still has that hash: a chain rewritten as a whole (every
     * hash recomputed) is whole again, but no longer matches an anchor taken before the rewrite.
     */
    AuditVerification verify(Anchor anchor) {
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query().listOfRows().stream().findFirst().orElse(null);
        Long headPosition = head == null ? null : ((Number) head.get("last_seq")).longValue();
        String headHash = head == null ? null : (String) head.get("last_hash");
        AuditVerification chain = verifyChain(headPosition, headHash).withHead(headPosition, headHash);
        Map<String, Object> pending = jdbc.sql("""
                        select count(*) as pending,
                               floor(extract(epoch from clock_timestamp() - min(e.occurred_at)) * 1000) as oldest_age
                        from audit_unsealed u join audit_event e on e.id = u.event_id""")
                .query().singleRow();
        long count = ((Number) pending.get("pending")).longValue();
        Long oldestAge = pending.get("oldest_age") == null ? null
                : Math.max(0, ((Number) pending.get("oldest_age")).longValue());
        if (chain.verified() && oldestAge != null && oldestAge > overdueAfter.toMillis()) {
            Long oldest = jdbc.sql("""
                            select e.id from audit_unsealed u join audit_event e on e.id = u.event_id
                            order by e.occurred_at, e.id limit 1""")
                    .query(Long.class).optional().orElse(null);
            chain = AuditVerification.broken(chain.entries(), oldest, "The entry has waited " + oldestAge
                    + " ms to be sealed into the chain, longer than " + overdueAfter.toMillis()
                    + " ms: the sealer is not running or keeps failing, and until it is sealed the entry is not"
                    + " tamper-evident.");
        }
        chain = chain.withPending(count, oldestAge);
        return anchor == null ? chain : checkAnchor(chain, anchor);
    }

    private AuditVerification checkAnchor(AuditVerification chain, Anchor anchor) {
        List<Map<String, Object>> links = jdbc.sql(
                        "select event_id, entry_hash from audit_chain_link where chain_seq = :position")
                .param("position", anchor.position()).query().listOfRows();
        if (links.isEmpty() || chain.headPosition() == null || anchor.position() > chain.headPosition()) {
            return chain.withAnchor(false, null, "The chain holds no entry at the anchored position "
                    + anchor.position() + " (its head is at " + chain.headPosition() + "): it was cut back or"
                    + " rewritten since the anchor was taken.");
        }
        Long entry = ((Number) links.getFirst().get("event_id")).longValue();
        boolean matches = anchor.hash().equalsIgnoreCase((String) links.getFirst().get("entry_hash"));
        return chain.withAnchor(matches, entry, "The entry at the anchored position " + anchor.position()
                + " no longer has the anchored hash: the chain up to it was rewritten since the anchor was taken.");
    }

    /** A chain position and the entry hash an auditor recorded there (from headPosition and headHash). */
    record Anchor(long position, String hash) {
    }

    private AuditVerification verifyChain(Long headPosition, String headHash) {
        if (headPosition == null) {
            return AuditVerification.broken(0, null, "The chain head is missing.");
        }
        long position = 0;
        String previousHash = GENESIS;
        while (position < headPosition) {
            List<Link> page = jdbc.sql("""
                            select e.*, l.chain_seq, l.previous_hash, l.entry_hash
                            from audit_chain_link l join audit_event e on e.id = l.event_id
                            where l.chain_seq > :after and l.chain_seq <= :head
                            order by l.chain_seq limit :page""")
                    .param("after", position).param("head", headPosition).param("page", PAGE)
                    .query((rs, row) -> Link.of(rs)).list();
            if (page.isEmpty()) {
                break;
            }
            for (Link link : page) {
                if (link.position() != position + 1) {
                    return AuditVerification.broken(position, link.id(), "Chain position " + (position + 1)
                            + " is missing before this entry: an entry was deleted.");
                }
                if (!previousHash.equals(link.previousHash())) {
                    return AuditVerification.broken(position, link.id(),
                            "The entry's previous hash does not match the entry before it.");
                }
                if (!digest(link).equals(link.entryHash())) {
                    return AuditVerification.broken(position, link.id(),
                            "The entry's content does not match its hash: it was changed after it was written.");
                }
                position = link.position();
                previousHash = link.entryHash();
            }
        }
        if (position != headPosition || !previousHash.equals(headHash)) {
            return AuditVerification.broken(position, null, "The chain ends at position " + position
                    + " but its head records position " + headPosition + ": the newest entries are missing.");
        }
        Long forged = jdbc.sql("""
                        select min(event_id) from audit_chain_link
                        where chain_seq > (select last_seq from audit_chain_head where id = 1)""")
                .query(Long.class).optional().orElse(null);
        if (forged != null) {
            return AuditVerification.broken(position, forged, "The entry is not part of the chain: it was"
                    + " linked past the sealer, at a position beyond the chain's head.");
        }
        Long unchained = jdbc.sql("""
                        select min(e.id) from audit_event e
                        where not exists (select 1 from audit_chain_link l where l.event_id = e.id)
                          and not exists (select 1 from audit_unsealed u where u.event_id = e.id)""")
                .query(Long.class).optional().orElse(null);
        if (unchained != null) {
            return AuditVerification.broken(position, unchained, "The entry is not part of the chain: it is"
                    + " neither sealed nor waiting to be sealed (it was written past the triggers, or taken off"
                    + " the sealing queue).");
        }
        return new AuditVerification(true, position, null, null, 0, null, null, null, null);
    }

    /** SHA-256 (lower-case hex) of the entry's canonical form. */
    static String digest(Link link) {
        StringBuilder canonical = new StringBuilder("accord-audit-v1;");
        for (String field : link.canonicalFields()) {
            if (field == null) {
                canonical.append("~;");
            } else {
                canonical.append(field.codePointCount(0, field.length())).append(':').append(field).append(';');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One chained entry as read back from PostgreSQL. */
    record Link(long id, long position, OffsetDateTime occurredAt, String actor, String actorId, UUID partnerId,
                String resourceType, String resourceId, String action, String before, String after,
                String correlationId, String previousHash, String entryHash) {

        static Link of(ResultSet rs) throws SQLException {
            return new Link(rs.getLong("id"), rs.getLong("chain_seq"),
                    rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                    rs.getString("actor_id"), rs.getObject("partner_id", UUID.class), rs.getString("resource_type"),
                    rs.getString("resource_id"), rs.getString("action"), rs.getString("before_state"),
                    rs.getString("after_state"), rs.getString("correlation_id"), rs.getString("previous_hash"),
                    rs.getString("entry_hash"));
        }

        List<String> canonicalFields() {
            return Arrays.asList(Long.toString(position), Long.toString(id),
                    occurredAt.withOffsetSameInstant(ZoneOffset.UTC).format(MICROSECONDS), actor, actorId,
                    partnerId == null ? null : partnerId.toString(), resourceType, resourceId, action, before, after,
                    correlationId, previousHash);
        }
    }
}
