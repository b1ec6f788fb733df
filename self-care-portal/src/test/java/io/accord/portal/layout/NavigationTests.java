package io.accord.portal.layout;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The role decides the navigation and the start page. */
class NavigationTests extends PortalTestSupport {

    NavigationTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void partnersStartOnTheDashboardAndStaffOnTheirQueue() throws Exception {
        mvc.perform(get("/").with(TestUsers.partner("partner-user"))).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(redirectedUrl("/review"));
        mvc.perform(get("/").with(TestUsers.staff("finance", "finance"))).andExpect(redirectedUrl("/statements"));
        mvc.perform(get("/").with(TestUsers.staff("ops", "ops"))).andExpect(redirectedUrl("/suspense"));
    }

    @Test
    void partnerManagersAndOpsFindStatementsInTheirNavigationButStillStartOnTheirQueue() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", "[]");

        for (String role : java.util.List.of("partner-manager", "ops")) {
            mvc.perform(get("/statements").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("<a href=\"/statements\" aria-current=\"page\">Statements</a>"),
                            not(containsString("href=\"/dashboard\"")))));
        }
        // the start page stays their queue (partnersStartOnTheDashboardAndStaffOnTheirQueue)
    }

    @Test
    void aUserWithoutAnAccordRoleIsToldSo() throws Exception {
        mvc.perform(get("/").with(TestUsers.user("nobody", "t", java.time.Instant.now().plusSeconds(60), null, null)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Your account has no role in Accord yet.")));
    }

    @Test
    void aPartnerSeesPartnerPagesOnly() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");

        mvc.perform(get("/catalog").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/dashboard\""),
                        containsString("<a href=\"/catalog\" aria-current=\"page\">Catalog</a>"),
                        containsString("href=\"/statements\""), not(containsString("href=\"/review\"")),
                        not(containsString("href=\"/suspense\"")), containsString("Partner " + PARTNER_A.substring(0, 8)),
                        containsString("action=\"/logout\""))));
    }

    /** Once without both: an exception handler's page gets none of the layout's model attributes. */
    @Test
    void aPageWhoseDataCallFailedStillShowsTheUserAndTheNavigation() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", 404, """
                {"type":"https://accord.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"productOffering not found"}""", java.util.Map.of());

        mvc.perform(get("/catalog").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("This was not found."),
                        containsString("<a href=\"/catalog\" aria-current=\"page\">Catalog</a>"),
                        containsString("href=\"/dashboard\""), containsString("Partner " + PARTNER_A.substring(0, 8)),
                        containsString("action=\"/logout\""))));
    }

    @Test
    void financeSeesStatementsAndSuspenseButNoPartnerPages() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", "[]");

        mvc.perform(get("/statements").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/suspense\""),
                        not(containsString("href=\"/dashboard\"")), not(containsString("href=\"/catalog\"")),
                        not(containsString("href=\"/review\"")))));
    }

    @Test
    void theLanguageSwitchIsRemembered() throws Exception {
        STUB.answerJson("GET", "/api/rating/suspense/summary", "{\"total\":0}");
        STUB.answerJson("GET", "/api/rating/suspense", "[]");

        var german = mvc.perform(get("/suspense?lang=de").with(TestUsers.staff("ops", "ops")))
                .andExpect(content().string(containsString("Offene Datensätze in Suspense"))).andReturn();
        mvc.perform(get("/suspense").cookie(german.getResponse().getCookies()).with(TestUsers.staff("ops", "ops")))
                .andExpect(content().string(allOf(containsString("Nach Grund"), containsString("Abmelden"))));
    }

    @Test
    void staffWhoTypeTheDashboardGoToTheirOwnStartPage() throws Exception {
        mvc.perform(get("/dashboard").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(get("/dashboard").with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/"));
        // other partner pages still say no
        mvc.perform(get("/catalog").with(TestUsers.staff("finance", "finance"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/usage").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(STUB.requests()).isEmpty();
    }
}
