package io.accord.portal.statement;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StatementBulkControllerTests extends PortalTestSupport {

    StatementBulkControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String FIRST = "5b0d2c0e-0000-4000-8000-0000000000d1";
    private static final String PREPARED_BY_ME = "5b0d2c0e-0000-4000-8000-0000000000d2";
    private static final String THIRD = "5b0d2c0e-0000-4000-8000-0000000000d3";
    private static final String STATEMENTS = "/api/settlement/statements/";

    private static MockHttpServletRequestBuilder bulk(String action, String... ids) {
        return post("/statements/bulk").param("action", action).param("id", ids).param("confirmed", "true")
                .with(csrf());
    }

    @Test
    void financeApprovesTheSelectionOneByOneAndSeesEachOutcomeARefusalNotStoppingTheRest() throws Exception {
        STUB.answerJson("POST", STATEMENTS + FIRST + "/approval", "{\"id\":\"%s\",\"state\":\"APPROVED\"}".formatted(FIRST));
        STUB.answerJson("POST", STATEMENTS + PREPARED_BY_ME + "/approval", 409,
                "{\"status\":409,\"detail\":\"four-eyes: finance-b prepared this statement\"}", Map.of());
        STUB.answerJson("POST", STATEMENTS + THIRD + "/approval", "{\"id\":\"%s\",\"state\":\"APPROVED\"}".formatted(THIRD));

        MvcResult done = mvc.perform(bulk("approve", FIRST, PREPARED_BY_ME, THIRD).param("partnerId", PARTNER_A)
                        .param("state", "DRAFT").param("page", "1").with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements?partnerId=" + PARTNER_A + "&state=DRAFT&page=1"))
                .andReturn();
        // each through settlement's own single-statement call, in the order selected, as the user
        assertThat(STUB.requests()).extracting(StubGateway.Request::path).containsExactly(
                STATEMENTS + FIRST + "/approval", STATEMENTS + PREPARED_BY_ME + "/approval",
                STATEMENTS + THIRD + "/approval");
        assertThat(STUB.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer finance-token"));

        STUB.answerJson("GET", "/api/settlement/statements", "[]");
        mvc.perform(get("/statements?partnerId=" + PARTNER_A + "&state=DRAFT").flashAttrs(done.getFlashMap())
                        .with(TestUsers.staff("finance-b", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 approved, 1 refused."),
                        containsString(">5b0d2c0e</a>:"), containsString("refused: four-eyes: finance-b prepared this statement"),
                        containsString("href=\"/statements/" + THIRD + "\""))));
    }

    @Test
    void issuingTheSelectionNamesEachIssuedStatementByItsNumberAndEachRefusalInGerman() throws Exception {
        STUB.answerJson("POST", STATEMENTS + FIRST + "/issue",
                "{\"id\":\"%s\",\"state\":\"ISSUED\",\"documentNumber\":\"ACD-2026-000042\"}".formatted(FIRST));
        STUB.answerJson("POST", STATEMENTS + PREPARED_BY_ME + "/issue", 503, "{\"status\":503}", Map.of());
        STUB.answerJson("POST", STATEMENTS + THIRD + "/issue", 422,
                "{\"status\":422,\"detail\":\"the partner's earlier statement is not issued\"}", Map.of());

        MvcResult done = mvc.perform(bulk("issue", FIRST, PREPARED_BY_ME, THIRD, FIRST)
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements")).andReturn();
        // a statement selected twice is issued once
        assertThat(STUB.requests()).hasSize(3);

        STUB.answerJson("GET", "/api/settlement/statements", "[]");
        mvc.perform(get("/statements").flashAttrs(done.getFlashMap()).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(allOf(containsString("1 ausgestellt, 2 abgelehnt."),
                        containsString(">ACD-2026-000042</a>:"), containsString("abgelehnt (Status 503)"),
                        containsString("abgelehnt: the partner&#39;s earlier statement is not issued"))));
    }

    @Test
    void nothingIsSentWithoutConfirmationSelectionOrBeyondAPage() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", "[]");
        mvc.perform(post("/statements/bulk").param("action", "approve").param("id", FIRST).with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/statements/bulk").param("action", "approve").param("confirmed", "true").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest());
        mvc.perform(bulk("approve", "not-a-statement").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest());
        mvc.perform(bulk("discard", FIRST).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest());
        String[] tooMany = new String[51];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = "5b0d2c0e-0000-4000-8000-%012d".formatted(i);
        }
        mvc.perform(bulk("issue", tooMany).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Select at most 50 statements (one page) at a time.")));
        assertThat(STUB.requests()).extracting(StubGateway.Request::method).doesNotContain("POST");
    }

    @Test
    void rolesThatMayNotApproveAreRefusedBeforeAnythingIsSent() throws Exception {
        for (String role : List.of("partner-manager", "ops", "auditor", "platform-admin")) {
            mvc.perform(bulk("approve", FIRST).with(TestUsers.staff(role, role))).andExpect(status().isForbidden());
            mvc.perform(bulk("issue", FIRST).with(TestUsers.staff(role, role))).andExpect(status().isForbidden());
        }
        mvc.perform(bulk("issue", FIRST).with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void onlyFinanceIsOfferedTheSelectionOfDraftAndApprovedStatements() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", """
                [{"id":"%s","partnerId":"%s","state":"DRAFT","direction":"PAYABLE","currency":"EUR","totalAmount":1.19},
                 {"id":"%s","partnerId":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR","totalAmount":2.38}]"""
                .formatted(FIRST, PARTNER_A, THIRD, PARTNER_A));

        mvc.perform(get("/statements?state=DRAFT").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<form id=\"statements-bulk\""),
                        containsString("form=\"statements-bulk\" value=\"" + FIRST + "\""),
                        not(containsString("form=\"statements-bulk\" value=\"" + THIRD + "\"")),
                        containsString("name=\"confirmed\""), containsString(">Approve selected</button>"),
                        containsString(">Issue selected</button>"),
                        // the filters go along, so that the list comes back as it was
                        containsString("<input type=\"hidden\" name=\"state\" value=\"DRAFT\">"))));
        for (String role : List.of("auditor", "partner-manager", "platform-admin")) {
            mvc.perform(get("/statements").with(TestUsers.staff(role, role)))
                    .andExpect(content().string(allOf(not(containsString("statements-bulk")),
                            not(containsString("Approve selected")))));
        }
    }
}
