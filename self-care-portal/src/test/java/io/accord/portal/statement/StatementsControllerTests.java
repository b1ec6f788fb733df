package io.accord.portal.statement;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StatementsControllerTests extends PortalTestSupport {

    StatementsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ISSUED = "5b0d2c0e-0000-4000-8000-000000000001";
    private static final String DRAFT = "5b0d2c0e-0000-4000-8000-000000000002";

    @Test
    void listsStatementsWithADownloadForIssuedOnes() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"%s","documentNumber":"ST-2026-000042","state":"ISSUED","direction":"PAYABLE","currency":"EUR",
                  "netAmount":15.35,"taxAmount":2.92,"totalAmount":18.27,"issuedAt":"2026-12-01T10:00:00Z"},
                 {"id":"%s","state":"DRAFT","direction":"PAYABLE","currency":"EUR",
                  "netAmount":1.00,"taxAmount":0.19,"totalAmount":1.19}]""".formatted(ISSUED, DRAFT),
                Map.of("X-Total-Count", "2"));

        mvc.perform(get("/statements").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ST-2026-000042"), containsString("18.27 EUR"),
                        containsString("/statements/" + ISSUED + "/document"),
                        containsString("<a href=\"/statements/" + ISSUED + "\">ST-2026-000042</a>"),
                        containsString("<a href=\"/statements/" + DRAFT + "\">5b0d2c0e</a>"),
                        not(containsString("/statements/" + DRAFT + "/document")),
                        containsString("Not issued yet"), containsString("<label for=\"state\""))));
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements").getFirst().query())
                .isEqualTo("offset=0&limit=50");
    }

    @Test
    void staffSeeWhosePartnersStatementsTheyAreAndPartnersNoPartnerColumn() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"%s","partnerId":"%s","documentNumber":"ST-2026-000042","state":"ISSUED","direction":"PAYABLE",
                  "currency":"EUR","netAmount":15.35,"taxAmount":2.92,"totalAmount":18.27}]""".formatted(ISSUED, PARTNER_A),
                Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));

        mvc.perform(get("/statements").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Partner</th>"),
                        containsString("<span>Streamly GmbH</span><small class=\"muted partner-id\">11111111</small>"))));
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer auditor-token"));

        STUB.reset();
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"%s","partnerId":"%s","documentNumber":"ST-2026-000042","state":"ISSUED","direction":"PAYABLE",
                  "currency":"EUR","netAmount":15.35,"taxAmount":2.92,"totalAmount":18.27}]""".formatted(ISSUED, PARTNER_A),
                Map.of("X-Total-Count", "1"));
        mvc.perform(get("/statements").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ST-2026-000042"),
                        not(containsString("<th scope=\"col\">Partner</th>")))));
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).isEmpty();
    }

    @Test
    void aStateFilterIsPassedOnAndAnUnknownOneIgnored() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", "[]");

        mvc.perform(get("/statements?state=ISSUED").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk());
        mvc.perform(get("/statements?state=BOGUS").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("No statements.")));

        assertThat(STUB.requestsTo("GET", "/api/settlement/statements")).extracting(StubGateway.Request::query)
                .containsExactly("state=ISSUED&offset=0&limit=50", "offset=0&limit=50");
    }

    @Test
    void thePdfIsDownloadedThroughThePortalWithTheUsersToken() throws Exception {
        byte[] pdf = "%PDF-1.7\nstatement\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        STUB.answer("GET", "/api/settlement/statements/" + ISSUED + "/document", new StubGateway.Answer(200,
                "application/pdf", pdf, Map.of("Content-Disposition", "attachment; filename=\"ST-2026-000042.pdf\"")));

        download(get("/statements/" + ISSUED + "/document").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ST-2026-000042.pdf\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().bytes(pdf));

        StubGateway.Request call = STUB.requests().getFirst();
        assertThat(call.authorization()).isEqualTo("Bearer partner-token");
        assertThat(call.accept()).isEqualTo("application/pdf");
    }

    @Test
    void anotherPartnersStatementIsNotFound() throws Exception {
        mvc.perform(get("/statements/" + DRAFT + "/document").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This was not found.")));
    }

    @Test
    void aMalformedIdIsABadRequestWithoutAnyCall() throws Exception {
        mvc.perform(get("/statements/not-a-uuid/document").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void partnerManagersAndOpsListEveryPartnersStatementsWithoutFinancesButtons() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", """
                [{"id":"5b0d2c0e-0000-4000-8000-0000000000d1","partnerId":"%s","state":"DRAFT",
                  "direction":"PAYABLE","currency":"EUR","totalAmount":1.19,"preparedBy":"finance"},
                 {"id":"5b0d2c0e-0000-4000-8000-0000000000a1","partnerId":"%s","state":"APPROVED",
                  "direction":"PAYABLE","currency":"EUR","totalAmount":2.38,"preparedBy":"finance",
                  "approvedBy":"finance-b"}]""".formatted(PARTNER_A, PARTNER_A));

        for (String role : java.util.List.of("partner-manager", "ops")) {
            mvc.perform(get("/statements").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("href=\"/statements/5b0d2c0e-0000-4000-8000-0000000000d1\""),
                            containsString("<th scope=\"col\">Partner</th>"), containsString("<a href=\"/statements\""),
                            not(containsString("/approval")), not(containsString("/issue\"")))));
        }
    }

    @Test
    void staffFilterByAPartnerChosenByNameNumberDirectionAndIssuedDaysKeptInThePagingLinks() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"%s","partnerId":"%s","documentNumber":"ACD-2026-000042","state":"ISSUED",
                  "direction":"RECEIVABLE","currency":"EUR","totalAmount":-18.27}]""".formatted(ISSUED, PARTNER_A),
                Map.of("X-Total-Count", "120"));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", 200, """
                [{"id":"%s","name":"Streamly GmbH"},{"id":"22222222-2222-4222-8222-222222222222","name":"Alpha AG"}]"""
                .formatted(PARTNER_A), Map.of("X-Total-Count", "2"));

        String page = mvc.perform(get("/statements?partnerId=" + PARTNER_A + "&direction=RECEIVABLE"
                        + "&documentNumber=ACD-2026-000042&issuedFrom=01.11.2026&issuedTo=2026-11-30&page=1")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        // the partner is chosen by name, the chosen one selected; names in alphabetical order
                        containsString("<select id=\"statement-partner\" name=\"partnerId\">"),
                        containsString("<option value=\"" + PARTNER_A + "\" selected=\"selected\">Streamly GmbH</option>"),
                        containsString("<option value=\"RECEIVABLE\" selected=\"selected\">"),
                        containsString("value=\"ACD-2026-000042\""), containsString("value=\"01.11.2026\""),
                        containsString("<span>Streamly GmbH</span>"),
                        containsString("href=\"/statements?partnerId=" + PARTNER_A + "&amp;direction=RECEIVABLE"
                                + "&amp;documentNumber=ACD-2026-000042&amp;issuedFrom=01.11.2026"
                                + "&amp;issuedTo=2026-11-30&amp;page=2\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(">Alpha AG<")).isLessThan(page.indexOf(">Streamly GmbH</option>"));
        // settlement's issuedTo is exclusive: the day after the last one asked for; days as ISO
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements")).singleElement()
                .extracting(StubGateway.Request::query).isEqualTo("partnerId=" + PARTNER_A
                        + "&direction=RECEIVABLE&documentNumber=ACD-2026-000042&issuedFrom=2026-11-01"
                        + "&issuedTo=2026-12-01&offset=50&limit=50");
        // every partner is offered, in one call that also names the rows' partners
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).singleElement()
                .extracting(StubGateway.Request::query).isEqualTo("fields=id,name,tradingName&offset=0&limit=500");
    }

    @Test
    void aFilterThatCannotBeReadIsABadRequestSaidAtTheFilterWithNothingAsked() throws Exception {
        for (String[] bad : new String[][] {{"issuedFrom", "31.02.2026", "A day is written 2026-12-07 or 07.12.2026."},
                {"partnerId", "not-a-partner", "This partner is not one we know"},
                {"documentNumber", "X".repeat(65), "A document number has at most 64 characters."}}) {
            mvc.perform(get("/statements").param(bad[0], bad[1]).with(TestUsers.staff("finance", "finance")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString(bad[2]), not(containsString("No statements.")))));
        }
        mvc.perform(get("/statements").param("issuedFrom", "2026-11-30").param("issuedTo", "01.11.2026")
                        .header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Der letzte Tag liegt vor dem ersten.")));
        assertThat(STUB.requestsTo("GET", "/api/settlement/statements")).isEmpty();
    }
}
