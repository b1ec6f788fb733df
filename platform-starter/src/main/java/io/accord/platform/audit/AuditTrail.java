package io.accord.platform.audit;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.CorrelationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail: who changed which resource, how (before and after as JSON), when, under which
 * correlation id. Recorded in the same transaction as the change, so there is no change without its row.
 * The actor is recorded twice: by user name (readable) and by the token's subject id (which a user cannot change).
 * The database chains every entry to the one before it (hash chain, see {@code db/platform/V8__audit_hash_chain.sql}).
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
        jdbc.sql("""
                        insert into audit_event (actor, actor_id, partner_id, resource_type, resource_id, action,
                                                 before_state, after_state, correlation_id)
                        values (:actor, :actorId, :partner, :type, :resource, :action, cast(:before as jsonb),
                                cast(:after as jsonb), :correlationId)
                        """)
                .param("actor", tenancy.actor())
                .param("actorId", actorId())
                .param("partner", partner == null ? null : partner.value())
                .param("type", resourceType)
                .param("resource", resourceId)
                .param("action", action)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("correlationId", CorrelationId.current())
                .update();
    }

    /** The token's immutable subject ({@code sub}); {@code null} for work no user started. */
    private static String actorId() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? token.getToken().getSubject() : null;
    }
}
