package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.infra.DatabaseRoles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Audited transactions append without waiting for each other; the sealer ({@code audit_seal}, every 200 ms and on
 * demand) then chains every committed entry exactly once, in one chain however many sealers run at once.
 */
@AuditTestApplication.Test
class AuditSealingTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final AuditSealer sealer;
    private final JdbcClient jdbc;
    private final TestHttp auditor;
    private final String url = TestInfrastructure.database(AuditTestApplication.DATABASE);
    private final DatabaseRoles roles = AuditTestApplication.roles();

    AuditSealingTests(@LocalServerPort int port, AuditTrail trail, TransactionTemplate transactions,
                      AuditSealer sealer, JdbcClient jdbc) {
        this.trail = trail;
        this.transactions = transactions;
        this.sealer = sealer;
        this.jdbc = jdbc;
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));
    }

    /**
     * Every transaction has inserted its entry and waits, uncommitted, until all the others have inserted theirs
     * too: with a lock on a shared chain head (the design before V11) the second insert would wait for the first
     * commit, which waits for the second insert, and the barrier would break.
     */
    @Test
    void auditedTransactionsFromManyThreadsHoldTheirEntriesOpenAtTheSameTime() throws Exception {
        int threads = 6;
        CyclicBarrier allInserted = new CyclicBarrier(threads);
        List<String> resources = new ArrayList<>();
        List<Future<?>> appends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String resource = UUID.randomUUID().toString();
                resources.add(resource);
                appends.add(pool.submit(() -> transactions.executeWithoutResult(status -> {
                    trail.record(null, "thing", resource, "created", null, Map.of("n", 1));
                    // after the trail's own before-commit insert (same order, registered later)
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            assertThat(actions(resource)).as("inserted, not yet committed").containsExactly("created");
                            awaitBarrier(allInserted);
                        }
                    });
                })));
            }
            for (Future<?> append : appends) {
                append.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        }

        sealer.sealAll();
        for (String resource : resources) {
            assertThat(chainPosition(resource)).as(resource).isNotNull();
        }
        assertOneWholeChainOfEveryEntry();
    }

    @Test
    void anEntryThatCommitsAfterALaterOneWasSealedJoinsTheChainAfterItAndARolledBackOneNever() throws Exception {
        String late = UUID.randomUUID().toString();
        String early = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> open = pool.submit(() -> transactions.executeWithoutResult(status -> {
                insertDirectly(late);
                inserted.countDown();
                awaitLatch(commit);
            }));
            try {
                assertThat(inserted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                transactions.executeWithoutResult(status -> {
                    insertDirectly(rolledBack);
                    status.setRollbackOnly();
                });
                transactions.executeWithoutResult(status ->
                        trail.record(null, "thing", early, "created", null, Map.of("n", 2)));
                sealer.sealAll();
                assertThat(chainPosition(early)).as("sealed while the lower id is still open").isNotNull();
            } finally {
                commit.countDown();
            }
            open.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(id(late)).isLessThan(id(early));

        sealer.sealAll();

        assertThat(chainPosition(late)).isGreaterThan(chainPosition(early));
        assertThat(actions(rolledBack)).isEmpty();
        assertOneWholeChainOfEveryEntry();
    }

    /**
     * A sealer holding the head makes every other sealer wait (the second is seen waiting for the lock); entries
     * committed meanwhile are sealed after it, continuing its chain. Then many sealers at once over many entries.
     */
    @Test
    void concurrentSealersWaitForEachOtherAndNeverForkTheChain() throws Exception {
        transactions.executeWithoutResult(status -> insertDirectly(UUID.randomUUID().toString()));
        long[] waitingBackend = new long[1];
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Integer> second = whileASealerHoldsTheHead(() -> {
                transactions.executeWithoutResult(status -> insertDirectly(UUID.randomUUID().toString()));
                CountDownLatch started = new CountDownLatch(1);
                Future<Integer> blocked = pool.submit(() -> asRuntimeRole(runtime -> {
                    waitingBackend[0] = runtime.sql("select pg_backend_pid()").query(Long.class).single();
                    started.countDown();
                    return runtime.sql("select audit_seal(1000)").query(Integer.class).single();
                }));
                assertThat(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.sql(
                                "select wait_event_type from pg_stat_activity where pid = :pid")
                        .param("pid", waitingBackend[0]).query(String.class).optional()).contains("Lock"));
                assertThat(blocked.isDone()).isFalse();
                return blocked;
            });
            assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNegative();
        }
        assertOneWholeChainOfEveryEntry();

        for (int i = 0; i < 300; i++) {
            String resource = UUID.randomUUID().toString();
            transactions.executeWithoutResult(status -> insertDirectly(resource));
        }
        int sealers = 4;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(sealers)) {
            for (int i = 0; i < sealers; i++) {
                runs.add(pool.submit(() -> {
                    awaitLatch(go);
                    int total = 0;
                    int sealed;
                    do {
                        sealed = transactions.execute(status ->
                                jdbc.sql("select audit_seal(7)").query(Integer.class).single());
                        total += sealed;
                    } while (sealed > 0);
                    return total;
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                assertThat(run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNegative();
            }
        }
        assertOneWholeChainOfEveryEntry();
    }

    /** While the sealer cannot run, entries are pending, and fail the verification once older than the bound. */
    @Test
    void reportsPendingEntriesAndNamesOneLeftUnsealedTooLong() throws Exception {
        long overdue = whileASealerHoldsTheHead(() -> {
            transactions.executeWithoutResult(status ->
                    trail.record(null, "thing", UUID.randomUUID().toString(), "created", null, Map.of()));

            JsonNode pending = verification();
            assertThat(pending.get("verified").asBoolean()).as(pending.toString()).isTrue();
            assertThat(pending.get("pendingEntries").asLong()).isPositive();
            assertThat(pending.get("oldestPendingAgeMillis").asLong()).isNotNegative();

            // written an hour ago (past the insert trigger, which would stamp it now): the sealer is overdue
            long id = asSuperuser(superuser -> {
                superuser.sql("set session_replication_role = replica").update();
                long inserted = superuser.sql("""
                        insert into audit_event (occurred_at, actor, resource_type, resource_id, action)
                        values (clock_timestamp() - interval '1 hour', 'system', 'thing', :id, 'created')
                        returning id""").param("id", UUID.randomUUID().toString()).query(Long.class).single();
                // queued for sealing as the insert trigger would have
                superuser.sql("insert into audit_unsealed (event_id) values (:id)").param("id", inserted).update();
                return inserted;
            });
            JsonNode late = verification();
            assertThat(late.get("verified").asBoolean()).isFalse();
            assertThat(late.get("firstBrokenEntryId").asLong()).isEqualTo(id);
            assertThat(late.get("reason").asString()).contains("to be sealed");
            assertThat(late.get("oldestPendingAgeMillis").asLong()).isGreaterThan(3_000_000L);
            return id;
        });
        // the scheduled sealer catches up by itself
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode whole = verification();
            assertThat(whole.get("verified").asBoolean()).as(whole.toString()).isTrue();
            assertThat(whole.get("pendingEntries").asLong()).isZero();
        });
        assertThat(chainPosition(overdue)).isNotNull();
    }

    @Test
    void theRuntimeRoleMaySealButNotWriteTheChainItselfNorBackDateAnEntry() throws Exception {
        long id = asRuntimeRole(runtime -> {
            long inserted = runtime.sql("""
                    insert into audit_event (occurred_at, actor, resource_type, resource_id, action)
                    values (timestamptz '2001-01-01T00:00:00Z', 'mallory', 'thing', :id, 'created')
                    returning id""").param("id", UUID.randomUUID().toString()).query(Long.class).single();
            assertThat(runtime.sql("select occurred_at > clock_timestamp() - interval '1 hour' from audit_event"
                    + " where id = :id").param("id", inserted).query(Boolean.class).single())
                    .as("stamped now").isTrue();
            for (String forgery : new String[] {
                    "insert into audit_chain_link (event_id, chain_seq, previous_hash, entry_hash)"
                            + " values (:id, 1, repeat('0', 64), repeat('0', 64))",
                    "delete from audit_unsealed where event_id = :id",
                    "update audit_chain_link set entry_hash = repeat('0', 64) where event_id = :id"}) {
                assertThatThrownBy(() -> runtime.sql(forgery).param("id", inserted).update()).as(forgery)
                        .rootCause().hasMessageContaining("permission denied");
            }
            assertThat(runtime.sql("select audit_seal(1000)").query(Integer.class).single()).isNotNegative();
            return inserted;
        });
        await().atMost(PATIENCE).until(() -> chainPosition(id) != null);

        // the owner may write the tables, but the triggers let no one change an entry or a link once written
        try (Connection connection = DriverManager.getConnection(url, roles.owner(), roles.ownerPassword())) {
            JdbcClient owner = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThatThrownBy(() -> owner.sql("update audit_event set actor = 'mallory' where id = :id")
                    .param("id", id).update()).hasMessageContaining("audit_event is append-only");
            assertThatThrownBy(() -> owner.sql("update audit_chain_link set entry_hash = repeat('0', 64)"
                    + " where event_id = :id").param("id", id).update())
                    .hasMessageContaining("audit_chain_link is append-only");
            assertThatThrownBy(() -> owner.sql("delete from audit_chain_link where event_id = :id")
                    .param("id", id).update()).hasMessageContaining("audit_chain_link is append-only");
            assertThatThrownBy(() -> owner.sql("truncate audit_chain_link").update())
                    .hasMessageContaining("audit_chain_link is append-only");
        }
        assertOneWholeChainOfEveryEntry();
    }

    /**
     * Runs {@code work} while another connection is in the middle of a sealing transaction (it has sealed what
     * there was and still holds the chain head), then lets that transaction commit.
     */
    private <T> T whileASealerHoldsTheHead(Callable<T> work) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> sealing = pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, TestInfrastructure.dbUser(),
                        TestInfrastructure.dbPassword())) {
                    connection.setAutoCommit(false);
                    JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                    superuser.sql("select audit_seal(1000)").query(Integer.class).single();
                    superuser.sql("select 1 from audit_chain_head for update").query().listOfRows();
                    holding.countDown();
                    awaitLatch(release);
                    connection.commit();
                }
                return null;
            });
            try {
                assertThat(holding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                return work.call();
            } finally {
                release.countDown();
                sealing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private void assertOneWholeChainOfEveryEntry() {
        sealer.sealAll();
        Map<String, Object> chain = jdbc.sql("""
                select count(*) as entries, count(l.chain_seq) as sealed, count(distinct l.chain_seq) as positions,
                       min(l.chain_seq) as first, max(l.chain_seq) as last,
                       (select last_seq from audit_chain_head where id = 1) as head
                from audit_event e left join audit_chain_link l on l.event_id = e.id""").query().singleRow();
        long entries = ((Number) chain.get("entries")).longValue();
        assertThat(((Number) chain.get("sealed")).longValue()).as("every entry sealed").isEqualTo(entries);
        assertThat(((Number) chain.get("positions")).longValue()).as("each at its own position").isEqualTo(entries);
        assertThat(((Number) chain.get("first")).longValue()).isEqualTo(1);
        assertThat(((Number) chain.get("last")).longValue()).as("no gap").isEqualTo(entries);
        assertThat(((Number) chain.get("head")).longValue()).isEqualTo(entries);
        JsonNode verification = verification();
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(entries);
    }

    private void insertDirectly(String resource) {
        jdbc.sql("insert into audit_event (actor, resource_type, resource_id, action) values ('system', 'thing', :id,"
                + " 'created')").param("id", resource).update();
    }

    private List<String> actions(String resource) {
        return jdbc.sql("select action from audit_event where resource_id = :id order by id").param("id", resource)
                .query(String.class).list();
    }

    private long id(String resource) {
        return jdbc.sql("select id from audit_event where resource_id = :id").param("id", resource)
                .query(Long.class).single();
    }

    private Long chainPosition(String resource) {
        return chainPosition(id(resource));
    }

    private Long chainPosition(long id) {
        return jdbc.sql("select chain_seq from audit_chain_link where event_id = :id").param("id", id)
                .query(Long.class).optional().orElse(null);
    }

    private JsonNode verification() {
        TestHttp.Response response = auditor.get("/api/audit/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private <T> T asRuntimeRole(Function<JdbcClient, T> work) {
        return as(roles.runtime(), roles.runtimePassword(), work);
    }

    private <T> T asSuperuser(Function<JdbcClient, T> work) {
        return as(TestInfrastructure.dbUser(), TestInfrastructure.dbPassword(), work);
    }

    private <T> T as(String user, String password, Function<JdbcClient, T> work) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other audited transactions never inserted their entries", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
