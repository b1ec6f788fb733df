package io.accord.platform.scheduling;

import io.accord.platform.retry.Backoffs;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * How a scheduled job works through its items so that one item that keeps failing stops nothing else: each item in
 * its own transaction; a failure rolls back that item's work only, is logged, and is counted on a row of
 * {@code job_item_failure} with its reason and the time of the item's next attempt (the platform's {@link Backoffs}:
 * a minute after the first failure, doubling, at most an hour); until then the item is left out. The row goes in the
 * transaction that finally handles the item. Selections with a limit leave put-off items out with
 * {@link #notPutOff(String, String)} and, where a job's items are all due at every run (a job that runs less often
 * than the back-off's longest delay), take those that failed last ({@link #attempts(String, String)} in the
 * {@code order by}), so that items which keep failing cannot take every place of a run.
 * <p>
 * Ops see the failing items at {@code GET /api/<service>/admin/jobs/failures} and can have one tried at the next run
 * ({@code POST …/{job}/{itemId}/retry}, audited) or forget a record that no longer applies ({@code DELETE
 * …/{job}/{itemId}}, audited); a record whose item has been due for {@link #STALE} without any run trying it is
 * forgotten by the job's next run. The gauge {@value #FAILING} (tag {@code job}) counts them.
 */
public class JobItems {

    public static final String FAILING = "accord.jobs.items.failing";
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /**
     * A failure record whose item has been due this long without any run trying it is stale: no run selects the item
     * any more (it was removed, or its cause went away and it no longer qualifies). A run of its job forgets it.
     */
    static final Duration STALE = Duration.ofDays(7);
    private static final Pattern JOB = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final int MAX_ERROR = 1000;
    private static final Logger log = LoggerFactory.getLogger(JobItems.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ExponentialBackOff backoff = Backoffs.exponential(FIRST_BACKOFF, MAX_BACKOFF);
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public JobItems(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                    MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.registry = registry;
    }

    /** What a round did: items handled, the sum of what their work answered, items failed now, items put off. */
    public record Round(int handled, int changed, int failed, int putOff) {
    }

    /**
     * Runs {@code work} for each item in its own new transaction, in the given order, leaving out items put off after
     * a failure. {@code work} answers how much it changed (summed into {@link Round#changed()}).
     *
     * @param job  the job's name: lower-case letters, digits, '.' and '-' (the ShedLock name is a good choice)
     * @param id   an item's id as kept in {@code job_item_failure} (its text form)
     */
    public <T> Round each(String job, Collection<T> items, Function<T, ?> id, ToIntFunction<T> work) {
        checkJob(job);
        gauge(job);
        forgetStale(job);
        if (items.isEmpty()) {
            return new Round(0, 0, 0, 0);
        }
        List<String> ids = new ArrayList<>(items.size());
        for (T item : items) {
            ids.add(String.valueOf(id.apply(item)));
        }
        Map<String, Failure> failures = failures(job, ids);
        Instant now = clock.instant();
        int handled = 0;
        int changed = 0;
        int failed = 0;
        int putOff = 0;
        int index = 0;
        for (T item : items) {
            String itemId = ids.get(index++);
            Failure before = failures.get(itemId);
            if (before != null && before.nextAttemptAt().isAfter(now)) {
                putOff++;
                continue;
            }
            try {
                Integer result = transactions.execute(status -> {
                    int answer = work.applyAsInt(item);
                    if (before != null) {
                        jdbc.sql("delete from job_item_failure where job = :job and item_id = :item")
                                .param("job", job).param("item", itemId).update();
                    }
                    return answer;
                });
                handled++;
                changed += result == null ? 0 : result;
            } catch (RuntimeException failure) {
                failed++;
                failed(job, itemId, before, failure);
            }
        }
        return new Round(handled, changed, failed, putOff);
    }

    /**
     * For a job that runs its items itself (the saga runner): counts the item's failure, in a new transaction, and
     * puts the item off as {@link #each} does. Call it outside the transaction that failed (after its rollback).
     */
    public void failed(String job, Object itemId, RuntimeException failure) {
        checkJob(job);
        gauge(job);
        String id = String.valueOf(itemId);
        failed(job, id, failures(job, List.of(id)).get(id), failure);
    }

    /** For a job that runs its items itself: the item is handled, its failures forgotten (caller's transaction). */
    public void handled(String job, Object itemId) {
        jdbc.sql("delete from job_item_failure where job = :job and item_id = :item").param("job", job)
                .param("item", String.valueOf(itemId)).update();
    }

    /**
     * Makes a failing item due at once, its count of failures kept (the caller's transaction): for an ops action that
     * retries the item through its own API (the orchestration's fallout queue), so that the job's back-off does not
     * hold back what ops asked for.
     */
    public void dueNow(String job, Object itemId) {
        jdbc.sql("update job_item_failure set next_attempt_at = :now where job = :job and item_id = :item"
                        + " and next_attempt_at > :now")
                .param("now", Timestamp.from(clock.instant())).param("job", job)
                .param("item", String.valueOf(itemId)).update();
    }

    /**
     * A condition for a native selection's {@code where}: the item whose id is {@code idExpression} (SQL, cast to
     * text here) is not put off after a failure of {@code job}. Needs no parameter.
     */
    public static String notPutOff(String job, String idExpression) {
        checkJob(job);
        return "not exists (select 1 from job_item_failure put_off where put_off.job = '" + job
                + "' and put_off.item_id = cast(" + idExpression + " as text) and put_off.next_attempt_at > now())";
    }

    /**
     * An expression for a native selection's {@code order by}: how often the item whose id is {@code idExpression}
     * has failed since it was last handled (0 if it has not), so that {@code order by <this>, <age>} takes the items
     * that never failed first. Needs no parameter.
     */
    public static String attempts(String job, String idExpression) {
        checkJob(job);
        return "coalesce((select failed.attempts from job_item_failure failed where failed.job = '" + job
                + "' and failed.item_id = cast(" + idExpression + " as text)), 0)";
    }

    private record Failure(int attempts, Instant nextAttemptAt) {
    }

    private Map<String, Failure> failures(String job, List<String> ids) {
        Map<String, Failure> failures = new HashMap<>();
        jdbc.sql("select item_id, attempts, next_attempt_at from job_item_failure where job = :job"
                        + " and item_id in (:ids)")
                .param("job", job).param("ids", ids)
                .query(rs -> {
                    failures.put(rs.getString(1), new Failure(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                });
        return failures;
    }

    private void failed(String job, String itemId, Failure before, RuntimeException failure) {
        int attempts = (before == null ? 0 : before.attempts()) + 1;
        Duration delay = Backoffs.delayAfter(backoff, attempts);
        log.error("Job {} failed on item {} (failure {}); its other items go on, this one is tried again in {}",
                job, itemId, attempts, delay, failure);
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            insert into job_item_failure (job, item_id, attempts, first_failed_at, last_failed_at,
                                                          next_attempt_at, last_error)
                            values (:job, :item, 1, :now, :now, :next, :error)
                            on conflict (job, item_id) do update set attempts = job_item_failure.attempts + 1,
                                last_failed_at = excluded.last_failed_at, next_attempt_at = excluded.next_attempt_at,
                                last_error = excluded.last_error""")
                    .param("job", job).param("item", itemId).param("now", Timestamp.from(now))
                    .param("next", Timestamp.from(now.plus(delay)))
                    .param("error", reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason)
                    .update());
        } catch (RuntimeException unrecorded) {
            log.error("The failure of job {} on item {} could not be recorded; tried again next run", job, itemId,
                    unrecorded);
        }
    }

    private void forgetStale(String job) {
        try {
            int forgotten = jdbc.sql("delete from job_item_failure where job = :job and next_attempt_at < :before")
                    .param("job", job).param("before", Timestamp.from(clock.instant().minus(STALE))).update();
            if (forgotten > 0) {
                log.info("Job {}: {} failure records forgotten, their items not tried for {} while due (no longer"
                        + " selected)", job, forgotten, STALE);
            }
        } catch (RuntimeException unreachable) {
            log.warn("Job {}: stale failure records not forgotten this run", job, unreachable);
        }
    }

    private void gauge(String job) {
        if (gauged.add(job)) {
            Gauge.builder(FAILING, jdbc, db -> db.sql("select count(*) from job_item_failure where job = :job")
                            .param("job", job).query(Long.class).single())
                    .tag("job", job)
                    .description("items of a scheduled job that failed and were not handled since (job_item_failure)")
                    .register(registry);
        }
    }

    private static void checkJob(String job) {
        if (job == null || !JOB.matcher(job).matches()) {
            throw new IllegalArgumentException("a job's name is 1 to 100 lower-case letters, digits, '.' or '-': "
                    + job);
        }
    }
}
