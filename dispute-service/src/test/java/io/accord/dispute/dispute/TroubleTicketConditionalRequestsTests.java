package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trouble ticket answers an ETag and its steps honour If-Match, so two handlers acting on the same dispute from the
 * same page no longer overwrite each other unseen: the second is told the ticket changed (412) and nothing of its
 * step is done. The tag is a digest of the ticket as the caller sees it, so a comment (kept in rows of its own) moves
 * it, and an assignment, which a partner never sees, moves staff's tag only.
 */
@AccordServiceTest
class TroubleTicketConditionalRequestsTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TroubleTicketConditionalRequestsTests(SettlementFixtures settlement, JdbcClient jdbc,
                                          PlatformTransactionManager transactions) {
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Test
    void ofTwoHandlersAssigningFromTheSamePageTheSecondGets412AndNothingChanges() {
        Disputing as = new Disputing(port);
        TestHttp anna = staff("anna-" + as.partnerId.substring(0, 8), Roles.FINANCE);
        TestHttp ben = staff("ben-" + as.partnerId.substring(0, 8), Roles.FINANCE);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "40");
        String annasPage = anna.get(ticket(id)).header("ETag");
        String bensPage = ben.get(ticket(id)).header("ETag");
        assertThat(annasPage).isNotBlank().isEqualTo(bensPage);

        TestHttp.Response annas = anna.header("If-Match", annasPage).put(assignee(id), "{\"assignee\": \"me\"}");
        TestHttp.Response bens = ben.header("If-Match", bensPage).put(assignee(id), "{\"assignee\": \"me\"}");

        String applied = assertFirstAppliedOthersRefused(annasPage, annas, bens);
        assertThat(applied).isEqualTo(ben.get(ticket(id)).header("ETag"));
        assertThat(ben.get(ticket(id)).json().path("assignee").asString()).isEqualTo(annas.json().path("assignee")
                .asString()).startsWith("anna-");
        assertThat(audited(id, "troubleTicketAssignment")).isEqualTo(1);
        // Ben reads again and decides on what it shows now
        TestHttp.Response again = ben.header("If-Match", ben.get(ticket(id)).header("ETag"))
                .put(assignee(id), "{\"assignee\": \"me\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("assignee").asString()).startsWith("ben-");
    }

    /**
     * Finance proposes from a page read before the partner rejected the last proposal: without If-Match the proposal
     * would be made (the dispute is back in review) without finance having seen why the partner rejected; with it, 412,
     * no proposal, no audit row, no event.
     */
    @Test
    void aStepTakenFromAPageSomeoneChangedSinceIsRefusedWithoutAuditOrEvent() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "40");
        String reviewed = as.step(as.finance, id, "review", null).header("ETag");
        TestHttp.Response proposed = as.finance.header("If-Match", reviewed)
                .post(step(id, "proposal"), Disputing.proposal("30.00"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        String page = as.finance.get(ticket(id)).header("ETag");
        assertThat(proposed.header("ETag")).isEqualTo(page);
        String partnersPage = as.partner.get(ticket(id)).header("ETag");
        TestHttp.Response rejected = as.partner.header("If-Match", partnersPage)
                .post(step(id, "rejection"), "{\"reason\": \"the whole month was wrong\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        long audits = audited(id, "troubleTicket");
        long events = published(id);

        TestHttp.Response stale = as.finance.header("If-Match", page)
                .post(step(id, "proposal"), Disputing.proposal("20.00"));

        assertPreconditionFailed(stale, as.finance.get(ticket(id)).header("ETag"));
        var now = as.finance.get(ticket(id)).json();
        assertThat(now.path("status").asString()).isEqualTo("inReview");
        assertThat(now.path("proposal").path("state").asString()).isEqualTo("rejected");
        assertThat(now.path("proposal").path("amount").path("value").asString()).isEqualTo("30.000000");
        assertThat(audited(id, "troubleTicket")).isEqualTo(audits);
        assertThat(published(id)).isEqualTo(events);
        // a partner's stale page is refused the same way
        assertThat(as.partner.header("If-Match", partnersPage).post(step(id, "withdrawal"),
                "{\"reason\": \"never mind\"}").status()).isEqualTo(412);
        assertThat(as.partner.get(ticket(id)).json().path("status").asString()).isEqualTo("inReview");
    }

    /**
     * The check runs in the step's transaction, after the dispute's row is locked: a change committed while the step
     * waited for the row is seen, and the step is a 412 (not a 409 to retry, nor applied over it).
     */
    @Test
    void aChangeCommittedWhileTheStepWaitedForTheDisputeIsA412() throws Exception {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String page = as.finance.get(ticket(id)).header("ETag");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<TestHttp.Response> waited = transactions.execute(status -> {
                // another handler's assignment, not yet committed: it holds the row
                jdbc.sql("update dispute set assignee = 'winner', version = version + 1 where id = :id")
                        .param("id", UUID.fromString(id)).update();
                CompletableFuture<TestHttp.Response> meanwhile = CompletableFuture.supplyAsync(() -> as.finance
                        .header("If-Match", page).put(assignee(id), "{\"assignee\": \"me\"}"), pool);
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheRow() > 0);
                return meanwhile;
            });
            TestHttp.Response response = waited.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(412);
            assertThat(response.contentType()).startsWith("application/problem+json");
        } finally {
            pool.shutdownNow();
        }
        assertThat(as.finance.get(ticket(id)).json().path("assignee").asString()).isEqualTo("winner");
    }

    @Test
    void aTicketAnswers304WhileWhatTheCallerSeesIsUnchanged() {
        Disputing as = new Disputing(port);
        TestHttp.Response created = as.partner.post(Disputing.TICKETS, Disputing.ticket(
                settlement.issue(as.partnerId, "100.00", Instant.now()), UUID.randomUUID().toString(), "5", "RATE"));
        String id = created.json().path("id").asString();
        String partners = as.partner.get(ticket(id)).header("ETag");
        assertThat(created.header("ETag")).isEqualTo(partners);
        String staffs = as.finance.get(ticket(id)).header("ETag");

        assertNotModified(as.partner.header("If-None-Match", partners).get(ticket(id)));
        assertThat(as.partner.header("If-None-Match", partners).get(ticket(id) + "?fields=status").status())
                .isEqualTo(304);
        // another partner learns nothing, not even that its tag would not match
        assertThat(new Disputing(port).partner.header("If-None-Match", partners).get(ticket(id)).status())
                .isEqualTo(404);

        // an assignment is staff's: their tag moves, the partner's does not
        as.finance.put(assignee(id), "{\"assignee\": \"me\"}");
        assertThat(as.finance.header("If-None-Match", staffs).get(ticket(id)).status()).isEqualTo(200);
        assertThat(as.partner.header("If-None-Match", partners).get(ticket(id)).status()).isEqualTo(304);

        // a comment is kept in rows of its own, and shown on the ticket: it moves the tag
        TestHttp.Response commented = as.finance.post(step(id, "comments"), "{\"text\": \"we are looking\"}");
        TestHttp.Response changed = as.partner.header("If-None-Match", partners).get(ticket(id));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("note").get(0).path("text").asString()).isEqualTo("we are looking");
        assertThat(changed.header("ETag")).isNotEqualTo(partners);
        assertThat(commented.header("ETag")).isEqualTo(as.finance.get(ticket(id)).header("ETag"));
        assertPreconditionFailed(as.partner.header("If-Match", partners).get(ticket(id)), changed.header("ETag"));
    }

    @Test
    void thePartnersPatchHonoursIfMatchAndAMalformedOneIsA400() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String page = as.partner.get(ticket(id)).header("ETag");

        assertMalformedIfMatch(as.partner.header("If-Match", "3")
                .patch(ticket(id), "{\"description\": \"malformed\"}"));
        assertThat(as.finance.header("If-Match", "not quoted").post(step(id, "review"), null).status())
                .isEqualTo(400);
        assertThat(as.finance.header("If-Match", "W/" + page).post(step(id, "review"), null).status())
                .as("a weak tag never matches").isEqualTo(412);
        assertThat(as.partner.get(ticket(id)).header("ETag")).isEqualTo(page);

        TestHttp.Response described = as.partner.header("If-Match", page)
                .patch(ticket(id), "{\"description\": \"all of March\"}");
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.header("ETag")).isEqualTo(as.partner.get(ticket(id)).header("ETag"));
        TestHttp.Response stale = as.partner.header("If-Match", page)
                .patch(ticket(id), "{\"description\": \"only the 3rd\"}");
        assertPreconditionFailed(stale, described.header("ETag"));
        assertThat(as.partner.get(ticket(id)).json().path("description").asString()).isEqualTo("all of March");
        assertThat(as.finance.header("If-Match", "*").post(step(id, "review"), null).status()).isEqualTo(200);
    }

    /**
     * Evidence and internal notes were taken from any page: a handler uploading or noting on a ticket that moved since
     * acted on what it no longer shows. With If-Match they are 412 and nothing is added; the answers carry the new tag.
     */
    @Test
    void evidenceAndInternalNotesFromAStalePageAreRefusedAndTheirAnswersCarryTheNewTag() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String partnersPage = as.partner.get(ticket(id)).header("ETag");

        TestHttp.Response uploaded = as.partner.header("If-Match", partnersPage).postMultipart(step(id, "attachments"),
                new TestMultipart().file("file", "cdrs.pdf", "application/pdf", PDF));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.header("ETag")).isNotEqualTo(partnersPage)
                .isEqualTo(as.partner.get(ticket(id)).header("ETag"));
        TestHttp.Response staleUpload = as.partner.header("If-Match", partnersPage)
                .postMultipart(step(id, "attachments"), new TestMultipart().file("file", "more.pdf",
                        "application/pdf", PDF));
        assertPreconditionFailed(staleUpload, uploaded.header("ETag"));
        assertThat(as.partner.get(ticket(id)).json().path("attachment")).hasSize(1);

        String staffsPage = as.finance.get(ticket(id)).header("ETag");
        TestHttp.Response noted = as.finance.header("If-Match", staffsPage)
                .post(step(id, "internal-notes"), "{\"text\": \"looks like a rating bug\"}");
        assertThat(noted.status()).as(noted.body()).isEqualTo(201);
        assertThat(noted.header("ETag")).isEqualTo(as.finance.get(ticket(id)).header("ETag"));
        as.partner.post(step(id, "comments"), "{\"text\": \"any news?\"}");
        TestHttp.Response staleNote = as.finance.header("If-Match", staffsPage)
                .post(step(id, "internal-notes"), "{\"text\": \"from an old page\"}");
        assertPreconditionFailed(staleNote, as.finance.get(ticket(id)).header("ETag"));
        assertThat(as.finance.get(step(id, "internal-notes")).json()).hasSize(1);
        assertThat(as.finance.header("If-Match", "*").post(step(id, "internal-notes"), "{\"text\": \"any\"}")
                .status()).isEqualTo(201);
    }

    /** A bulk assignment names the tag of each ticket as read: one that moved since is a 412 and none is assigned. */
    @Test
    void aBulkAssignmentFromAStalePageAssignsNone() {
        Disputing as = new Disputing(port);
        String first = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String second = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "6");
        String firstsTag = as.finance.get(ticket(first)).header("ETag");
        String secondsTag = as.finance.get(ticket(second)).header("ETag");
        String bulk = "{\"disputeIds\": [\"" + first + "\", \"" + second + "\"], \"assignee\": \"me\"}";
        as.finance.put(assignee(second), "{\"assignee\": \"someone-else\"}");

        TestHttp.Response stale = as.finance.header("If-Match", firstsTag + ", " + secondsTag)
                .post(Disputing.API + "/assignments", bulk);

        String secondNow = as.finance.get(ticket(second)).header("ETag");
        assertPreconditionFailed(stale, secondNow);
        assertThat(as.finance.get(ticket(first)).json().path("assignee").isMissingNode()
                || as.finance.get(ticket(first)).json().path("assignee").isNull()).isTrue();
        assertThat(as.finance.get(ticket(second)).json().path("assignee").asString()).isEqualTo("someone-else");

        TestHttp.Response assigned = as.finance.header("If-Match", firstsTag + ", " + secondNow)
                .post(Disputing.API + "/assignments", bulk);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(as.finance.get(ticket(second)).json().path("assignee").asString())
                .isNotEqualTo("someone-else");
    }

    @Test
    void theApiDocumentationListsThe412WhereIfMatchIsTaken() {
        var paths = TestHttp.localPort(port).get("/v3/api-docs").json().path("paths");
        var ticket = paths.path(Disputing.TICKETS + "/{id}");
        var proposal = paths.path(Disputing.API + "/{id}/proposal").path("post");
        var assign = paths.path(Disputing.API + "/{id}/assignee");

        for (var operation : java.util.List.of(ticket.path("patch"), proposal, assign.path("put"),
                assign.path("delete"))) {
            assertThat(operation.path("parameters").toString()).contains("\"If-Match\"");
            assertThat(operation.path("responses").has("412")).as(operation.path("operationId").asString()).isTrue();
        }
        // the GET honours If-Match too (the starter's IfMatchOnReads) and says so, with its 304
        assertThat(ticket.path("get").path("responses").has("412")).isTrue();
        assertThat(ticket.path("get").path("responses").has("304")).isTrue();
    }

    private TestHttp staff(String name, String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(name, role));
    }

    private long audited(String id, String resourceType) {
        return jdbc.sql("select count(*) from audit_event where resource_type = :type and resource_id = :id")
                .param("type", resourceType).param("id", id).query(Long.class).single();
    }

    private long published(String id) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :id").param("id", id)
                .query(Long.class).single();
    }

    /** Sessions waiting for the dispute's row lock, as a step sent with If-Match takes it. */
    private long waitingForTheRow() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                          and query like 'select id from dispute where id%for update'
                        """).query(Long.class).single();
    }

    private static String ticket(String id) {
        return Disputing.TICKETS + "/" + id;
    }

    private static String step(String id, String step) {
        return Disputing.API + "/" + id + "/" + step;
    }

    private static String assignee(String id) {
        return step(id, "assignee");
    }
}
