package io.accord.platform.scheduling;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

/** Ops' view of the failing items of scheduled jobs: list, retry at the next run, or dismiss (audited). */
class JobFailures {

    static final String RESOURCE_TYPE = "job-item";
    private static final String COLUMNS = """
            job, item_id, attempts, first_failed_at, last_failed_at, next_attempt_at, last_error""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    JobFailures(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Of one job or all, those that failed most recently first. */
    PagedQuery.Slice<JobFailure> list(String job, int offset, int limit) {
        return PagedQuery.from(jdbc, "job_item_failure where cast(:job as text) is null or job = :job")
                .param("job", job).select(COLUMNS).orderBy("last_failed_at desc, job, item_id")
                .slice(offset, limit, (rs, row) -> failure(rs));
    }

    /** Due at once: the job's next run tries the item; its count of failures stays until it is handled. */
    JobFailure retry(String job, String itemId) {
        return transactions.execute(status -> {
            JobFailure before = jdbc.sql("select " + COLUMNS + " from job_item_failure where job = :job"
                            + " and item_id = :item for update")
                    .param("job", job).param("item", itemId).query((rs, row) -> failure(rs)).optional()
                    .orElseThrow(() -> new NotFoundException("Failing item of job " + job, itemId));
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("update job_item_failure set next_attempt_at = :now where job = :job and item_id = :item")
                    .param("now", now).param("job", job).param("item", itemId).update();
            audit.record(null, RESOURCE_TYPE, itemId, "job-item-retried", before,
                    Map.of("nextAttemptAt", now.toInstant().toString()));
            return new JobFailure(before.job(), before.itemId(), before.attempts(), before.firstFailedAt(),
                    before.lastFailedAt(), now.toInstant(), before.lastError());
        });
    }

    /**
     * Forgets the failure record of an item that no longer needs it (its cause is gone, the item itself removed);
     * if the item fails again at a later run, it is counted afresh.
     */
    void dismiss(String job, String itemId) {
        transactions.executeWithoutResult(status -> {
            JobFailure before = jdbc.sql("delete from job_item_failure where job = :job and item_id = :item"
                            + " returning " + COLUMNS)
                    .param("job", job).param("item", itemId).query((rs, row) -> failure(rs)).optional()
                    .orElseThrow(() -> new NotFoundException("Failing item of job " + job, itemId));
            audit.record(null, RESOURCE_TYPE, itemId, "job-item-dismissed", before, null);
        });
    }

    private static JobFailure failure(ResultSet rs) throws SQLException {
        return new JobFailure(rs.getString("job"), rs.getString("item_id"), rs.getInt("attempts"),
                rs.getTimestamp("first_failed_at").toInstant(), rs.getTimestamp("last_failed_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"));
    }
}
