package io.accord.catalog.exportjob;

import io.accord.platform.upload.FileChunks;
import io.accord.catalog.importjob.FileFormat;
import io.accord.catalog.importjob.JobStatus;
import io.accord.catalog.importjob.JobTable;
import io.accord.contracts.value.PartnerId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The export job tables, through plain SQL (the same lease scheme as import jobs). */
@Component
class ExportJobStore {

    private static final String COLUMNS = "id, owner_partner_id, all_owners, format, status, row_count, file_size,"
            + " attempts, error_log, created_by, creation_date, completion_date, last_update";

    private final JdbcClient jdbc;
    private final JobTable table;
    private final FileChunks files;

    ExportJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new JobTable(jdbc, "export_job", COLUMNS);
        this.files = new FileChunks(jdbc, "export_file_chunk");
    }

    FileChunks files() {
        return files;
    }

    void insert(ExportJob job) {
        jdbc.sql("insert into export_job (" + COLUMNS + ") values (:id, :owner, :all, :format, :status, null, null,"
                        + " 0, null, :createdBy, :created, null, :updated)")
                .param("id", job.id()).param("owner", job.owner() == null ? null : job.owner().value())
                .param("all", job.allOwners()).param("format", job.format().name())
                .param("status", job.status().label()).param("createdBy", job.createdBy())
                .param("created", Timestamp.from(job.creationDate())).param("updated", Timestamp.from(job.lastUpdate()))
                .update();
    }

    Optional<ExportJob> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from export_job where id = :id").param("id", id)
                .query(ExportJobStore::job).optional();
    }

    Page<ExportJob> list(PartnerId owner, boolean all, Pageable page) {
        return table.list(owner, all, page, ExportJobStore::job);
    }

    /** Takes the oldest due export that no live runner holds ({@code SKIP LOCKED}: replicas take different ones). */
    Optional<UUID> claimNext(UUID token, Duration lease) {
        return table.claimNext(token, lease, true);
    }

    /** Locks the job for the caller's transaction while the caller holds its lease. */
    boolean lockLeased(UUID id, UUID token) {
        return jdbc.sql("select id from export_job where id = :id and lease_owner = :token for update")
                .param("id", id).param("token", token).query(UUID.class).optional().isPresent();
    }

    void finish(ExportJob job) {
        jdbc.sql("update export_job set status = :status, row_count = :rows, file_size = :size, attempts = :attempts,"
                        + " error_log = :log, completion_date = :completed, last_update = :updated, lease_owner = null,"
                        + " lease_until = null where id = :id")
                .param("status", job.status().label()).param("rows", job.rowCount()).param("size", job.fileSize())
                .param("attempts", job.attempts()).param("log", abbreviate(job.errorLog()))
                .param("completed", Timestamp.from(job.completionDate()))
                .param("updated", Timestamp.from(job.lastUpdate())).param("id", job.id())
                .update();
    }

    /**
     * Records a failed run and lets the job go, due again only after {@code wait} (the back-off): any runner takes it
     * then, as it takes a job whose lease expired.
     */
    void backOff(ExportJob job, UUID token, Duration wait) {
        jdbc.sql("update export_job set attempts = :attempts, error_log = :log, last_update = :updated,"
                        + " lease_owner = null, lease_until = now() + make_interval(secs => :seconds)"
                        + " where id = :id and lease_owner = :token")
                .param("attempts", job.attempts()).param("log", abbreviate(job.errorLog()))
                .param("updated", Timestamp.from(job.lastUpdate())).param("seconds", wait.toMillis() / 1000.0)
                .param("id", job.id()).param("token", token)
                .update();
    }

    private static ExportJob job(ResultSet rs, int rowNum) throws SQLException {
        UUID owner = rs.getObject("owner_partner_id", UUID.class);
        return new ExportJob(rs.getObject("id", UUID.class), owner == null ? null : new PartnerId(owner),
                rs.getBoolean("all_owners"), FileFormat.valueOf(rs.getString("format")),
                JobStatus.ofLabel(rs.getString("status")), (Integer) rs.getObject("row_count"),
                (Long) rs.getObject("file_size"), rs.getInt("attempts"), rs.getString("error_log"),
                rs.getString("created_by"), instant(rs.getTimestamp("creation_date")),
                instant(rs.getTimestamp("completion_date")), instant(rs.getTimestamp("last_update")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
