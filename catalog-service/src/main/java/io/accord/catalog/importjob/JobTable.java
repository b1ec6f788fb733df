package io.accord.catalog.importjob;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.PartnerId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What import and export jobs do alike with their table ({@code import_job}, {@code export_job}: same owner, status,
 * creation date and lease columns): page a caller's jobs, and claim the next due job under a lease.
 */
public final class JobTable {

    private final JdbcClient jdbc;
    private final String table;
    private final String columns;

    /** @param table and {@code columns} are the caller's constants, never request input */
    public JobTable(JdbcClient jdbc, String table, String columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
    }

    /** A partner's jobs (or the CSP's, {@code owner} null), or everyone's for staff ({@code all}); newest first. */
    public <T> Page<T> list(PartnerId owner, boolean all, Pageable page, RowMapper<T> rows) {
        return list(owner, all, Set.of(), page, rows);
    }

    /** As {@link #list(PartnerId, boolean, Pageable, RowMapper)}: only the jobs in one of {@code statuses}, if any. */
    public <T> Page<T> list(PartnerId owner, boolean all, Set<JobStatus> statuses, Pageable page, RowMapper<T> rows) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!all) {
            conditions.add(owner == null ? "owner_partner_id is null" : "owner_partner_id = :owner");
        }
        if (!all && owner != null) {
            params.put("owner", owner.value());
        }
        if (!statuses.isEmpty()) {
            conditions.add("status in (:statuses)");
            params.put("statuses", statuses.stream().map(JobStatus::label).toList());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return PagedQuery.from(jdbc, table + where).params(params).select(columns).orderBy("creation_date desc, id")
                .page(page, rows);
    }

    /**
     * Takes the oldest job that is due and not leased by a live runner, for {@code lease}. In its own short
     * transaction; {@code SKIP LOCKED} lets replicas claim different jobs at once.
     *
     * @param markRunning also set the job's status to {@code Running} (export; import reports its phases itself)
     */
    public Optional<UUID> claimNext(UUID token, Duration lease, boolean markRunning) {
        Optional<UUID> due = jdbc.sql("select id from " + table + " where status in ('Not Started', 'Running')"
                        + " and (lease_until is null or lease_until < now()) order by creation_date limit 1"
                        + " for update skip locked")
                .query(UUID.class).optional();
        due.ifPresent(id -> jdbc.sql("update " + table + " set lease_owner = :token,"
                        + (markRunning ? " status = 'Running'," : "")
                        + " lease_until = now() + make_interval(secs => :seconds) where id = :id")
                .param("token", token).param("seconds", lease.toSeconds()).param("id", id).update());
        return due;
    }
}
