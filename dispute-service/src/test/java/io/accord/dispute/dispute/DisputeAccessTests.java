package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenancy (another partner's dispute is 404), unknown ids, and internal notes that never reach the partner. */
@AccordServiceTest
class DisputeAccessTests {

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;

    DisputeAccessTests(SettlementFixtures settlement, JdbcClient jdbc) {
        this.settlement = settlement;
        this.jdbc = jdbc;
    }

    @Test
    void aPartnerSeesOnlyItsOwnDisputes() {
        Disputing owner = new Disputing(port);
        Disputing other = new Disputing(port);
        String id = owner.open(settlement.issue(owner.partnerId, "100.00", Instant.now()), "5");
        assertThat(other.partner.get(Disputing.TICKETS + "/" + id).status()).isEqualTo(404);
        assertThat(other.step(other.partner, id, "withdrawal", "{\"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(other.partner.get(Disputing.API + "/" + id + "/sla").status()).isEqualTo(404);
        TestHttp.Response list = other.partner.get(Disputing.TICKETS);
        assertThat(list.body()).doesNotContain(id);
        assertThat(list.header("X-Total-Count")).isEqualTo("0");
        TestHttp.Response mine = owner.partner.get(Disputing.TICKETS + "?status=open&fields=status");
        assertThat(mine.header("X-Total-Count")).isEqualTo("1");
        assertThat(mine.json().get(0).path("id").asString()).isEqualTo(id);
        assertThat(mine.json().get(0).has("description")).isFalse();
        assertThat(owner.finance.get(Disputing.TICKETS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void disputesAreListedByStatementAndByPartner() {
        Disputing owner = new Disputing(port);
        Disputing other = new Disputing(port);
        String first = settlement.issue(owner.partnerId, "100.00", Instant.now());
        String second = settlement.issue(owner.partnerId, "80.00", Instant.now());
        String onFirst = owner.open(first, "5");
        String onSecond = owner.open(second, "6");
        String elsewhere = other.open(settlement.issue(other.partnerId, "90.00", Instant.now()), "7");

        TestHttp.Response byStatement = owner.finance.get(Disputing.TICKETS + "?statementId=" + first);
        assertThat(byStatement.header("X-Total-Count")).isEqualTo("1");
        assertThat(byStatement.json().get(0).path("id").asString()).isEqualTo(onFirst);
        TestHttp.Response byPartner = owner.finance.get(Disputing.TICKETS + "?partnerId=" + owner.partnerId);
        assertThat(byPartner.header("X-Total-Count")).isEqualTo("2");
        assertThat(byPartner.body()).contains(onFirst, onSecond).doesNotContain(elsewhere);
        assertThat(owner.partner.get(Disputing.TICKETS + "?statementId=" + second).body()).contains(onSecond)
                .doesNotContain(onFirst);
        // a partner naming another partner gets nothing of either
        TestHttp.Response foreign = owner.partner.get(Disputing.TICKETS + "?partnerId=" + other.partnerId);
        assertThat(foreign.header("X-Total-Count")).isEqualTo("0");
        for (String bad : new String[]{"statementId=nope", "partnerId=123"}) {
            TestHttp.Response refused = owner.finance.get(Disputing.TICKETS + "?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void listsAreNewestFirstAndFilteredByCreationTime() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String first = as.open(statement, "1");
        String second = as.open(statement, "2");
        String third = as.open(statement, "3");
        assertThat(ids(as.partner.get(Disputing.TICKETS))).containsExactly(third, second, first);
        assertThat(ids(as.finance.get(Disputing.TICKETS + "?partnerId=" + as.partnerId + "&limit=1")))
                .containsExactly(third);

        String secondOpened = as.partner.get(Disputing.TICKETS + "/" + second).json().path("creationDate").asString();
        assertThat(ids(as.partner.get(Disputing.TICKETS + "?createdFrom=" + secondOpened)))
                .containsExactly(third, second);
        assertThat(ids(as.partner.get(Disputing.TICKETS + "?createdTo=" + secondOpened))).containsExactly(first);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        TestHttp.Response byDay = as.partner.get(Disputing.TICKETS + "?createdTo=" + tomorrow + "&createdFrom="
                + LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThat(ids(byDay)).containsExactly(third, second, first);
        assertThat(byDay.header("X-Total-Count")).isEqualTo("3");

        for (String bad : new String[]{"createdFrom=yesterday", "createdTo=2026-13-01", "createdFrom=" + tomorrow
                + "&createdTo=" + today}) {
            TestHttp.Response refused = as.partner.get(Disputing.TICKETS + "?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("violations").get(0).path("field").asString())
                    .isIn("createdFrom", "createdTo");
        }
    }

    @Test
    void listsAreSortedByTheRunningSlaDeadlineOrCreationTimeAndAnUnknownSortIsRefused() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String answered = as.open(statement, "1");
        String first = as.open(statement, "2");
        String second = as.open(statement, "3");
        // answered: its first response is given, so the resolution deadline (10 business days) is the one that runs;
        // the two others still wait for theirs (2 business days), the earlier opened due first
        assertThat(as.step(as.finance, answered, "review", null).status()).isEqualTo(200);
        String tickets = Disputing.TICKETS + "?partnerId=" + as.partnerId;

        assertThat(ids(as.finance.get(tickets + "&sort=dueBy"))).containsExactly(first, second, answered);
        assertThat(ids(as.partner.get(tickets + "&sort=-dueBy"))).containsExactly(answered, second, first);
        assertThat(ids(as.finance.get(tickets + "&sort=createdAt"))).containsExactly(answered, first, second);
        assertThat(ids(as.finance.get(tickets + "&sort=-createdAt"))).containsExactly(second, first, answered);
        assertThat(ids(as.finance.get(tickets))).as("the default stays newest first")
                .containsExactly(second, first, answered);
        // paged and filtered in that order: the work queue reads the most overdue first, a page at a time
        TestHttp.Response page = as.finance.get(tickets + "&status=open&status=inReview&sort=dueBy&offset=1&limit=1");
        assertThat(ids(page)).containsExactly(second);
        assertThat(page.header("X-Total-Count")).isEqualTo("3");

        for (String bad : new String[]{"sort=priority", "sort=dueBy&sort=-createdAt", "sort=", "sort=DUEBY",
                "sort=Amount"}) {
            TestHttp.Response refused = as.finance.get(tickets + "&" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo("sort");
            assertThat(refused.body()).as(bad).contains("-createdAt, createdAt, dueBy, -dueBy");
        }
    }

    @Test
    void aBusyQueueIsSortedByAmountOrLastUpdateAndFilteredByAnAmountRange() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        String small = as.open(statement, "5");
        String large = as.open(statement, "120.50");
        String middle = as.open(statement, "40");
        // the small one changes last: a comment changes nothing of it, a review does
        assertThat(as.step(as.finance, small, "review", null).status()).isEqualTo(200);
        String tickets = Disputing.TICKETS + "?partnerId=" + as.partnerId;

        assertThat(ids(as.finance.get(tickets + "&sort=amount"))).containsExactly(small, middle, large);
        assertThat(ids(as.partner.get(tickets + "&sort=-amount"))).containsExactly(large, middle, small);
        assertThat(ids(as.finance.get(tickets + "&sort=-lastUpdate"))).containsExactly(small, middle, large);
        assertThat(ids(as.finance.get(tickets + "&sort=lastUpdate"))).containsExactly(large, middle, small);
        assertThat(ids(as.finance.get(tickets + "&amount.gte=40&amount.lte=120.5&sort=amount")))
                .containsExactly(middle, large);
        assertThat(ids(as.finance.get(tickets + "&amount.gte=40.000001"))).containsExactly(large);
        assertThat(ids(as.partner.get(tickets + "&amount.lte=40&sort=-amount"))).containsExactly(middle, small);

        for (String bad : new String[]{"amount.gte=ten", "amount.lte=-1", "amount.gte=50&amount.lte=10"}) {
            TestHttp.Response refused = as.finance.get(tickets + "&" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("violations").get(0).path("field").asString()).startsWith("amount.");
        }
    }

    @Test
    void listFiltersTakeAlternativesRepeatedOrCommaSeparatedAndAnEscapedCommaIsPartOfTheValue() {
        Disputing as = new Disputing(port);
        Disputing other = new Disputing(port);
        String first = settlement.issue(as.partnerId, "100.00", Instant.now());
        String second = settlement.issue(as.partnerId, "100.00", Instant.now());
        String open = as.open(first, "1");
        String inReview = as.open(first, "2");
        assertThat(as.step(as.finance, inReview, "review", null).status()).isEqualTo(200);
        String withdrawn = as.open(second, "3");
        assertThat(as.step(as.partner, withdrawn, "withdrawal", "{\"reason\": \"x\"}").status()).isEqualTo(200);
        TestHttp.Response tax = as.partner.post(Disputing.TICKETS, Disputing.ticket(second,
                UUID.randomUUID().toString(), "4", "TAX"));
        assertThat(tax.status()).as(tax.body()).isEqualTo(201);
        String taxed = tax.json().path("id").asString();
        String elsewhere = other.open(settlement.issue(other.partnerId, "90.00", Instant.now()), "5");
        String mine = Disputing.TICKETS + "?partnerId=" + as.partnerId;

        // repeated parameters are ORed together with the alternatives each separates by commas (TMF630)
        assertThat(ids(as.finance.get(mine + "&status=open,withdrawn&status=inReview")))
                .containsExactlyInAnyOrder(open, inReview, withdrawn, taxed);
        assertThat(ids(as.partner.get(Disputing.TICKETS + "?status=inReview&status=withdrawn%2CinReview")))
                .containsExactlyInAnyOrder(inReview, withdrawn);
        assertThat(ids(as.finance.get(mine + "&category=TAX&category=OTHER,TAX"))).containsExactly(taxed);
        assertThat(ids(as.finance.get(mine + "&category=RATE,TAX&status=withdrawn&status=open")))
                .containsExactlyInAnyOrder(open, withdrawn, taxed);
        assertThat(ids(as.finance.get(Disputing.TICKETS + "?statementId=" + first + "," + second
                + "&statementId=" + first))).containsExactlyInAnyOrder(open, inReview, withdrawn, taxed);
        assertThat(ids(as.finance.get(Disputing.TICKETS + "?partnerId=" + as.partnerId + "&partnerId="
                + other.partnerId + "&status=open,inReview")))
                .containsExactlyInAnyOrder(open, inReview, taxed, elsewhere);
        // a partner naming another partner among the alternatives still sees only its own
        assertThat(ids(as.partner.get(Disputing.TICKETS + "?partnerId=" + other.partnerId + "," + as.partnerId
                + "&status=open"))).containsExactlyInAnyOrder(open, taxed);
        assertThat(ids(as.partner.get(Disputing.TICKETS + "?status="))).as("an empty status filters nothing, as before")
                .hasSize(4);

        // an escaped comma is part of the value (no status is called that), and an unknown value names its parameter
        for (String[] bad : new String[][]{{"status=open%5C,inReview", "status", "'open,inReview'"},
                {"status=open%5C%2CinReview", "status", "'open,inReview'"},
                {"status=open&status=inReview,bogus", "status", "'bogus'"},
                {"status=open,", "status", "''"},
                {"category=RATE&category=NOPE", "category", "'NOPE'"},
                {"statementId=" + first + ",nope", "statementId", "'nope'"},
                {"partnerId=" + as.partnerId + "&partnerId=123", "partnerId", "'123'"}}) {
            TestHttp.Response refused = as.finance.get(mine + "&" + bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("violations").get(0).path("field").asString()).as(bad[0])
                    .isEqualTo(bad[1]);
            assertThat(refused.json().path("detail").asString()).as(bad[0]).contains(bad[2]);
        }
    }

    @Test
    void theListsAlternativesAndTheUploaderSideAreInTheApiDocs() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();
        JsonNode list = docs.path("paths").path(Disputing.TICKETS).path("get");
        for (String filter : List.of("status", "category", "statementId", "partnerId")) {
            JsonNode parameter = list.path("parameters").valueStream()
                    .filter(each -> filter.equals(each.path("name").asString())).findFirst().orElseThrow();
            assertThat(parameter.path("in").asString()).as(filter).isEqualTo("query");
            assertThat(parameter.path("schema").path("type").asString()).as(filter).isEqualTo("array");
            assertThat(parameter.path("description").asString()).as(filter).contains("comma-separated or repeated");
        }
        assertThat(docs.path("components").path("schemas").valueStream()
                .filter(schema -> schema.path("properties").has("uploaderSide")).findFirst().orElseThrow()
                .path("properties").path("uploaderSide").path("enum").valueStream().map(JsonNode::asString)
                .toList()).containsExactly("PARTNER", "STAFF", "SYSTEM");
    }

    private static List<String> ids(TestHttp.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().map(ticket -> ticket.path("id").asString()).toList();
    }

    @Test
    void aRoleThatMayNotWriteGets403WhateverItSends() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR));
        for (String contentType : new String[]{"application/json", "text/plain", "application/merge-patch+json"}) {
            TestHttp.Response patched = auditor.send("PATCH", Disputing.TICKETS + "/" + id,
                    "{\"description\": \"x\"}", contentType);
            assertThat(patched.status()).as(contentType + ": " + patched.body()).isEqualTo(403);
            TestHttp.Response created = auditor.send("POST", Disputing.TICKETS, "{}", contentType);
            assertThat(created.status()).as(contentType + ": " + created.body()).isEqualTo(403);
        }
        // the partner still gets the 415 that tells it the Content-Type
        assertThat(as.partner.send("PATCH", Disputing.TICKETS + "/" + id, "{\"description\": \"x\"}",
                "application/json").status()).isEqualTo(415);
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("description").asString())
                .isEqualTo("rated at the old rate");
    }

    @Test
    void unknownIdsOfAnyShapeAre404() {
        Disputing as = new Disputing(port);
        for (String id : new String[]{UUID.randomUUID().toString(), "nope", "1", "%20"}) {
            assertThat(as.finance.get(Disputing.TICKETS + "/" + id).status()).as(id).isEqualTo(404);
        }
        assertThat(as.finance.get(Disputing.TICKETS + "?status=bogus").status()).isEqualTo(400);
    }

    @Test
    void staffInternalNotesNeverReachThePartner() {
        Disputing as = new Disputing(port);
        assertThat(as.partner.post("/tmf-api/troubleTicket/v4/hub",
                "{\"callback\": \"http://127.0.0.1:9/listener\"}").status()).isEqualTo(201);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String secret = "INTERNAL-" + UUID.randomUUID();
        TestHttp.Response note = as.finance.post(Disputing.API + "/" + id + "/internal-notes",
                "{\"text\": \"" + secret + "\"}");
        assertThat(note.status()).isEqualTo(201);
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "comments", "{\"text\": \"visible answer\"}");

        assertThat(as.finance.get(Disputing.API + "/" + id + "/internal-notes").body()).contains(secret);
        assertThat(as.partner.get(Disputing.API + "/" + id + "/internal-notes").status()).isEqualTo(403);
        assertThat(as.partner.post(Disputing.API + "/" + id + "/internal-notes", "{\"text\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).body()).contains("visible answer")
                .doesNotContain(secret);
        assertThat(as.partner.get(Disputing.TICKETS).body()).doesNotContain(secret);
        assertThat(as.finance.get(Disputing.TICKETS + "/" + id).body()).doesNotContain(secret);
        assertThat(as.partner.get(Disputing.API + "/kpis").body()).doesNotContain(secret);
        // events (settlement, partner systems) and hub notifications are built from the same partner view
        TestKafka.awaitRecords(Topics.DISPUTE_EVENTS, r -> id.equals(r.key())
                && TestKafka.value(r).contains("IN_REVIEW"), 1, SettlementFixtures.PATIENCE);
        assertThat(TestKafka.awaitRecords(Topics.DISPUTE_EVENTS, r -> id.equals(r.key()), 2,
                SettlementFixtures.PATIENCE)).allSatisfy(r -> assertThat(TestKafka.value(r)).doesNotContain(secret));
        assertThat(jdbc.sql("select count(*) from hub_event where payload like :s")
                .param("s", "%" + id + "%").query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from hub_event where payload like :s")
                .param("s", "%" + secret + "%").query(Long.class).single()).isZero();
        // the audit trail records the note by id only
        assertThat(jdbc.sql("select count(*) from audit_event where cast(after_state as text) like :s")
                .param("s", "%" + secret + "%").query(Long.class).single()).isZero();
        String auditor = TestJwt.staff("aud", Roles.AUDITOR);
        assertThat(TestHttp.localPort(port).as(auditor).get(Disputing.TICKETS + "/" + id).body())
                .doesNotContain(secret);
    }
}
