package io.accord.portal.statement;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StatementApprovalControllerTests extends PortalTestSupport {

    StatementApprovalControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String DRAFT = "5b0d2c0e-0000-4000-8000-0000000000d1";
    private static final String APPROVED = "5b0d2c0e-0000-4000-8000-0000000000a1";

    @Test
    void financeSeesApproveForDraftsAndIssueForApprovedOnes() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", """
                [{"id":"%s","state":"DRAFT","direction":"PAYABLE","currency":"EUR","totalAmount":1.19,"preparedBy":"finance"},
                 {"id":"%s","state":"APPROVED","direction":"PAYABLE","currency":"EUR","totalAmount":2.38,
                  "preparedBy":"finance","approvedBy":"finance-b"}]""".formatted(DRAFT, APPROVED));

        mvc.perform(get("/statements").with(TestUsers.staff("finance-b", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/statements/" + DRAFT + "/approval"),
                        containsString("/statements/" + APPROVED + "/issue"), containsString("Prepared by finance"),
                        containsString("Approved by finance-b"), not(containsString("/statements/" + DRAFT + "/issue")),
                        // issuing cannot be undone: the browser asks first
                        containsString("data-confirm=\"Issue statement 5b0d2c0e? An issued statement cannot be changed"))));
        mvc.perform(get("/statements").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(not(containsString("/approval"))));
        // settlement lets finance only approve and issue: a platform admin was shown buttons that answered 403
        mvc.perform(get("/statements").with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("/approval")), not(containsString("/issue")))));
    }

    @Test
    void aSecondFinanceUserApproves() throws Exception {
        STUB.answerJson("POST", "/api/settlement/statements/" + DRAFT + "/approval",
                "{\"id\":\"%s\",\"state\":\"APPROVED\"}".formatted(DRAFT));

        mvc.perform(post("/statements/" + DRAFT + "/approval").param("state", "DRAFT").with(csrf())
                        .with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements?state=DRAFT"))
                .andExpect(flash().attribute("statementNoticeKey", "statements.approved"));
        assertThat(STUB.requestsTo("POST", "/api/settlement/statements/" + DRAFT + "/approval").getFirst()
                .authorization()).isEqualTo("Bearer finance-token");
    }

    @Test
    void aSingleApprovalReturnsToTheListWithAllItsFilters() throws Exception {
        STUB.answerJson("POST", "/api/settlement/statements/" + DRAFT + "/approval",
                "{\"id\":\"%s\",\"state\":\"APPROVED\"}".formatted(DRAFT));

        mvc.perform(post("/statements/" + DRAFT + "/approval").param("partnerId", PARTNER_A).param("state", "DRAFT")
                        .param("direction", "PAYABLE").param("issuedFrom", "01.11.2026").with(csrf())
                        .with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements?partnerId=" + PARTNER_A
                        + "&state=DRAFT&direction=PAYABLE&issuedFrom=01.11.2026"));
    }

    @Test
    void thePreparerIsRefusedByFourEyesAndToldWhy() throws Exception {
        STUB.answerJson("POST", "/api/settlement/statements/" + DRAFT + "/approval", 409,
                "{\"status\":409,\"detail\":\"four-eyes: finance prepared this statement\"}", Map.of());

        mvc.perform(post("/statements/" + DRAFT + "/approval").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements"))
                .andExpect(flash().attribute("statementErrorKey", "statements.fourEyes"))
                .andExpect(flash().attribute("statementErrorDetail", "four-eyes: finance prepared this statement"));
    }

    @Test
    void issuingAnApprovedStatement() throws Exception {
        STUB.answerJson("POST", "/api/settlement/statements/" + APPROVED + "/issue",
                "{\"id\":\"%s\",\"state\":\"ISSUED\",\"documentNumber\":\"ST-2026-000043\"}".formatted(APPROVED));

        mvc.perform(post("/statements/" + APPROVED + "/issue").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(flash().attribute("statementNotice", "ST-2026-000043"));
    }

    @Test
    void staffWhoOnlyReadStatementsAreRefusedBeforeAnythingIsSent() throws Exception {
        for (String role : java.util.List.of("partner-manager", "ops", "auditor", "platform-admin")) {
            mvc.perform(post("/statements/" + DRAFT + "/approval").with(csrf()).with(TestUsers.staff(role, role)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/statements/" + APPROVED + "/issue").with(csrf()).with(TestUsers.staff(role, role)))
                    .andExpect(status().isForbidden());
        }
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void partnersCannotApprove() throws Exception {
        STUB.answerJson("POST", "/api/settlement/statements/" + DRAFT + "/approval", 403, "{\"status\":403}", Map.of());
        mvc.perform(post("/statements/" + DRAFT + "/approval").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
    }
}
