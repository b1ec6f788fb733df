package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff give disputes to a staff user, one or many at once, and filter the list by it; the partner never sees or sets
 * who. There was no assignee: a team working 30 disputes a month could not tell who had which.
 */
@AccordServiceTest
class DisputeAssignmentTests {

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DisputeAssignmentTests(SettlementFixtures settlement, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Test
    void staffAssignTakeAndUnassignADisputeWhichTheListFiltersAndThePartnerNeverSees() {
        Disputing as = new Disputing(port);
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm-" + as.partnerId.substring(0, 8),
                Roles.PARTNER_MANAGER));
        String managerName = "pm-" + as.partnerId.substring(0, 8);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String first = as.open(statement, "5");
        String second = as.open(statement, "6");
        String third = as.open(statement, "7");

        TestHttp.Response assigned = as.finance.put(assignee(first), "{\"assignee\": \"" + managerName + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().path("assignee").asString()).isEqualTo(managerName);
        TestHttp.Response taken = manager.put(assignee(second), "{\"assignee\": \"me\"}");
        assertThat(taken.json().path("assignee").asString()).isEqualTo(managerName);
        assertThat(as.finance.get(Disputing.TICKETS + "/" + first).json().path("assignee").asString())
                .isEqualTo(managerName);

        // the list: mine, someone's, nobody's, alternatives
        assertThat(ids(manager.get(list(as, "assignee=me")))).containsExactlyInAnyOrder(first, second);
        assertThat(ids(as.finance.get(list(as, "assignee=" + managerName)))).containsExactlyInAnyOrder(first, second);
        assertThat(ids(as.finance.get(list(as, "assignee=none")))).containsExactly(third);
        assertThat(ids(as.finance.get(list(as, "assignee=me,none")))).containsExactly(third);
        assertThat(ids(as.finance.get(list(as, "assignee=none&assignee=" + managerName)))).hasSize(3);
        TestHttp.Response malformed = as.finance.get(list(as, "assignee=Not%20A%20User"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("assignee");

        // the partner: no assignee in any view, no filter, no step
        for (JsonNode view : List.of(as.partner.get(Disputing.TICKETS + "/" + first).json(),
                as.partner.get(list(as, "")).json().get(0),
                as.partner.get(list(as, "fields=assignee,status")).json().get(0))) {
            assertThat(view.has("assignee")).as(view.toString()).isFalse();
        }
        TestHttp.Response probe = as.partner.get(list(as, "assignee=" + managerName));
        assertThat(probe.status()).as(probe.body()).isEqualTo(403);
        assertThat(probe.contentType()).startsWith("application/problem+json");
        assertThat(as.partner.put(assignee(third), "{\"assignee\": \"me\"}").status()).isEqualTo(403);
        assertThat(as.partner.delete(assignee(first)).status()).isEqualTo(403);
        assertThat(as.partner.post(Disputing.API + "/assignments", "{\"disputeIds\": [\"" + third
                + "\"], \"assignee\": \"me\"}").status()).isEqualTo(403);
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR));
        assertThat(auditor.put(assignee(third), "{\"assignee\": \"aud\"}").status()).isEqualTo(403);

        // audited as an assignment of its own, the partner's audit rows of the ticket never naming the assignee
        List<String> audit = jdbc.sql("""
                        select action || ':' || coalesce(after_state::text, '') from audit_event
                        where resource_type = 'troubleTicketAssignment' and resource_id = :id order by id
                        """).param("id", first).query(String.class).list();
        assertThat(audit).singleElement().satisfies(row -> assertThat(row).startsWith("assigned:")
                .contains(managerName));

