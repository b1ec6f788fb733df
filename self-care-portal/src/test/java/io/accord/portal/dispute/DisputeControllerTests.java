package io.accord.portal.dispute;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DisputeControllerTests extends PortalTestSupport {

    DisputeControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String ID = "d1500000-0000-4000-8000-000000000001";
    private static final String LATE = "d1500000-0000-4000-8000-000000000002";
    private static final String STATEMENT = "5b0d2c0e-0000-4000-8000-000000000001";

    private static String ticket(String id, String status, Instant firstResponseDue, String proposal) {
        return """
                {"id":"%s","status":"%s","category":"RATE","description":"rated at the old rate",
                 "creationDate":"2026-12-01T09:00:00Z","disputedAmount":{"unit":"EUR","value":"12.50"},
                 "relatedEntity":[{"id":"%s","role":"Statement"}],
                 "relatedParty":[{"id":"%s","role":"Partner","@referredType":"Organization"}],
                 "note":[{"author":"partner-admin","date":"2026-12-01T09:05:00Z","text":"see the CDRs"}],
                 "attachment":[{"id":"att1","name":"cdrs.pdf","mimeType":"application/pdf","version":1,"uploadedBy":"partner-admin"}],
                 "statusChangeHistory":[{"status":"open","changeDate":"2026-12-01T09:00:00Z","changedBy":"partner-admin"}],
                 "sla":{"firstResponseDue":"%s","resolutionDue":"2026-12-31T09:00:00Z","firstResponseBreached":false,
                        "resolutionBreached":false}%s}"""
                .formatted(id, status, STATEMENT, PARTNER_A, firstResponseDue, proposal == null ? "" : ",\"proposal\":" + proposal);
    }

    @Test
    void staffSeeTheWorkQueueWithSlaClocksDueFirstOnTop() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // in the service's order (sort=dueBy): the overdue one first
        STUB.answerJson("GET", TICKETS, 200, "[" + ticket(LATE, "inReview", now.minus(5, ChronoUnit.HOURS)
                .minusSeconds(60), null) + "," + ticket(ID, "open", now.plus(30, ChronoUnit.HOURS), null) + "]",
                Map.of("X-Total-Count", "2"));

        String page = mvc.perform(get("/disputes").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dispute work queue"),
                        containsString("First response due in 29 h"), containsString("First response overdue by 5 h"),
                        containsString("class=\"sla late\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(LATE)).as("the overdue one first").isLessThan(page.indexOf(ID));
        assertThat(STUB.requestsTo("GET", TICKETS).getFirst().query())
                .contains("status=open", "status=inReview", "status=escalated", "status=resolutionProposed",
                        "sort=dueBy");
    }

    @Test
    void allDisputesNameTheirPartnerAndSayWhatEachIsInWords() throws Exception {
        Instant due = Instant.now().plus(30, ChronoUnit.HOURS);
        STUB.answerJson("GET", TICKETS, 200, "[" + ticket(ID, "resolved", due, null).replace("\"RATE\"",
                "\"MISSING_USAGE\"") + "," + ticket(LATE, "withdrawn", due, null) + "]", Map.of("X-Total-Count", "2"));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH"}]""".formatted(PARTNER_A));
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.27}""".formatted(STATEMENT));

        mvc.perform(get("/disputes").param("show", "all").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("All disputes, newest first, open and finished."),
                        not(containsString("Open disputes, the nearest SLA deadline first")),
                        containsString("<th scope=\"col\">Partner</th>"), containsString(">Streamly GmbH<"),
                        containsString(">Missing usage<"), containsString(">Wrong rate<"),
                        containsString(">Resolved<"), containsString(">Withdrawn<"),
                        // each link names its dispute: category, amount, statement and when it was opened
                        containsString("aria-label=\"View dispute Wrong rate of 12.50 EUR on statement ST-2026-000042, "
                                + "opened 2026-12-01 09:00\">View</a>"),
                        not(containsString(">Open</a>")), not(containsString("MISSING_USAGE<")))));
        mvc.perform(get("/disputes").param("show", "all").header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Fehlende Nutzung<"), containsString(">Gelöst<"),
                        containsString(">Zurückgezogen<"), containsString(">Ansehen</a>"))));
    }

    @Test
    void aDisputeTellsStaffWhoseItIsAndItsHistoryInWords() throws Exception {
        String accepted = ticket(ID, "accepted", Instant.now().plus(30, ChronoUnit.HOURS), null)
                .replace("\"category\":\"RATE\"", "\"category\":\"OTHER\",\"outcome\":\"PARTIALLY_ACCEPTED\"")
                .replace("[{\"status\":\"open\"", "[{\"status\":\"inReview\",\"changeDate\":\"2026-12-01T10:00:00Z\","
                        + "\"changedBy\":\"finance\"},{\"status\":\"open\"");
        STUB.answerJson("GET", TICKETS + "/" + ID, accepted);
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH"}]""".formatted(PARTNER_A));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"dispute-partner\""),
                        containsString(">Streamly GmbH<"), containsString("Dispute: Other, 12.50 EUR"),
                        containsString("<title>Dispute on statement "), containsString(" (12.50 EUR) · Accord</title>"),
                        containsString(">Partly accepted<"), containsString(">Accepted<"),
                        containsString("2026-12-01 10:00 In review (finance)"),
                        not(containsString("PARTIALLY_ACCEPTED")), not(containsString(" inReview ")))));
        // the partner's view of the same dispute names our staff user as "Accord" (dispute-service), in words here
        STUB.answerJson("GET", TICKETS + "/" + ID, accepted.replace("\"finance\"", "\"Accord\""));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sonstiges"), containsString(">Teilweise anerkannt<"),
                        containsString("In Prüfung (Accord-Team)"), not(containsString("dispute-partner")))));
    }

    @Test
    void aPartnerSeesOurStaffAsTheAccordTeamAndItsOwnUsersByNameWhileStaffSeeEveryName() throws Exception {
        String staffView = ticket(ID, "escalated", Instant.now().plus(30, ChronoUnit.HOURS), null)
                .replace("\"text\":\"see the CDRs\"}]", "\"text\":\"see the CDRs\"},"
                        + "{\"author\":\"finance\",\"date\":\"2026-12-01T10:05:00Z\",\"text\":\"looking into it\"}]")
                .replace("\"uploadedBy\":\"partner-admin\"}]", "\"uploadedBy\":\"partner-admin\"},"
                        + "{\"id\":\"att2\",\"name\":\"rated.pdf\",\"mimeType\":\"application/pdf\",\"version\":2,"
                        + "\"uploadedBy\":\"finance\"}]")
                .replace("\"changedBy\":\"partner-admin\"}]", "\"changedBy\":\"partner-admin\"},"
                        + "{\"status\":\"inReview\",\"changeDate\":\"2026-12-01T10:00:00Z\",\"changedBy\":\"finance\"},"
                        + "{\"status\":\"escalated\",\"changeDate\":\"2026-12-04T10:00:00Z\",\"changedBy\":\"system\","
                        + "\"changeReason\":\"resolution SLA breached\"}]");
        STUB.answerJson("GET", TICKETS + "/" + ID, staffView);
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH"}]""".formatted(PARTNER_A));
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>partner-admin</strong>"),
                        containsString("<strong>finance</strong>"), containsString("cdrs.pdf (application/pdf, v1, "
                                + "partner-admin)"), containsString("rated.pdf (application/pdf, v2, finance)"),
                        containsString("2026-12-01 09:00 Open (partner-admin)"),
                        containsString("2026-12-01 10:00 In review (finance)"),
                        containsString("2026-12-04 10:00 Escalated (automatic): resolution SLA breached"))));

        // dispute-service shows the partner "Accord" for a staff user: the page says who in words
        STUB.answerJson("GET", TICKETS + "/" + ID, staffView.replace("\"finance\"", "\"Accord\""));
        for (String language : new String[] {"en", "de"}) {
            String team = "en".equals(language) ? "Accord team" : "Accord-Team";
            mvc.perform(get("/disputes/" + ID).header("Accept-Language", language)
                            .with(TestUsers.partner("partner-admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("<strong>partner-admin</strong>"),
                            containsString("<strong>" + team + "</strong>"),
                            containsString("v1, partner-admin)"), containsString("v2, " + team + ")"),
                            containsString(" (partner-admin)"), containsString(" (" + team + ")"),
                            not(containsString("(Accord)")), not(containsString("<strong>Accord</strong>")),
                            not(containsString("finance")))));
        }
    }

    @Test
    void aDisputeListPageBeyondTheLastRedirectsToTheLastWithItsView() throws Exception {
        // 30 open disputes are two pages of 25: the work queue, and staff's "all" view keeping show=all
        STUB.answerJson("GET", TICKETS, 200, "[]", Map.of("X-Total-Count", "30"));
        mvc.perform(get("/disputes?page=9").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/disputes?page=1"));
        mvc.perform(get("/disputes?show=all&page=4").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/disputes?show=all&page=1"));
        // the last page itself is shown
        mvc.perform(get("/disputes?page=1").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk());
        assertThat(STUB.requestsTo("GET", TICKETS).getLast().query()).contains("offset=25", "limit=25");
        // a partner without disputes: the first page
        STUB.answerJson("GET", TICKETS, 200, "[]", Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", "/api/settlement/statements", 200, "[]", Map.of("X-Total-Count", "0"));
        mvc.perform(get("/disputes?page=3").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/disputes?page=0"));
        // not a number: the first page, as before
        mvc.perform(get("/disputes?page=x&show=all").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/disputes?show=all&page=0"));
    }

    @Test
    void aPartnerSeesItsDisputesAndOpensOneOnAStatementLine() throws Exception {
        STUB.answerJson("GET", TICKETS, "[]");
        STUB.answerJson("GET", "/api/settlement/statements", """
                [{"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.27}]""".formatted(STATEMENT));
        mvc.perform(get("/disputes").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Open a dispute"), containsString("ST-2026-000042"),
                        containsString("<label for=\"statementId\">"))));

        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.27,
                 "lines":[{"type":"USAGE_SHARE","label":"Streamo views","rounded":15.35}]}""".formatted(STATEMENT));
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + STATEMENT + "-1\""),
                        containsString("Streamo views"), containsString("<label for=\"amount\">"))));

        STUB.answerJson("POST", TICKETS, 201, ticket(ID, "open", Instant.now().plusSeconds(3600), null), Map.of());
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("statementId", STATEMENT).param("lineId", STATEMENT + "-1").param("category", "RATE")
                        .param("amount", "12,50").param("description", "rated at the old rate")
                        .header("Accept-Language", "de"))
                .andExpect(redirectedUrl("/disputes/" + ID))
                // the dispute's page confirms it, as it does a withdrawal
                .andExpect(flash().attribute("noticeKey", "disputes.done.opened"));
        var opened = JSON.readTree(STUB.requestsTo("POST", TICKETS).getFirst().body());
        assertThat(opened.path("ticketType").asString()).isEqualTo("BillingDispute");
        assertThat(opened.path("category").asString()).isEqualTo("RATE");
        assertThat(opened.path("disputedAmount").path("value").asString()).isEqualTo("12.50");
        assertThat(opened.path("disputedAmount").path("unit").asString()).isEqualTo("EUR");
        assertThat(opened.path("relatedEntity").get(1).path("id").asString()).isEqualTo(STATEMENT + "-1");
        assertThat(opened.path("relatedEntity").get(1).path("role").asString()).isEqualTo("StatementLine");
    }

    @Test
    void aGermanPartnerChoosesTheLineByTheNameTheStatementPageGivesIt() throws Exception {
        String offering = "f9f04e7f-26f5-487d-b288-fbd835195ca0";
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.27,
                 "lines":[{"type":"USAGE_REVENUE_SHARE","label":"Usage revenue share VOICE","offeringId":"%s",
                           "usageType":"VOICE","rounded":15.35},
                          {"type":"MINIMUM_GUARANTEE_TOP_UP","label":"Minimum guarantee top-up","rounded":2.92}]}"""
                .formatted(STATEMENT, offering));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + offering, """
                {"id":"%s","name":"Cloud Gaming Plus"}""".formatted(offering));

        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"line-1\">Cloud Gaming Plus · Sprache</label>"),
                        containsString("<td class=\"num\">15,35 EUR</td>"),
                        not(containsString("Usage revenue share")), not(containsString("Minimum guarantee top-up")))));
    }

    /** The statement page's "Dispute" link of a line: the form starts with that line and its amount. */
    @Test
    void theFormStartsWithTheLineAndAmountTheStatementPageNamed() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.27,
                 "lines":[{"type":"REVENUE_SHARE","label":"Streamo views","rounded":15.35},
                          {"type":"WHOLESALE","label":"Wholesale, SMS","rounded":2.92}]}""".formatted(STATEMENT));

        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).param("lineId", STATEMENT + "-2")
                        .param("amount", "1234.50").header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"" + STATEMENT + "-2\" checked=\"checked\">"),
                        not(containsString("value=\"" + STATEMENT + "-1\" checked")),
                        containsString("name=\"lineAmount-" + STATEMENT + "-2\" id=\"lineAmount-" + STATEMENT
                                + "-2\" value=\"1234,50\""),
                        // the other line starts at its own amount, in the user's language
                        containsString("name=\"lineAmount-" + STATEMENT + "-1\" id=\"lineAmount-" + STATEMENT
                                + "-1\" value=\"15,35\""))));

        // a line the statement does not have is not chosen: the whole statement is
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).param("lineId", STATEMENT + "-9")
                        .param("amount", "2.92").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("checked")),
                        not(containsString("-9\"")), containsString("name=\"amount\" type=\"text\" inputmode=\"decimal\" value=\"2.92\""))));
    }

    @Test
    void theDisputedAmountIsReadInTheUsersLanguage() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT,
                "{\"id\":\"%s\",\"currency\":\"EUR\",\"totalAmount\":62015.72,\"lines\":[]}".formatted(STATEMENT));
        STUB.answerJson("POST", TICKETS, 201, ticket(ID, "open", Instant.now().plusSeconds(3600), null), Map.of());
        // the total as the German page shows it, an English thousand: both whole, not 62.01572 or 1.00
        for (String[] typed : new String[][] {{"62.015,72", "de", "62015.72"}, {"1,000", "en", "1000"},
                {"1.000", "de", "1000"}}) {
            mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                            .header("Accept-Language", typed[1]).param("statementId", STATEMENT)
                            .param("category", "RATE").param("amount", typed[0]).param("description", "too much"))
                    .andExpect(redirectedUrl("/disputes/" + ID));
            assertThat(JSON.readTree(STUB.requestsTo("POST", TICKETS).getLast().body())
                    .path("disputedAmount").path("value").asString()).isEqualTo(typed[2]);
        }
        // a decimal mark where the language groups, more decimals than the euro has: refused at the field
        for (String[] typed : new String[][] {{"1,5", "en"}, {"1.5", "de"}, {"12,505", "de"}}) {
            mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                            .header("Accept-Language", typed[1]).param("statementId", STATEMENT)
                            .param("category", "RATE").param("amount", typed[0]).param("description", "too much"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("id=\"amount-error\""),
                            containsString("aria-describedby=\"amount-hint amount-error\""))));
        }
        assertThat(STUB.requestsTo("POST", TICKETS)).hasSize(3);
    }

    @Test
    void aBadAmountIsABadRequestThatOpensNothing() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT,
                "{\"id\":\"%s\",\"currency\":\"EUR\",\"lines\":[]}".formatted(STATEMENT));
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("statementId", STATEMENT).param("category", "RATE").param("amount", "-3")
                        .param("description", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"amount-error\""),
                        containsString("aria-invalid=\"true\""),
                        containsString("id=\"dispute-form-errors\""), containsString("Please correct the 1 marked field(s)."))));
        assertThat(STUB.requestsTo("POST", TICKETS)).isEmpty();
    }

    @Test
    void thePartnerReadsTheThreadAndAcceptsAProposal() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "resolutionProposed", Instant.now().plusSeconds(7200),
                "{\"direction\":\"CREDIT_PARTNER\",\"amount\":{\"unit\":\"EUR\",\"value\":\"10.00\"},\"reason\":\"old rate\"}"));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("see the CDRs"), containsString("cdrs.pdf"),
                        containsString("Credit to the partner: 10.00 EUR"), containsString("Accept the proposal"),
                        containsString("<label for=\"rejection-reason\">"), not(containsString("Propose the resolution")),
                        containsString("<a data-testid=\"statement\" href=\"/statements/" + STATEMENT + "\" title=\""
                                + STATEMENT + "\">5b0d2c0e</a>"))));

        STUB.answerJson("POST", "/api/disputes/" + ID + "/acceptance", "{}");
        mvc.perform(post("/disputes/" + ID + "/acceptance").with(csrf()).with(TestUsers.partner("partner-user")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputes.done.acceptance"));
        assertThat(STUB.requestsTo("POST", "/api/disputes/" + ID + "/acceptance").getFirst().authorization())
                .isEqualTo("Bearer partner-token");
    }

    @Test
    void aRejectedProposalStaysShownWithWhoRejectedItWhenAndWhy() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "inReview", Instant.now().plusSeconds(7200), """
                {"direction":"CREDIT_PARTNER","amount":{"unit":"EUR","value":"10.00"},"reason":"old rate",
                 "proposedAt":"2026-12-02T08:00:00Z","state":"rejected","rejectedBy":"partner-user",
                 "rejectedAt":"2026-12-03T14:30:00Z","rejectionReason":"the whole month was wrong"}"""));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Rejected proposal<"),
                        containsString("Credit to the partner: 10.00 EUR"),
                        containsString("Rejected by partner-user on 2026-12-03 14:30 UTC: the whole month was wrong"),
                        not(containsString("Accept the proposal")))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Abgelehnter Lösungsvorschlag<"),
                        containsString("Abgelehnt von partner-user am 03.12.2026, 14:30 UTC: the whole month was wrong"))));
    }

    @Test
    void evidenceAndCommentsGoToTheService() throws Exception {
        STUB.answerJson("POST", "/api/disputes/" + ID + "/attachments", 201, "{}", Map.of());
        STUB.answerJson("POST", "/api/disputes/" + ID + "/comments", 201, "{}", Map.of());

        mvc.perform(multipart("/disputes/" + ID + "/evidence").file(new MockMultipartFile("file", "cdrs.pdf",
                        "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                        .param("name", "CDR extract").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(flash().attribute("noticeKey", "disputes.done.evidence"));
        assertThat(STUB.requestsTo("POST", "/api/disputes/" + ID + "/attachments").getFirst().body())
                .contains("filename=\"cdrs.pdf\"", "CDR extract");

        // blank or too long: the page again, the message at the field and the text kept (once a flash, text lost)
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "inReview", Instant.now().plusSeconds(7200), null));
        mvc.perform(post("/disputes/" + ID + "/comments").param("text", "  ").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"comment-error\""),
                        containsString("aria-invalid=\"true\""), containsString("aria-describedby=\"comment-error\""),
                        containsString("Write a comment (at most 4000 characters)."), containsString("<title>Error: "))));
        String tooLong = "see line 3 " + "x".repeat(4000);
        mvc.perform(post("/disputes/" + ID + "/comments").param("text", tooLong).with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"comment-error\""), containsString(tooLong))));
        mvc.perform(post("/disputes/" + ID + "/comments").param("text", "see line 3").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(flash().attribute("noticeKey", "disputes.done.comment"));
        assertThat(STUB.requestsTo("POST", "/api/disputes/" + ID + "/comments")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"text\":\"see line 3\"}"));
    }

    @Test
    void financeReviewsAndProposesAndARefusalIsShown() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "inReview", Instant.now().plusSeconds(7200), null));
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(allOf(containsString("Propose the resolution"),
                        containsString("<label for=\"proposal-amount\">"), not(containsString("Accept the proposal")))));

        STUB.answerJson("POST", "/api/disputes/" + ID + "/proposal", 422,
                "{\"status\":422,\"detail\":\"amount exceeds the disputed amount\"}", Map.of());
        mvc.perform(post("/disputes/" + ID + "/proposal").param("direction", "CREDIT_PARTNER").param("amount", "99")
                        .param("reason", "goodwill").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(flash().attribute("errorKey", "disputes.error.refused"))
                .andExpect(flash().attribute("errorDetail", "amount exceeds the disputed amount"));
        assertThat(JSON.readTree(STUB.requestsTo("POST", "/api/disputes/" + ID + "/proposal").getFirst().body()))
                .isEqualTo(JSON.readTree("{\"direction\":\"CREDIT_PARTNER\",\"amount\":\"99\",\"reason\":\"goodwill\"}"));

        mvc.perform(post("/disputes/" + ID + "/proposal").param("direction", "SIDEWAYS").param("amount", "1")
                        .param("reason", "x").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(flash().attribute("errorKey", "disputes.error.direction"));
        assertThat(STUB.requestsTo("POST", "/api/disputes/" + ID + "/proposal")).hasSize(1);
    }

    @Test
    void theWorkQueueIsPagedByTheServiceMostOverdueFirstWhateverItsLength() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // 1,530 open disputes: more than the 1,000 the queue used to read (and sort) of the newest, so the most overdue
        // of the older ones never showed; now every page is the service's, in its most-overdue-first order
        STUB.answerJson("GET", TICKETS, 200, "[" + ticket(LATE, "inReview", now.minus(400, ChronoUnit.HOURS), null)
                + "," + ticket(ID, "open", now.minus(390, ChronoUnit.HOURS), null) + "]",
                Map.of("X-Total-Count", "1530"));

        mvc.perform(get("/disputes").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1,530 in all"),
                        containsString("First response overdue by 400 h"),
                        containsString("href=\"/disputes?page=1\""), not(containsString("first 1000")))));
        mvc.perform(get("/disputes").param("page", "45").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/disputes?page=44\""),
                        containsString("href=\"/disputes?page=46\""))));
        mvc.perform(get("/disputes").param("page", "61").header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/disputes?page=60\""),
                        not(containsString("href=\"/disputes?page=62\"")),
                        containsString("Erste Antwort seit 400 h überfällig"))));
        // one page of the service per page of the queue, in the service's most-overdue-first order
        assertThat(STUB.requestsTo("GET", TICKETS)).extracting(r -> r.query().replaceAll("status=[a-zA-Z]+&", ""))
                .containsExactly("sort=dueBy&offset=0&limit=25", "sort=dueBy&offset=1125&limit=25",
                        "sort=dueBy&offset=1525&limit=25");
    }

    @Test
    void aPartnersDisputesAndItsIssuedStatementsArePaged() throws Exception {
        STUB.answerJson("GET", TICKETS, 200, "[" + ticket(ID, "open", Instant.now().plusSeconds(3600), null) + "]",
                Map.of("X-Total-Count", "60"));
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.2}]"""
                .formatted(STATEMENT), Map.of("X-Total-Count", "45"));

        mvc.perform(get("/disputes?page=1&statementsPage=1").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ST-2026-000042 · 18.20 EUR"),
                        containsString("href=\"/disputes?statementsPage=0\""),
                        containsString("href=\"/disputes?statementsPage=2\""),
                        containsString("href=\"/disputes?statementsPage=1&amp;page=0\""),
                        containsString("href=\"/disputes?statementsPage=1&amp;page=2\""),
                        containsString("12.50 EUR"))));
        assertThat(STUB.requestsTo("GET", TICKETS).getFirst().query()).isEqualTo("offset=25&limit=25");
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements").getFirst().query())
                .isEqualTo("state=ISSUED&offset=20&limit=20");
    }

    @Test
    void opsHaveNoDisputes() throws Exception {
        mvc.perform(get("/disputes").with(TestUsers.staff("ops", "ops"))).andExpect(status().isForbidden());
    }

    @Test
    void theQueueSpeaksGerman() throws Exception {
        STUB.answerJson("GET", TICKETS, "[" + ticket(ID, "open", Instant.now().plusSeconds(3 * 3600 + 60), null) + "]");
        mvc.perform(get("/disputes").header("Accept-Language", "de").with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(allOf(containsString("Arbeitsliste Reklamationen"),
                        containsString("Erste Antwort fällig in 3 h"))));
    }

    @Test
    void theStatementIsNamedByItsNumberAndLinkedToItsPage() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "open", Instant.now().plusSeconds(7200), null));
        STUB.answerJson("GET", "/api/disputes/" + ID + "/internal-notes", "[]");
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT,
                "{\"id\":\"%s\",\"documentNumber\":\"ACD-2026-000014\"}".formatted(STATEMENT));

        // a partner manager reads statements as settlement lets it: the number links to the statement's page
        for (String[] user : new String[][] {{"partner-manager", "partner-manager"}, {"finance", "finance"}}) {
            mvc.perform(get("/disputes/" + ID).with(TestUsers.staff(user[0], user[1])))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<a data-testid=\"statement\" href=\"/statements/"
                            + STATEMENT + "\" title=\"" + STATEMENT + "\">ACD-2026-000014</a>")));
        }
    }

    @Test
    void aDisputesPageSaysWhichLineIsDisputedWithItsNameAndAmount() throws Exception {
        String offering = "f9f04e7f-26f5-487d-b288-fbd835195ca0";
        // the partner's dispute on the statement's second line, and one reconciliation opened on a discrepancy
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "open", Instant.now().plusSeconds(7200), null)
                .replace("\"relatedEntity\":[{\"id\":\"" + STATEMENT + "\",\"role\":\"Statement\"}]",
                        "\"relatedEntity\":[{\"id\":\"" + STATEMENT + "\",\"role\":\"Statement\"},"
                                + "{\"id\":\"" + STATEMENT + "-2\",\"role\":\"StatementLine\"},"
                                + "{\"id\":\"rc-9#1\",\"role\":\"ReconciliationItem\"}]"));
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ACD-2026-000014","currency":"EUR",
                 "lines":[{"id":"%s-1","lineNumber":1,"type":"MINIMUM_GUARANTEE_TOP_UP",
                           "label":"Minimum guarantee top-up","rounded":2.92},
                          {"id":"%s-2","lineNumber":2,"type":"USAGE_REVENUE_SHARE","label":"Usage revenue share VOICE",
                           "offeringId":"%s","usageType":"VOICE","rounded":1215.35}]}"""
                .formatted(STATEMENT, STATEMENT, STATEMENT, offering));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + offering, """
                {"id":"%s","name":"Cloud Gaming Plus"}""".formatted(offering));

        // until 2026-12-07 the page named the statement and the disputed amount, not the line
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("What is disputed"),
                        containsString(">Statement line 2: Usage revenue share VOICE, 1,215.35 EUR</li>"),
                        containsString(">Reconciliation item rc-9#1</li>"),
                        not(containsString("Minimum guarantee top-up")))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Was reklamiert wird"),
                        containsString(">Abrechnungsposition 2: Cloud Gaming Plus · Sprache, 1.215,35 EUR</li>"),
                        containsString(">Abgleichsposition rc-9#1</li>"))));
        // the statement is read once per page, for its number and its lines
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements/" + STATEMENT)).hasSize(2);
    }

    @Test
    void aDisputeOverSeveralLinesShowsWhatIsDisputedOnEach() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "open", Instant.now().plusSeconds(7200), null)
                .replace("\"relatedEntity\":[{\"id\":\"" + STATEMENT + "\",\"role\":\"Statement\"}]",
                        "\"relatedEntity\":[{\"id\":\"" + STATEMENT + "\",\"role\":\"Statement\"},"
                                + "{\"id\":\"" + STATEMENT + "-1\",\"role\":\"StatementLine\",\"disputedAmount\":"
                                + "{\"unit\":\"EUR\",\"value\":\"2.000000\"}},"
                                + "{\"id\":\"" + STATEMENT + "-2\",\"role\":\"StatementLine\",\"disputedAmount\":"
                                + "{\"unit\":\"EUR\",\"value\":\"1000.500000\"}}]"));
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ACD-2026-000014","currency":"EUR",
                 "lines":[{"id":"%s-1","lineNumber":1,"type":"MINIMUM_GUARANTEE_TOP_UP",
                           "label":"Minimum guarantee top-up","rounded":2.92},
                          {"id":"%s-2","lineNumber":2,"type":"USAGE_REVENUE_SHARE","label":"Usage revenue share",
                           "rounded":1215.35}]}""".formatted(STATEMENT, STATEMENT, STATEMENT));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(", 2.92 EUR · disputed: 2.00 EUR</li>"),
                        containsString(">Statement line 2: Usage revenue share, 1,215.35 EUR · disputed: 1,000.50 EUR"
                                + "</li>"))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(" · reklamiert: 1.000,50 EUR</li>")));
    }

    @Test
    void aResolvedDisputeOverSeveralLinesShowsEachLinesShareOfTheAdjustmentAndWhatWasSettledOnIt() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "resolved", Instant.now().plusSeconds(7200), null)
                .replace("\"relatedEntity\":[{\"id\":\"" + STATEMENT + "\",\"role\":\"Statement\"}]",
                        "\"relatedEntity\":[{\"id\":\"" + STATEMENT + "\",\"role\":\"Statement\"},"
                                + "{\"id\":\"" + STATEMENT + "-1\",\"role\":\"StatementLine\",\"disputedAmount\":"
                                + "{\"unit\":\"EUR\",\"value\":\"2.000000\"},\"adjustmentShare\":"
                                + "{\"unit\":\"EUR\",\"value\":\"1.000000\"},\"adjustmentSettled\":"
                                + "{\"unit\":\"EUR\",\"value\":\"1.000000\"}},"
                                + "{\"id\":\"" + STATEMENT + "-2\",\"role\":\"StatementLine\",\"disputedAmount\":"
                                + "{\"unit\":\"EUR\",\"value\":\"1000.500000\"},\"adjustmentShare\":"
                                + "{\"unit\":\"EUR\",\"value\":\"500.250000\"}}]"));
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ACD-2026-000014","currency":"EUR",
                 "lines":[{"id":"%s-1","lineNumber":1,"type":"MINIMUM_GUARANTEE_TOP_UP",
                           "label":"Minimum guarantee top-up","rounded":2.92},
                          {"id":"%s-2","lineNumber":2,"type":"USAGE_REVENUE_SHARE","label":"Usage revenue share",
                           "rounded":1215.35}]}""".formatted(STATEMENT, STATEMENT, STATEMENT));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(" · disputed: 2.00 EUR · share of the adjustment: 1.00 EUR · settled: 1.00 EUR"
                                + "</li>"),
                        containsString(" · disputed: 1,000.50 EUR · share of the adjustment: 500.25 EUR</li>"))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        " · reklamiert: 2,00 EUR · Anteil an der Korrektur: 1,00 EUR · abgerechnet: 1,00 EUR</li>")));
    }

    @Test
    void aLineTheStatementDoesNotAnswerIsNamedByItsReference() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket(ID, "open", Instant.now().plusSeconds(7200), null)
                .replace("\"role\":\"Statement\"}]", "\"role\":\"Statement\"},"
                        + "{\"id\":\"" + STATEMENT + "-7\",\"role\":\"StatementLine\"}]"));
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, 404, "{\"status\":404}", Map.of());

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Statement line " + STATEMENT + "-7</li>")));
    }
}
