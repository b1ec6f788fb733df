package io.accord.platform.hub;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the hub knows of partners' status ({@code hub_partner_status}, kept by {@link HubPartnerEvents} from
 * {@code partner.events.v1}) and what follows from it:
 * <ul>
 *   <li>SUSPENDED: the partner's subscriptions stay as they are and events are still recorded for them, but the
 *       relay leases none of them ({@link Deliveries#claim}): deliveries are <em>held</em> and go out, in order,
 *       once the partner is ACTIVE again. Registering is refused meanwhile.</li>
 *   <li>TERMINATED: every subscription of the partner is disabled with a {@code statusReason}, its pending
 *       deliveries are given up (dead), and it stays disabled: enabling it and registering are refused.</li>
 * </ul>
 * A partner without a row was never suspended or terminated as far as this service knows: ACTIVE.
 */
class HubPartners {

    static final String ACTIVE = "ACTIVE";
    static final String SUSPENDED = "SUSPENDED";
    static final String TERMINATED = "TERMINATED";

    private static final Logger log = LoggerFactory.getLogger(HubPartners.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    HubPartners(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The partner's status as the hub knows it; empty: ACTIVE (never suspended or terminated here). */
    Optional<String> status(PartnerId partner) {
        return jdbc.sql("select status from hub_partner_status where partner_id = :id")
                .param("id", partner.value()).query(String.class).optional();
    }

    /**
     * Serialises the partner's status changes with its registrations until the transaction ends: a registration
     * racing the partner's termination either sees it (409) or is seen by it (and disabled with the others).
     */
    void lock(UUID partner) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "hub-partner:" + partner)
                .query().listOfRows();
    }

    /** 409 unless the partner is ACTIVE as far as the hub knows; call it after {@link #lock}. */
    void requireActive(PartnerId partner, String action) {
        status(partner).filter(status -> !ACTIVE.equals(status)).ifPresent(status -> {
            throw new ConflictException("Partner " + partner + " is " + status + ": only ACTIVE partners may "
                    + action + ".");
        });
    }

    /**
     * Applies a status change, in the transaction consuming it, unless the hub holds a newer one (by
     * {@code sequence}; {@code null}: unnumbered, applied). A termination disables the partner's subscriptions.
     *
     * @return whether it was applied
     */
    boolean statusChanged(UUID partner, String status, Long sequence, Instant at) {
        lock(partner);
        int applied = jdbc.sql("""
                        insert into hub_partner_status (partner_id, status, sequence, changed_at)
                        values (:id, :status, :sequence, :at)
                        on conflict (partner_id) do update
                            set status = excluded.status, changed_at = excluded.changed_at,
                                sequence = coalesce(excluded.sequence, hub_partner_status.sequence)
                            where excluded.sequence is null or hub_partner_status.sequence is null
                               or excluded.sequence > hub_partner_status.sequence""")
                .param("id", partner).param("status", status).param("sequence", sequence)
                .param("at", Timestamp.from(at)).update();
        if (applied == 0) {
            log.info("Hub: partner {} status {} (sequence {}) is older than what the hub holds; ignored", partner,
                    status, sequence);
            return false;
        }
        if (TERMINATED.equals(status)) {
            terminated(new PartnerId(partner), at);
        } else {
            long subscriptions = jdbc.sql("select count(*) from hub_subscription where partner_id = :id")
                    .param("id", partner).query(Long.class).single();
            log.info("Hub: partner {} is {}: deliveries to its {} subscription(s) {}", partner, status,
                    subscriptions, ACTIVE.equals(status) ? "go out (again)" : "are held until it is ACTIVE again");
        }
        return true;
    }

    /** Every subscription of the partner disabled for good, its pending deliveries given up; each one audited. */
    private void terminated(PartnerId partner, Instant at) {
        Instant now = clock.instant();
        String reason = "Disabled: partner " + partner + " was terminated (" + at + "); a terminated partner's "
                + "subscriptions receive nothing and cannot be re-enabled";
        List<Map<String, Object>> before = jdbc.sql("""
                        select id, status, status_reason from hub_subscription where partner_id = :id
                        order by created_at, id for update""")
                .param("id", partner.value()).query().listOfRows();
        if (before.isEmpty()) {
            log.info("Hub: partner {} is TERMINATED; it has no hub subscription here", partner);
            return;
        }
        jdbc.sql("""
                        update hub_subscription set status = 'disabled', status_reason = :reason,
                               next_attempt_at = null,
                               disabled_at = case when status = 'disabled' then disabled_at else :now end
                        where partner_id = :id""")
                .param("reason", reason).param("now", Timestamp.from(now)).param("id", partner.value()).update();
        int givenUp = jdbc.sql("""
                        update hub_delivery set dead_at = :now, last_error = 'the partner was terminated'
                        where subscription_id in (select id from hub_subscription where partner_id = :id)
                          and delivered_at is null and dead_at is null""")
                .param("now", Timestamp.from(now)).param("id", partner.value()).update();
        for (Map<String, Object> row : before) {
            Map<String, Object> was = new LinkedHashMap<>();
            was.put("status", row.get("status"));
            was.put("statusReason", row.get("status_reason"));
            audit.record(partner, HubSubscriptions.RESOURCE_TYPE, row.get("id").toString(),
                    "hub-subscription-disabled", was, Map.of("status", "disabled", "statusReason", reason));
        }
        log.warn("Hub: partner {} is TERMINATED: its {} subscription(s) {} are disabled for good, {} pending "
                        + "deliveries given up", partner, before.size(), before.stream().map(row -> row.get("id"))
                .toList(), givenUp);
    }
}
