package io.accord.platform.audit;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.CorrelationId;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only audit trail: who changed which resource, how (before and after as JSON), when, under which
 * correlation id. Recorded in the same transaction as the change, so there is no change without its row.
 * The actor is recorded twice: by user name (readable) and by the token's subject id (which a user cannot change).
 * The database seals committed entries into a hash chain shortly after their commit ({@link AuditSealer}, see
 * {@code db/platform/V12__audit_chain_links.sql}); an insert takes no shared lock, so audited transactions
 * commit in parallel.
 *
 * <p>{@link #record} captures the entry at once (actor, correlation id, before and after as JSON) but inserts it
 * just before the transaction commits, after the transaction's own work and any other before-commit work: a
 * rolled-back transaction writes no entry at all (nor uses up an id), and an entry's {@code occurred_at} (the
 * database's clock at the insert) is close to its commit, which is what the verification's bound on unsealed
 * entries measures from. Entries of one transaction keep their order.
 */
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Tenancy tenancy;

    public AuditTrail(JdbcClient jdbc, JsonMapper json, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenancy = tenancy;
    }

    /**
     * @param partner the partner the resource belongs to ({@code null} for platform-wide resources)
     * @param before  the resource's state before the change ({@code null} on creation), any JSON-mappable value
     * @param after   its state after ({@code null} on deletion)
     */
    public void record(PartnerId partner, String resourceType, String resourceId, String action, Object before,
                       Object after) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("AuditTrail.record needs the transaction of the change it records");
        }
        Entry entry = new Entry(tenancy.actor(), tenancy.subject().orElse(null), partner == null ? null : partner.value(), resourceType,
                resourceId, action, before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after), CorrelationId.current());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(entry);
            return;
        }
        pending().add(entry);
    }

    /**
     * Like {@link #record}, but without the personal data of {@code before} and {@code after}: the trail is
     * append-only and hash-chained, so a value written to it can never be erased (GDPR Art. 17). The values at
     * {@code personalFields} (property names of the states as JSON, dotted for nested ones; an object field stands
     * for each of its values) are replaced by {@code "(personal data, not audited)"} where set, and the after state
     * (the before state on a deletion) lists the names of those whose value changed in {@code personalDataChanged}.
     * The resource's id stays, so the entry still says who was changed, and when, by whom; the values are in the
     * resource itself, which can be erased.
     */
    public void recordWithoutPersonalData(PartnerId partner, String resourceType, String resourceId, String action,
                                          Object before, Object after, java.util.Collection<String> personalFields) {
        tools.jackson.databind.JsonNode[] redacted = PersonalDataRedaction.redact(
                before == null ? null : json.valueToTree(before), after == null ? null : json.valueToTree(after),
                personalFields);
        record(partner, resourceType, resourceId, action, redacted[0], redacted[1]);
    }

    /**
     * Records a refused request on its own: called outside the refused work's transaction (which rolled back and so
     * left no entry), in a transaction of its own ({@link RefusedRequests}).
     */
    void recordRefusal(PartnerId partner, String resourceId, Object details) {
        insert(new Entry(tenancy.actor(), tenancy.subject().orElse(null), partner == null ? null : partner.value(),
                RefusedRequests.RESOURCE_TYPE, resourceId, RefusedRequests.ACTION, null,
                json.writeValueAsString(details), CorrelationId.current()));
    }

    /**
     * This transaction's entries: found among its synchronizations (not as a bound resource, which a transaction
     * started inside it with {@code REQUIRES_NEW} would see too), registered on the first entry.
     */
    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.trail() == this) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private void insert(Entry entry) {
        insert(List.of(entry));
    }

    /**
     * The most entries written by one statement: each takes nine parameters, and PostgreSQL's protocol allows at most
     * 65,535 per statement (a catalog import chunk of more than about 7,280 offerings would have failed whole).
     */
    static final int ENTRIES_PER_STATEMENT = 5_000;

    /** The entries in as few statements (round trips) as the parameter limit allows, in their order. */
    private void insert(List<Entry> entries) {
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_STATEMENT) {
            insertAtOnce(entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_STATEMENT)));
        }
    }

    private void insertAtOnce(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            rows.append(i == 0 ? "" : ",\n       ").append(("(:actor%1$d, :actorId%1$d, :partner%1$d, :type%1$d, "
                    + ":resource%1$d, :action%1$d, cast(:before%1$d as jsonb), cast(:after%1$d as jsonb), "
                    + ":correlationId%1$d)").formatted(i));
        }
        JdbcClient.StatementSpec statement = jdbc.sql("""
                insert into audit_event (actor, actor_id, partner_id, resource_type, resource_id, action,
                                         before_state, after_state, correlation_id)
                values\s""" + rows);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            statement = statement
                    .param("actor" + i, entry.actor())
                    .param("actorId" + i, entry.actorId())
                    .param("partner" + i, entry.partner())
                    .param("type" + i, entry.resourceType())
                    .param("resource" + i, entry.resourceId())
                    .param("action" + i, entry.action())
                    .param("before" + i, entry.before())
                    .param("after" + i, entry.after())
                    .param("correlationId" + i, entry.correlationId());
        }
        statement.update();
    }

    private record Entry(String actor, String actorId, UUID partner, String resourceType, String resourceId,
                         String action, String before, String after, String correlationId) {
    }

    /**
     * One transaction's entries, inserted before it commits; later ones (another hook's) go in at once. A rollback to
     * a savepoint drops the entries recorded after it (savepoints the transaction's code sets through its
     * transaction status, or announces to the synchronizations as Spring does).
     */
    private final class Pending implements TransactionSynchronization {

        private final List<Entry> entries = new ArrayList<>();
        /** How many entries there were when each savepoint (known to this) was set. */
        private final Map<Object, Integer> savepoints = new IdentityHashMap<>();
        private boolean inserted;

        AuditTrail trail() {
            return AuditTrail.this;
        }

        void add(Entry entry) {
            if (inserted) {
                insert(entry);
            } else {
                entries.add(entry);
            }
        }

        @Override
        public void savepoint(Object savepoint) {
            savepoints.put(savepoint, entries.size());
        }

        @Override
        public void savepointRollback(Object savepoint) {
            // a savepoint set before the first entry (before this was registered) drops them all
            int kept = savepoints.getOrDefault(savepoint, 0);
            if (!inserted && kept < entries.size()) {
                entries.subList(kept, entries.size()).clear();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            inserted = true;
            // all of the transaction's entries in one round trip, in the order they were recorded
            insert(List.copyOf(entries));
            entries.clear();
        }
    }
}
