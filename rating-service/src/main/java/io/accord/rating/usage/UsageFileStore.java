package io.accord.rating.usage;

import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.persistence.StorableText;
import io.accord.platform.upload.FileChunks;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The CDR file jobs in PostgreSQL: the job rows, their stored files, their row errors, and the runners' leases. */
class UsageFileStore {

    /** Every caller's jobs (staff); a partner's owner is its id. */
    static final String EVERYONE = "*";

    private static final String COLUMNS = """
            id, owner, own_source, submitted_by, file_name, file_size, state, rows_read, rated, suspended, duplicates,
            invalid, attempts, failure, created_at, started_at, completed_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final FileChunks files;

    UsageFileStore(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.files = new FileChunks(jdbc, "usage_file_chunk");
    }

    FileChunks files() {
        return files;
    }

    /** Inserts a new job, leased to {@code token} (its uploader runs it at once, or lets it go for the runner). */
    void create(UsageFileJob job, UUID token, Duration lease) {
        jdbc.sql("""
                        insert into usage_file_job (id, owner, own_source, submitted_by, file_name, file_size, state,
                            created_at, updated_at, lease_owner, lease_until)
                        values (:id, :owner, :ownSource, :by, :fileName, :fileSize, :state, :at, :at, :token,
                            now() + make_interval(secs => :seconds))""")
                .param("id", job.id()).param("owner", job.owner()).param("ownSource", job.ownSource())
                .param("by", job.submittedBy()).param("fileName", job.fileName()).param("fileSize", job.fileSize())
                .param("state", job.state().name()).param("at", Timestamp.from(job.createdAt()))
                .param("token", token).param("seconds", lease.toSeconds()).update();
    }

    void sized(UUID id, long fileSize) {
        jdbc.sql("update usage_file_job set file_size = :size where id = :id").param("size", fileSize)
                .param("id", id).update();
    }

    Optional<UsageFileJob> find(UUID id, String owner) {
        return jdbc.sql("select " + COLUMNS + " from usage_file_job where id = :id"
                        + " and (:owner = '*' or owner = :owner)")
                .param("id", id).param("owner", owner).query((rs, n) -> job(rs)).optional();
    }

    org.springframework.data.domain.Page<UsageFileJob> page(String owner, UsageFileJob.State state,
                                                            org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, "usage_file_job where (:owner = '*' or owner = :owner)"
                        + " and (cast(:state as text) is null or state = :state)")
                .param("owner", owner).param("state", state == null ? null : state.name())
                .select(COLUMNS).orderBy("created_at desc, id").page(page, (rs, n) -> job(rs));
    }

    /**
     * Takes the oldest job that is due and not leased by a live runner. In its own short transaction;
     * {@code SKIP LOCKED} lets replicas claim different jobs at once.
     */
    Optional<UUID> claimNext(UUID token, Duration lease) {
        Optional<UUID> due = jdbc.sql("""
                        select id from usage_file_job where state in ('QUEUED', 'RUNNING')
                          and (lease_until is null or lease_until < now())
                        order by created_at limit 1 for update skip locked""")
                .query(UUID.class).optional();
        due.ifPresent(id -> jdbc.sql("""
                        update usage_file_job set lease_owner = :token,
                            lease_until = now() + make_interval(secs => :seconds) where id = :id""")
                .param("token", token).param("seconds", lease.toSeconds()).param("id", id).update());
        return due;
    }

    /**
     * Locks the job for the caller's transaction if the caller still holds its lease, renewing it: a chunk is
     * written only by the runner that holds the lease, and never by two at once.
     */
    Optional<UsageFileJob> lockLeased(UUID id, UUID token, Duration lease) {
        int renewed = jdbc.sql("""
                        update usage_file_job set lease_until = now() + make_interval(secs => :seconds)
                        where id = :id and lease_owner = :token and state in ('QUEUED', 'RUNNING')""")
                .param("seconds", lease.toSeconds()).param("id", id).param("token", token).update();
        if (renewed == 0) {
            return Optional.empty();
        }
        return find(id, EVERYONE);
    }

    /** Lets the job go, due again only after {@code wait}: the backoff after a failed attempt. */
    void backOff(UUID id, UUID token, Duration wait) {
        jdbc.sql("""
                        update usage_file_job set lease_owner = null,
                            lease_until = now() + make_interval(secs => :seconds)
                        where id = :id and lease_owner = :token""")
                .param("seconds", wait.toMillis() / 1000.0).param("id", id).param("token", token).update();
    }

    /** The FAILED jobs that failed before {@code cutoff}, the oldest first. */
    List<UUID> failedBefore(Instant cutoff, int limit) {
        return jdbc.sql("select id from usage_file_job where state = 'FAILED' and completed_at < :cutoff"
                        + " order by completed_at limit :limit")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * Locks the job for a user's change (resume, cancel), waiting for a runner's chunk in flight to commit; a job the
     * owner may not see is not found.
     */
    Optional<UsageFileJob> lockForChange(UUID id, String owner) {
        return jdbc.sql("select " + COLUMNS + " from usage_file_job where id = :id"
                        + " and (:owner = '*' or owner = :owner) for update")
                .param("id", id).param("owner", owner).query((rs, n) -> job(rs)).optional();
    }

    /**
     * Takes the job from whichever runner holds it (that runner finds its lease gone at its next chunk and stops
     * there) and makes it due at once.
     */
    void clearLease(UUID id) {
        jdbc.sql("update usage_file_job set lease_owner = null, lease_until = null where id = :id")
                .param("id", id).update();
    }

    void release(UUID id, UUID token) {
        jdbc.sql("update usage_file_job set lease_owner = null, lease_until = null where id = :id"
                        + " and lease_owner = :token")
                .param("id", id).param("token", token).update();
    }

    void update(UsageFileJob job, Instant now) {
        jdbc.sql("""
                        update usage_file_job set state = :state, rows_read = :rowsRead, rated = :rated,
                            suspended = :suspended, duplicates = :duplicates, invalid = :invalid, attempts = :attempts,
                            failure = :failure, started_at = :startedAt, completed_at = :completedAt,
                            updated_at = :now where id = :id""")
                .param("state", job.state().name()).param("rowsRead", job.rowsRead()).param("rated", job.rated())
                .param("suspended", job.suspended()).param("duplicates", job.duplicates())
                .param("invalid", job.invalid()).param("attempts", job.attempts()).param("failure", job.failure())
                .param("startedAt", timestamp(job.startedAt())).param("completedAt", timestamp(job.completedAt()))
                .param("now", Timestamp.from(now)).param("id", job.id()).update();
    }

    /** A data row not rated, as reported in the job's error file. */
    record RowError(long row, long line, String outcome, String usageId, String field, String reason,
                    String detail) {

        /** The file's text it quotes kept as the error file shows it: a NUL written as its escape. */
        RowError {
            usageId = StorableText.of(usageId);
            field = StorableText.of(field);
            detail = StorableText.of(detail);
        }
    }

    void saveErrors(UUID job, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batchJdbc.batchUpdate("""
                        insert into usage_file_error (job_id, row_number, line_number, outcome, usage_id, field,
                            reason, detail)
                        values (:job, :row, :line, :outcome, :usageId, :field, :reason, :detail)""",
                errors.stream().map(error -> new MapSqlParameterSource().addValue("job", job)
                        .addValue("row", error.row()).addValue("line", error.line())
                        .addValue("outcome", error.outcome()).addValue("usageId", error.usageId())
                        .addValue("field", error.field()).addValue("reason", error.reason())
                        .addValue("detail", error.detail())).toArray(MapSqlParameterSource[]::new));
    }

    /** The job's row errors after {@code afterRow}, in row order, at most {@code limit}: the error file is paged. */
    List<RowError> errors(UUID job, long afterRow, int limit) {
        return jdbc.sql("""
                        select row_number, line_number, outcome, usage_id, field, reason, detail from usage_file_error
                        where job_id = :job and row_number > :after order by row_number limit :limit""")
                .param("job", job).param("after", afterRow).param("limit", limit)
                .query((rs, n) -> new RowError(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    private static UsageFileJob job(ResultSet rs) throws SQLException {
        return new UsageFileJob(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("own_source"),
                rs.getString("submitted_by"), rs.getString("file_name"), rs.getLong("file_size"),
                UsageFileJob.State.valueOf(rs.getString("state")), rs.getLong("rows_read"), rs.getLong("rated"),
                rs.getLong("suspended"), rs.getLong("duplicates"), rs.getLong("invalid"), rs.getInt("attempts"),
                rs.getString("failure"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
