package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an entry is written: just before its transaction commits, and only by transactions that commit; it is
 * sealed into the chain after that commit.
 */
@AuditTestApplication.Test
class AuditCommitTests {

    private final AuditTrail trail;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate newTransactions;
    private final TestHttp auditor;
    private final AuditSealer sealer;

    AuditCommitTests(@LocalServerPort int port, AuditTrail trail, JdbcClient jdbc,
                     PlatformTransactionManager transactionManager, AuditSealer sealer) {
        this.sealer = sealer;
        this.trail = trail;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.newTransactions = new TransactionTemplate(transactionManager);
        this.newTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));
    }

    @Test
    void anEntryIsWrittenInOrderWhenItsTransactionCommitsAndNeverWhenItRollsBack() {
        String kept = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();

        long seenInside = transactions.execute(status -> {
            trail.record(null, "thing", kept, "created", null, Map.of("n", 1));
            trail.record(null, "thing", kept, "renamed", Map.of("n", 1), Map.of("n", 2));
            return entries(kept).size();
        });
        transactions.executeWithoutResult(status -> {
            trail.record(null, "thing", dropped, "created", null, Map.of("n", 1));
            status.setRollbackOnly();
        });

        assertThat(seenInside).as("not in the table before the commit").isZero();
        assertThat(entries(kept)).containsExactly("created", "renamed");
        assertThat(entries(dropped)).isEmpty();
        sealer.sealAll();
        assertThat(auditor.get("/api/audit/verification").json().get("verified").asBoolean()).isTrue();
    }

    @Test
    void moreEntriesInOneTransactionThanOneStatementTakesAreAllWrittenInOrder() {
        // nine parameters an entry, at most 65,535 a statement: 7,300 entries in one insert failed the transaction
        String many = UUID.randomUUID().toString();
        int count = AuditTrail.ENTRIES_PER_STATEMENT + 2_300;

        transactions.executeWithoutResult(status -> {
            for (int n = 0; n < count; n++) {
                trail.record(null, "thing", many, "step-" + n, null, null);
            }
        });

        List<String> written = entries(many);
        assertThat(written).hasSize(count);
        assertThat(written.getFirst()).isEqualTo("step-0");
        assertThat(written.get(AuditTrail.ENTRIES_PER_STATEMENT)).isEqualTo("step-" + AuditTrail.ENTRIES_PER_STATEMENT);
        assertThat(written.getLast()).isEqualTo("step-" + (count - 1));
    }

    @Test
    void anOpenTransactionWithAnEntryDoesNotHoldUpAnotherTransactionsEntry() throws Exception {
        String slow = UUID.randomUUID().toString();
        String quick = UUID.randomUUID().toString();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> open = threads.submit(() -> transactions.executeWithoutResult(status -> {
                trail.record(null, "thing", slow, "created", null, Map.of("n", 1));
                recorded.countDown();
                await(finish);
            }));
            try {
                assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();

                Future<?> other = threads.submit(() -> transactions.executeWithoutResult(
                        status -> trail.record(null, "thing", quick, "created", null, Map.of("n", 2))));

                other.get(10, TimeUnit.SECONDS);
                assertThat(entries(quick)).containsExactly("created");
            } finally {
                finish.countDown();
            }
            open.get(10, TimeUnit.SECONDS);
        }
        sealer.sealAll();
        assertThat(chainPosition(slow)).isGreaterThan(chainPosition(quick));
        assertThat(auditor.get("/api/audit/verification").json().get("verified").asBoolean()).isTrue();
    }

    @Test
    void aTransactionStartedInsideAnotherCommitsItsOwnEntries() {
        String outer = UUID.randomUUID().toString();
        String inner = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            trail.record(null, "thing", outer, "created", null, Map.of("n", 1));
            newTransactions.executeWithoutResult(nested ->
                    trail.record(null, "thing", inner, "created", null, Map.of("n", 2)));
            assertThat(entries(inner)).as("committed with the inner transaction").containsExactly("created");
            status.setRollbackOnly();
        });

        assertThat(entries(inner)).containsExactly("created");
        assertThat(entries(outer)).isEmpty();
    }

    private List<String> entries(String resourceId) {
        return jdbc.sql("select action from audit_event where resource_id = :id order by id")
                .param("id", resourceId).query(String.class).list();
    }

    private long chainPosition(String resourceId) {
        return jdbc.sql("""
                        select l.chain_seq from audit_event e join audit_chain_link l on l.event_id = e.id
                        where e.resource_id = :id""").param("id", resourceId).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("never told to finish");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