        TestHttp.Response unassigned = as.finance.delete(assignee(first));
        assertThat(unassigned.status()).as(unassigned.body()).isEqualTo(200);
        assertThat(unassigned.json().has("assignee")).isFalse();
        assertThat(ids(as.finance.get(list(as, "assignee=none")))).containsExactlyInAnyOrder(first, third);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where resource_type = 'troubleTicket' and resource_id = :id
                          and (after_state::text like :name or before_state::text like :name)
                        """).param("id", first).param("name", "%" + managerName + "%").query(Long.class).single())
                .isZero();
        // an assignment is no change the partner sees: its last update stays
        JsonNode untouched = as.partner.get(Disputing.TICKETS + "/" + first).json();
        assertThat(untouched.path("lastUpdate").asString()).isEqualTo(untouched.path("creationDate").asString());
    }

    @Test
    void aWithdrawnDisputeIsNotAssignedAndAnUnknownOneIsNotFound() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        as.step(as.partner, id, "withdrawal", "{\"reason\": \"settled elsewhere\"}");

        TestHttp.Response refused = as.finance.put(assignee(id), "{\"assignee\": \"me\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("withdrawn");
        assertThat(as.finance.put(assignee(UUID.randomUUID().toString()), "{\"assignee\": \"me\"}").status())
                .isEqualTo(404);
        assertThat(as.finance.put(assignee(id), "{\"assignee\": \"system\"}").status()).isEqualTo(400);
        assertThat(as.finance.put(assignee(id), "{}").status()).isEqualTo(400);
    }

    @Test
    void aBulkAssignmentAssignsAllOrNoneNamingTheDisputesItCannotAssign() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String first = as.open(statement, "5");
        String second = as.open(statement, "6");
        String withdrawn = as.open(statement, "7");
        as.step(as.partner, withdrawn, "withdrawal", "{\"reason\": \"settled elsewhere\"}");
        String unknown = UUID.randomUUID().toString();

        TestHttp.Response refused = as.finance.post(Disputing.API + "/assignments", bulk("me", first, second,
                withdrawn, unknown, "not-an-id"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains(unknown).contains("not-an-id")
                .contains(withdrawn + " (withdrawn)");
        assertThat(refused.json().path("unknown").toString()).contains(unknown, "not-an-id");
        assertThat(refused.json().path("notAssignable").get(0).asString()).isEqualTo(withdrawn);
        assertThat(ids(as.finance.get(list(as, "assignee=none")))).contains(first, second);

        TestHttp.Response assigned = as.finance.post(Disputing.API + "/assignments", bulk("me", first, second,
                first));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().path("assignee").asString()).isEqualTo("fin");
        assertThat(assigned.json().path("disputeIds")).hasSize(2);
        assertThat(ids(as.finance.get(list(as, "assignee=fin")))).containsExactlyInAnyOrder(first, second);
        assertThat(as.finance.post(Disputing.API + "/assignments", "{\"disputeIds\": [], \"assignee\": \"me\"}")
                .status()).isEqualTo(400);
        // another partner's dispute is no secret to staff, but a partner cannot reach the endpoint at all (above)
    }

    /**
     * Two staff assigning at once: the one whose save comes second read the dispute before the first committed, and
     * gets a 409 (the version it read is gone) instead of overwriting the other's assignment unseen.
     */
    @Test
    void ofTwoStaffAssigningAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<TestHttp.Response> loser = transactions.execute(status -> {
                // the winner's save, not yet committed: it holds the row
                jdbc.sql("update dispute set assignee = 'winner', version = version + 1 where id = :id")
                        .param("id", UUID.fromString(id)).update();
                CompletableFuture<TestHttp.Response> meanwhile = CompletableFuture.supplyAsync(() -> as.finance.put(
                        assignee(id), "{\"assignee\": \"me\"}"), pool);
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheRow() > 0);
                return meanwhile;
            });
            TestHttp.Response response = loser.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
        } finally {
            pool.shutdownNow();
        }
        assertThat(as.finance.get(Disputing.TICKETS + "/" + id).json().path("assignee").asString())
                .isEqualTo("winner");
    }

    /** Sessions waiting for a row lock of the dispute table to save a dispute. */
    private long waitingForTheRow() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                          and query like 'update dispute set description%'
                        """).query(Long.class).single();
    }

    private static String assignee(String id) {
        return Disputing.API + "/" + id + "/assignee";
    }

    private static String list(Disputing as, String query) {
        return Disputing.TICKETS + "?partnerId=" + as.partnerId + (query.isEmpty() ? "" : "&" + query);
    }

    private static String bulk(String assignee, String... ids) {
        List<String> quoted = new ArrayList<>();
        for (String id : ids) {
            quoted.add("\"" + id + "\"");
        }
        return "{\"disputeIds\": [" + String.join(", ", quoted) + "], \"assignee\": \"" + assignee + "\"}";
    }

    private static List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(ticket -> ids.add(ticket.path("id").asString()));
        return ids;
    }
}
