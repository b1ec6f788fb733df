package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the FX tests share: the finance users over HTTP (fiona loads and corrects, fred confirms), partners with a
 * closing period of usage in a currency ({@link StatementFixtures}), loading and confirming rates, and a confirmation
 * raced against a statement's issue. A bean of the shared test context, found by the application's component scan in
 * the test sources (as {@code SettlementTestConfiguration} is).
 */
@Component
class FxRateFixtures {

    static final String RATES = "/api/settlement/fx-rates";

    private final StatementFixtures statements;
    private final Statements statementService;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Environment environment;

    FxRateFixtures(StatementFixtures statements, Statements statementService, PlatformTransactionManager transactions,
                   JdbcClient jdbc, Environment environment) {
        this.statements = statements;
        this.statementService = statementService;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** Finance user fiona, who loads and corrects the tests' rates. */
    TestHttp fiona() {
        return finance("fiona");
    }

    /** Finance user fred, the second pair of eyes. */
    TestHttp fred() {
        return finance("fred");
    }

    TestHttp finance(String user) {
        return as(TestJwt.staff(user, Roles.FINANCE));
    }

    TestHttp as(String token) {
        // the server's port is known once it started, after this bean was made
        return TestHttp.localPort(environment.getRequiredProperty("local.server.port", Integer.class)).as(token);
    }

    /** A partner with its legal data and a monthly agreement ({@link StatementFixtures#partner}). */
    String partner() {
        return statements.partner();
    }

    /** {@link StatementFixtures#closingWithUsage}: the partner's period 40 days back, usage in {@code currency}. */
    SettlementPeriods.Period closingPeriodWithUsage(String partner, String currency, String charge) {
        return statements.closingWithUsage(partner, currency, charge);
    }

    /** Loaded by fiona: PROPOSED (201). */
    JsonNode load(String base, String quote, String rate, String validFrom) {
        TestHttp.Response response = fiona().post(RATES, body(base, quote, rate, validFrom));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** Loaded by fiona and confirmed by fred: in force; its id. */
    String loadConfirmed(String base, String quote, String rate, String validFrom) {
        String id = load(base, quote, rate, validFrom).get("id").asString();
        confirm(id, fred());
        return id;
    }

    static void confirm(String id, TestHttp by) {
        TestHttp.Response confirmed = by.post(RATES + "/" + id + "/confirmation", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    static String body(String base, String quote, String rate, String validFrom) {
        return """
                {"baseCurrency":"%s","quoteCurrency":"%s","rate":"%s","validFrom":"%s"}
                """.formatted(base, quote, rate, validFrom);
    }

    /**
     * Issues the approved statement in a transaction kept open while fred confirms {@code rateId} on another thread,
     * until that confirmation either ended or waits for an FX pair's lock; then commits the issue and lets the
     * confirmation finish. No sleep: the confirmation's wait is read from PostgreSQL's {@code pg_stat_activity}.
     *
     * @return whether the confirmation waited for the issue, and its answer
     */
    Race confirmWhileIssuing(UUID approvedStatement, String rateId) {
        AtomicReference<CompletableFuture<TestHttp.Response>> confirmation = new AtomicReference<>();
        Boolean waited = transaction.execute(status -> {
            statementService.issue(approvedStatement);
            CompletableFuture<TestHttp.Response> confirming = CompletableFuture.supplyAsync(() -> fred()
                    .post(RATES + "/" + rateId + "/confirmation", ""));
            confirmation.set(confirming);
            await().atMost(StatementFixtures.PATIENCE).until(() -> confirming.isDone() || waitingForAPairLock());
            return !confirming.isDone();
        });
        return new Race(Boolean.TRUE.equals(waited), confirmation.get().join());
    }

    /** Whether another session waits for a lock in the statement taking the FX pairs' locks. */
    private boolean waitingForAPairLock() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'
                          and query like '%fx-rate-pair%'""")
                .query(Long.class).single() > 0;
    }

    /**
     * @param confirmationWaited whether the confirmation was still waiting while the issue was not committed
     * @param confirmation       its answer, once the issue committed
     */
    record Race(boolean confirmationWaited, TestHttp.Response confirmation) {
    }
}
