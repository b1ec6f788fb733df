package io.accord.platform.partner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's local view of partners and their status, kept from {@code partner.events.v1} (never a call to
 * onboarding) when {@code accord.platform.partner-view.enabled=true}. Order-safe: each row holds the sequence of
 * the newest event applied, so a late, older event changes nothing; a status change that overtakes the partner's
 * activation is kept as a placeholder (no legal name) that the activation completes.
 *
 * <p>The service owns the table (its own Flyway migration, so it stays in the service's version range):
 * <pre>{@code
 * create table partner_view (id uuid primary key, legal_name varchar(200), status varchar(20) not null,
 *                            updated_at timestamptz not null, sequence bigint);
 * }</pre>
 */
public class PartnerView {

    private final JdbcClient jdbc;

    public PartnerView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner whose activation this service has seen (a placeholder for an early status change is not one). */
    @Transactional(readOnly = true)
    public Optional<PartnerStatus> find(UUID id) {
        return jdbc.sql("select id, legal_name, status, updated_at from partner_view where id = :id "
                        + "and legal_name is not null")
                .param("id", id)
                .query((rs, row) -> new PartnerStatus(rs.getObject("id", UUID.class), rs.getString("legal_name"),
                        rs.getString("status"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Why a partner may not act in this service, for a 409's detail: its status when this service knows it, or, when
     * no activation has reached this service (yet), that partners arrive through onboarding's events, usually within
     * seconds of their approval, so that a caller acting right after an approval (or while the broker is down) knows
     * to try again rather than to doubt the partner's id.
     *
     * @param action what the partner may not do, e.g. "submit offerings"
     */
    public static String notActive(UUID id, Optional<PartnerStatus> partner, String action) {
        return partner.map(known -> "Partner " + id + " is " + known.status() + ": only ACTIVE partners may "
                        + action)
                .orElse("Partner " + id + " is not known here yet: partners arrive through onboarding's events "
                        + "(partner.events.v1), usually within seconds of their approval. If it was approved just "
                        + "now, try again shortly; otherwise check the partner id");
    }

    /**
     * How we go to market with the partner ({@code RESELL}, {@code SELL_THROUGH}, {@code CO_CREATE}), as its
     * activation announced it; empty when unknown (no activation seen, or one applied before the view kept it).
     */
    @Transactional(readOnly = true)
    public Optional<String> businessModel(UUID id) {
        return jdbc.sql("select business_model from partner_view where id = :id and business_model is not null")
                .param("id", id).query(String.class).optional();
    }

    /** The activation's facts complete the row whenever they arrive; its ACTIVE status only if it is the newest. */
    void activated(UUID id, String legalName, String businessModel, Long sequence, Instant at) {
        int updated = jdbc.sql("""
                        update partner_view set legal_name = :name,
                               business_model = coalesce(cast(:model as varchar), business_model),
                               status = case when :newest then 'ACTIVE' else status end,
                               updated_at = case when :newest then :at else updated_at end,
                               sequence = case when :newest and cast(:sequence as bigint) is not null
                                               then :sequence else sequence end
                        where id = :id
                        """)
                .param("id", id).param("name", legalName).param("model", businessModel)
                .param("newest", newer(id, sequence)).param("at", timestamp(at)).param("sequence", sequence).update();
        if (updated == 0) {
            insert(id, legalName, PartnerStatus.ACTIVE, sequence, at);
            jdbc.sql("update partner_view set business_model = cast(:model as varchar) where id = :id")
                    .param("id", id).param("model", businessModel).update();
        }
    }

    /**
     * Applied only if newer than what the row holds; before the activation it makes a placeholder.
     *
     * @return whether an existing row's status was changed (a placeholder made or a stale event: false)
     */
    boolean statusChanged(UUID id, String status, Long sequence, Instant at) {
        if (!exists(id)) {
            insert(id, null, status, sequence, at);
            return false;
        } else if (newer(id, sequence)) {
            jdbc.sql("""
                            update partner_view set status = :status, updated_at = :at,
                                   sequence = coalesce(cast(:sequence as bigint), sequence)
                            where id = :id
                            """)
                    .param("id", id).param("status", status).param("at", timestamp(at)).param("sequence", sequence)
                    .update();
            return true;
        }
        return false;
    }

    boolean newer(UUID id, Long sequence) {
        Long held = jdbc.sql("select sequence from partner_view where id = :id").param("id", id)
                .query((rs, row) -> rs.getObject("sequence", Long.class)).optional().orElse(null);
        return sequence == null || held == null || sequence > held;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from partner_view where id = :id").param("id", id).query(Long.class)
                .single() > 0;
    }

    private void insert(UUID id, String legalName, String status, Long sequence, Instant at) {
        jdbc.sql("""
                        insert into partner_view (id, legal_name, status, updated_at, sequence)
                        values (:id, :name, :status, :at, :sequence)
                        """)
                .param("id", id).param("name", legalName).param("status", status).param("at", timestamp(at))
                .param("sequence", sequence).update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
