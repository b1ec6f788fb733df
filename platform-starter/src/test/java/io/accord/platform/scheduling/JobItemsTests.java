package io.accord.platform.scheduling;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A scheduled job's items through {@link JobItems} on real PostgreSQL: an item that fails rolls back its own work
 * only, the others are handled, the failure is counted with its reason and put off, a selection leaves it out while
 * it is put off, ops list it and have it retried (audited), and once handled it is forgotten.
 */
@StarterTestApplication.Test
class JobItemsTests {

    private static final String FAILURES = "/api/admin/jobs/failures";

    private final JobItems items;
    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final TestHttp ops;
    private final TestHttp manager;

    JobItemsTests(JobItems items, JdbcClient jdbc, MeterRegistry registry, @LocalServerPort int port) {
        this.items = items;
        this.jdbc = jdbc;
        this.registry = registry;
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga-ops", Roles.OPS));
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("max-manager", Roles.PARTNER_MANAGER));
        jdbc.sql("create table if not exists job_items_probe (job text not null, item text not null)").update();
    }

    @Test
    void aFailingItemRollsBackAloneIsPutOffAndIsHandledOnceRetried() {
        String job = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> batch = List.of("a", "b", "c");
        boolean[] bFails = {true};

        JobItems.Round first = items.each(job, batch, item -> item, item -> {
            jdbc.sql("insert into job_items_probe (job, item) values (:job, :item)").param("job", job)
                    .param("item", item).update();
            if (item.equals("b") && bFails[0]) {
                throw new IllegalStateException("b's data is inconsistent");
            }
            return 1;
        });

        assertThat(first).isEqualTo(new JobItems.Round(2, 2, 1, 0));
        assertThat(probed(job)).containsExactly("a", "c"); // b's insert rolled back with its failure
        JsonNode failure = ops.get(FAILURES + "?job=" + job).json().get(0);
        assertThat(failure.path("itemId").asString()).isEqualTo("b");
        assertThat(failure.path("attempts").asInt()).isEqualTo(1);
        assertThat(failure.path("lastError").asString()).contains("b's data is inconsistent");
        Instant next = Instant.parse(failure.path("nextAttemptAt").asString());
        Instant failed = Instant.parse(failure.path("lastFailedAt").asString());
        assertThat(next).isCloseTo(failed.plus(JobItems.FIRST_BACKOFF), within(1, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(registry.get(JobItems.FAILING).tag("job", job).gauge().value()).isEqualTo(1.0);
        // a selection leaves it out while it is put off
        assertThat(selectable(job, batch)).containsExactly("a", "c");
        assertThat(byAttempts(job, List.of("b", "a", "c"))).containsExactly("a", "c", "b");

        // put off: not tried again (its failure would count a second attempt)
        bFails[0] = false;
        JobItems.Round second = items.each(job, List.of("b"), item -> item, item -> 1);
        assertThat(second).isEqualTo(new JobItems.Round(0, 0, 0, 1));

        // ops have it tried at the next run; partner managers may not
        assertThat(manager.post(FAILURES + "/" + job + "/b/retry", "").status()).isEqualTo(403);
        assertThat(ops.post(FAILURES + "/" + job + "/zz/retry", "").status()).isEqualTo(404);
        TestHttp.Response retried = ops.post(FAILURES + "/" + job + "/b/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'job-item' and resource_id = :id"
                        + " and action = 'job-item-retried' and before_state ->> 'job' = :job").param("id", "b")
                        .param("job", job).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(selectable(job, batch)).containsExactly("a", "b", "c");

        JobItems.Round third = items.each(job, List.of("b"), item -> item, item -> {
            jdbc.sql("insert into job_items_probe (job, item) values (:job, :item)").param("job", job)
                    .param("item", item).update();
            return 1;
        });
        assertThat(third).isEqualTo(new JobItems.Round(1, 1, 0, 0));
        assertThat(probed(job)).containsExactly("a", "b", "c");
        assertThat(ops.get(FAILURES + "?job=" + job).json().size()).isZero();
        assertThat(registry.get(JobItems.FAILING).tag("job", job).gauge().value()).isZero();
    }

    @Test
    void aFailureThatKeepsComingIsPutOffLongerEachTimeUpToAnHour() {
        String job = "again-" + UUID.randomUUID().toString().substring(0, 8);
        long[] delays = new long[9];
        for (int attempt = 0; attempt < delays.length; attempt++) {
            items.each(job, List.of("x"), item -> item, item -> {
                throw new IllegalArgumentException("never");
            });
            var row = jdbc.sql("select attempts, last_failed_at, next_attempt_at from job_item_failure where job = :job")
                    .param("job", job).query().singleRow();
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(attempt + 1);
            delays[attempt] = ((Timestamp) row.get("next_attempt_at")).getTime()
                    - ((Timestamp) row.get("last_failed_at")).getTime();
            // due again, as if the time had come
            jdbc.sql("update job_item_failure set next_attempt_at = now() - interval '1 second' where job = :job")
                    .param("job", job).update();
        }
        assertThat(delays).containsExactly(60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000,
                3_600_000, 3_600_000);
    }

    /**
     * A record that no longer applies goes: ops dismiss it (audited), and one whose item has been due for a week
     * without any run trying it (no run selects the item any more) is forgotten by the job's next run.
     */
    @Test
    void aRecordThatNoLongerAppliesIsDismissedByOpsOrForgottenOnceStale() {
        String job = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        items.each(job, List.of("removed", "stale", "fresh"), item -> item, item -> {
            throw new IllegalStateException(item + " cannot be handled");
        });
        assertThat(failing(job)).containsExactly("fresh", "removed", "stale");

        assertThat(manager.delete(FAILURES + "/" + job + "/removed").status()).isEqualTo(403);
        assertThat(ops.delete(FAILURES + "/" + job + "/nothing").status()).isEqualTo(404);
        TestHttp.Response dismissed = ops.delete(FAILURES + "/" + job + "/removed");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(204);
        assertThat(failing(job)).containsExactly("fresh", "stale");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'job-item' and resource_id = :id"
                        + " and action = 'job-item-dismissed' and before_state ->> 'job' = :job")
                .param("id", "removed").param("job", job).query(Long.class).single()).isEqualTo(1L);

        // "stale" has been due for a week and no run tried it; "fresh" is due for a little less
        jdbc.sql("update job_item_failure set next_attempt_at = :at where job = :job and item_id = 'stale'")
                .param("at", Timestamp.from(Instant.now().minus(JobItems.STALE).minusSeconds(60)))
                .param("job", job).update();
        jdbc.sql("update job_item_failure set next_attempt_at = :at where job = :job and item_id = 'fresh'")
                .param("at", Timestamp.from(Instant.now().minus(JobItems.STALE).plusSeconds(600)))
                .param("job", job).update();
        assertThat(items.each(job, List.of(), item -> item, item -> 1)).isEqualTo(new JobItems.Round(0, 0, 0, 0));
        assertThat(failing(job)).containsExactly("fresh");
        assertThat(registry.get(JobItems.FAILING).tag("job", job).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void badRequestsAreProblems() {
        assertThat(ops.get(FAILURES + "?limit=0").status()).isEqualTo(400);
        assertThat(ops.get(FAILURES + "?job=" + "j".repeat(101)).status()).isEqualTo(400);
        assertThat(manager.get(FAILURES).status()).isEqualTo(403);
        TestHttp auditor = ops.as(TestJwt.staff("ada-auditor", Roles.AUDITOR));
        assertThat(auditor.get(FAILURES).status()).as("auditors read everything").isEqualTo(200);
        assertThat(auditor.delete(FAILURES + "/some-job/some-item").status()).as("and change nothing").isEqualTo(403);
    }

    private List<String> failing(String job) {
        return jdbc.sql("select item_id from job_item_failure where job = :job order by item_id").param("job", job)
                .query(String.class).list();
    }

    private List<String> probed(String job) {
        return jdbc.sql("select item from job_items_probe where job = :job order by item").param("job", job)
                .query(String.class).list();
    }

    /** The candidates, those that never failed first, then by name. */
    private List<String> byAttempts(String job, List<String> candidates) {
        return jdbc.sql("select item from unnest(cast(:items as text[])) as candidate(item) order by "
                        + JobItems.attempts(job, "candidate.item") + ", item")
                .param("items", candidates.toArray(String[]::new)).query(String.class).list();
    }

    private List<String> selectable(String job, List<String> candidates) {
        return jdbc.sql("select item from unnest(cast(:items as text[])) as candidate(item) where "
                        + JobItems.notPutOff(job, "candidate.item") + " order by item")
                .param("items", candidates.toArray(String[]::new)).query(String.class).list();
    }
}
