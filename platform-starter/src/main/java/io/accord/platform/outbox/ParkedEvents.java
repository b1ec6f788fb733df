package io.accord.platform.outbox;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Parked outbox rows for ops: list, retry (back into the relay), discard (never published). Every action audited. */
class ParkedEvents {

    static final String RESOURCE_TYPE = "outbox-event";
    private static final String COLUMNS = """
            id, topic, message_key, sequence, event_type, subject, attempts, failures, last_error, created_at,
            parked_at, payload""";
    private static final String PARKED = "parked_at is not null and sent_at is null";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    ParkedEvents(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Oldest first: the order in which they hold up their keys. */
    PagedQuery.Slice<ParkedEvent> list(int offset, int limit) {
        return PagedQuery.from(jdbc, "outbox_event where " + PARKED).select(COLUMNS).orderBy("created_at, id")
                .slice(offset, limit, (rs, row) -> parked(rs));
    }

    /** Back to the relay with a fresh count of failures; it is published before the later rows of its key. */
    ParkedEvent retry(UUID id) {
        return transactions.execute(status -> {
            ParkedEvent before = lockParked(id);
            jdbc.sql("""
                            update outbox_event set parked_at = null, failures = 0, next_attempt_at = null
                            where id = :id""")
                    .param("id", id).update();
            audit.record(partner(before), RESOURCE_TYPE, id.toString(), "outbox-event-retried", withoutPayload(before),
                    Map.of("parked", false));
            return before;
        });
    }

    /** Deleted without being published, so the later rows of its key flow on; the trail keeps its payload. */
    ParkedEvent discard(UUID id, String reason) {
        return transactions.execute(status -> {
            ParkedEvent before = lockParked(id);
            jdbc.sql("delete from outbox_event where id = :id").param("id", id).update();
            audit.record(partner(before), RESOURCE_TYPE, id.toString(), "outbox-event-discarded", before,
                    Map.of("discarded", true, "reason", reason));
            return before;
        });
    }

    private ParkedEvent lockParked(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_event where id = :id and " + PARKED + " for update")
                .param("id", id).query((rs, row) -> parked(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Parked outbox event", id));
    }

    private static ParkedEvent withoutPayload(ParkedEvent event) {
        return new ParkedEvent(event.id(), event.topic(), event.key(), event.sequence(), event.type(),
                event.subject(), event.attempts(), event.failures(), event.lastError(), event.createdAt(),
                event.parkedAt(), null);
    }

    private static PartnerId partner(ParkedEvent event) {
        return Optional.ofNullable(event.subject()).flatMap(subject -> {
            try {
                return Optional.of(PartnerId.of(subject));
            } catch (IllegalArgumentException notAPartner) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static ParkedEvent parked(ResultSet rs) throws SQLException {
        return new ParkedEvent(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getString("message_key"),
                rs.getLong("sequence"), rs.getString("event_type"), rs.getString("subject"), rs.getInt("attempts"),
                rs.getInt("failures"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("parked_at").toInstant(), rs.getString("payload"));
    }
}
