package io.accord.catalog.importjob;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.upload.FileChunks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The import job tables, through plain SQL: the runner's per-chunk writes are batched and few. */
@Component
class ImportJobStore {

    private static final String COLUMNS = "id, owner_partner_id, format, mode, dry_run, status, phase, next_row,"
            + " total_rows, file_name, content_type, file_size, attempts, error_log, created_by, creation_date,"
            + " completion_date, last_update";

    private final JdbcClient jdbc;
    private final JobTable table;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final FileChunks files;

    ImportJobStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.table = new JobTable(jdbc, "import_job", COLUMNS);
        this.batch = batch;
        this.json = json;
        this.files = new FileChunks(jdbc, "import_file_chunk");
    }

    FileChunks files() {
        return files;
    }

    void insert(ImportJob job) {
        jdbc.sql("insert into import_job (" + COLUMNS + ") values (:id, :owner, :format, :mode, :dryRun, :status,"
                        + " :phase, :nextRow, :totalRows, :fileName, :contentType, :fileSize, :attempts, :errorLog,"
                        + " :createdBy, :creationDate, :completionDate, :lastUpdate)")
                .param("id", job.id()).param("owner", job.owner() == null ? null : job.owner().value())
                .param("format", job.format().name()).param("mode", job.mode().name())
                .param("dryRun", job.dryRun()).param("status", job.status().label())
                .param("phase", job.phase().name()).param("nextRow", job.nextRow())
                .param("totalRows", job.totalRows()).param("fileName", job.fileName())
                .param("contentType", job.contentType()).param("fileSize", job.fileSize())
                .param("attempts", job.attempts()).param("errorLog", job.errorLog())
                .param("createdBy", job.createdBy())
                .param("creationDate", Timestamp.from(job.creationDate()))
                .param("completionDate", timestamp(job.completionDate()))
                .param("lastUpdate", Timestamp.from(job.lastUpdate()))
                .update();
    }

    /** Who uploaded the job's file: their token's subject, for the rows imported on their behalf. */
    void setCreatedById(UUID job, String subject) {
        jdbc.sql("update import_job set created_by_id = :subject where id = :id").param("subject", subject)
                .param("id", job).update();
    }

    /** The uploader's subject; {@code null} for a job submitted before V42. */
    String createdById(UUID job) {
        return jdbc.sql("select created_by_id from import_job where id = :id").param("id", job).query(String.class)
                .optional().orElse(null);
    }

    void setFileSize(UUID job, long size) {
        jdbc.sql("update import_job set file_size = :size where id = :id").param("size", size).param("id", job)
                .update();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = :id").param("id", id)
                .query(ImportJobStore::job).optional();
    }

    /** The job, its row locked for the caller's transaction (after a runner's chunk in flight). */
    Optional<ImportJob> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = :id for update").param("id", id)
                .query(ImportJobStore::job).optional();
    }

    /** Makes the job due at once for any runner. */
    void clearLease(UUID id) {
        jdbc.sql("update import_job set lease_owner = null, lease_until = null where id = :id").param("id", id)
                .update();
    }

    Page<ImportJob> list(PartnerId owner, boolean all, java.util.Set<JobStatus> statuses, Pageable page) {
        return table.list(owner, all, statuses, page, ImportJobStore::job);
    }

    /**
     * Takes the oldest job that is due and not leased by a live runner, for {@code lease}. In its own short
     * transaction; {@code SKIP LOCKED} lets replicas claim different jobs at once.
     */
    Optional<UUID> claimNext(UUID token, Duration lease) {
        return table.claimNext(token, lease, false);
    }

    /** Takes this job, if it is due and no live runner holds it. */
    boolean claim(UUID id, UUID token, Duration lease) {
        return jdbc.sql("update import_job set lease_owner = :token,"
                        + " lease_until = now() + make_interval(secs => :seconds) where id = :id"
                        + " and status in ('Not Started', 'Running') and (lease_until is null or lease_until < now())")
                .param("token", token).param("seconds", lease.toSeconds()).param("id", id).update() == 1;
    }

    /**
     * Locks the job for the caller's transaction if the caller still holds its lease, renewing it: a chunk is
     * written only by the runner that holds the lease, and never by two at once.
     */
    Optional<ImportJob> lockLeased(UUID id, UUID token, Duration lease) {
        // the update takes the row lock, held to the end of the caller's transaction
        int renewed = jdbc.sql("update import_job set lease_until = now() + make_interval(secs => :seconds)"
                        + " where id = :id and lease_owner = :token and status in ('Not Started', 'Running')")
                .param("seconds", lease.toSeconds()).param("id", id).param("token", token).update();
        return renewed == 0 ? Optional.empty() : find(id);
    }

    /**
     * Lets the job go, due again only after {@code wait}: the back-off after a failed run. Any runner (on any replica)
     * takes it then, as it takes a job whose lease expired.
     */
    void backOff(UUID id, UUID token, Duration wait) {
        jdbc.sql("update import_job set lease_owner = null, lease_until = now() + make_interval(secs => :seconds)"
                        + " where id = :id and lease_owner = :token")
                .param("seconds", wait.toMillis() / 1000.0).param("id", id).param("token", token).update();
    }

    void release(UUID id, UUID token) {
        jdbc.sql("update import_job set lease_owner = null, lease_until = null where id = :id and lease_owner = :token")
                .param("id", id).param("token", token).update();
    }

    void update(ImportJob job) {
        jdbc.sql("update import_job set status = :status, phase = :phase, next_row = :nextRow,"
                        + " total_rows = :totalRows, attempts = :attempts, error_log = :errorLog,"
                        + " completion_date = :completionDate, last_update = :lastUpdate where id = :id")
                .param("status", job.status().label()).param("phase", job.phase().name())
                .param("nextRow", job.nextRow()).param("totalRows", job.totalRows()).param("attempts", job.attempts())
                .param("errorLog", abbreviate(job.errorLog())).param("completionDate", timestamp(job.completionDate()))
                .param("lastUpdate", Timestamp.from(job.lastUpdate())).param("id", job.id())
                .update();
    }

    /** Records (or, in the write pass after a validation pass, replaces) the results of a chunk's rows. */
    void saveResults(UUID job, List<RowResult> results) {
        batch.batchUpdate("insert into import_row_result (job_id, row_number, line_number, external_id, outcome,"
                        + " messages) values (?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (job_id, row_number) do"
                        + " update set line_number = excluded.line_number, external_id = excluded.external_id,"
                        + " outcome = excluded.outcome, messages = excluded.messages",
                results, 1000, (statement, result) -> {
                    statement.setObject(1, job);
                    statement.setInt(2, result.row());
                    statement.setInt(3, result.line());
                    statement.setString(4, abbreviate(result.externalId(), 200));
                    statement.setString(5, result.outcome());
                    statement.setString(6, result.messages().isEmpty() ? null
                            : json.writeValueAsString(result.messages()));
                });
    }

    /** Adds a chunk's rows per outcome to the job's counts (in the chunk's transaction). */
    void addOutcomes(UUID job, Map<String, Long> chunk) {
        jdbc.sql("""
                        update import_job set outcomes = (
                            select coalesce(jsonb_object_agg(outcome, total), '{}'::jsonb) from (
                                select outcome, sum(n) as total from (
                                    select key as outcome, value::bigint as n from jsonb_each_text(outcomes)
                                    union all
                                    select key, value::bigint from jsonb_each_text(cast(:chunk as jsonb))) counts
                                group by outcome) merged)
                        where id = :id""")
                .param("chunk", json.writeValueAsString(chunk)).param("id", job).update();
    }

    /** Starts the counts again: the write pass after a validation pass counts what it did. */
    void resetOutcomes(UUID job) {
        jdbc.sql("update import_job set outcomes = '{}'::jsonb where id = :id").param("id", job).update();
    }

    /**
     * An all-or-nothing job that failed its validation pass wrote nothing: its valid rows become {@code SKIPPED}
     * (they had reported what a write would have done, {@code CREATED}..., which read as written), and its counts
     * with them.
     */
    void skipValidRows(UUID job) {
        long skipped = jdbc.sql("update import_row_result set outcome = :skipped where job_id = :id"
                        + " and outcome <> :invalid")
                .param("skipped", RowResult.SKIPPED).param("invalid", RowResult.INVALID).param("id", job).update();
        long invalid = invalidRows(job);
        resetOutcomes(job);
        Map<String, Long> counts = new java.util.TreeMap<>();
        if (skipped > 0) {
            counts.put(RowResult.SKIPPED, skipped);
        }
        if (invalid > 0) {
            counts.put(RowResult.INVALID, invalid);
        }
        addOutcomes(job, counts);
    }

    /** How many rows had each outcome, by outcome name. */
    Map<String, Long> outcomes(UUID job) {
        String text = jdbc.sql("select outcomes::text from import_job where id = :id").param("id", job)
                .query(String.class).optional().orElse("{}");
        return new java.util.TreeMap<>(json.readValue(text, new TypeReference<Map<String, Long>>() {
        }));
    }

    long invalidRows(UUID job) {
        return outcomes(job).getOrDefault(RowResult.INVALID, 0L);
    }

    Page<RowResult> results(UUID job, String outcome, Pageable page) {
        PagedQuery results = PagedQuery.from(jdbc, "import_row_result where job_id = :job"
                + (outcome == null ? "" : " and outcome = :outcome")).param("job", job);
        if (outcome != null) {
            results.param("outcome", outcome);
        }
        return results.select("row_number, line_number, external_id, outcome, messages::text").orderBy("row_number")
                .page(page, (rs, n) -> new RowResult(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        messages(rs.getString(5))));
    }

    private List<RowProblem> messages(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<RowProblem>>() {
        });
    }

    private static ImportJob job(ResultSet rs, int rowNum) throws SQLException {
        UUID owner = rs.getObject("owner_partner_id", UUID.class);
        return new ImportJob(rs.getObject("id", UUID.class), owner == null ? null : new PartnerId(owner),
                FileFormat.valueOf(rs.getString("format")), ImportMode.valueOf(rs.getString("mode")),
                rs.getBoolean("dry_run"), JobStatus.ofLabel(rs.getString("status")),
                ImportPhase.valueOf(rs.getString("phase")), rs.getInt("next_row"),
                (Integer) rs.getObject("total_rows"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("file_size"), rs.getInt("attempts"), rs.getString("error_log"),
                rs.getString("created_by"), instant(rs.getTimestamp("creation_date")),
                instant(rs.getTimestamp("completion_date")), instant(rs.getTimestamp("last_update")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 2000);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
