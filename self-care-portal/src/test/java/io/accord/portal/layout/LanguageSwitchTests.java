package io.accord.portal.layout;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The footer's language switch keeps the page and its query; after a form's POST it leads to the form's page. */
class LanguageSwitchTests extends PortalTestSupport {

    private static final String STATEMENT = "5a7e0000-0000-4000-8000-000000000042";

    LanguageSwitchTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void theSwitchKeepsThePathAndQueryAndReplacesOnlyTheLanguage() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements", "[]");

        mvc.perform(get("/statements").queryParam("state", "ISSUED").queryParam("lang", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"/statements?state=ISSUED&amp;lang=en\" lang=\"en\">English</a>"),
                        containsString("<a href=\"/statements?state=ISSUED&amp;lang=de\" lang=\"de\">Deutsch</a>"))));
    }

    @Test
    void afterAFormsPostTheSwitchLeadsToThePageTheFormBelongsTo() throws Exception {
        // the profile's contacts: the POST's address less its last step
        STUB.answerJson("PUT", "/api/onboarding/partners/" + PARTNER_A + "/contacts", 400, """
                {"title":"Invalid input","status":400,"detail":"The request has invalid fields: billing.email.",
                 "violations":[{"field":"billing.email","message":"must be a well-formed email address"}]}""",
                Map.of());
        STUB.answerJson("GET", "/api/onboarding/partners/" + PARTNER_A,
                "{\"id\":\"%s\",\"legalName\":\"Streamly GmbH\"}".formatted(PARTNER_A));
        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("billing.email", "billing@"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"/profile?lang=de\" lang=\"de\">"),
                        containsString("<a href=\"/profile?lang=en\" lang=\"en\">"))));

        // a dispute's opening form, opened with its statement: the page names it
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT,
                "{\"id\":\"%s\",\"currency\":\"EUR\",\"lines\":[]}".formatted(STATEMENT));
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("statementId", STATEMENT).param("category", "RATE").param("amount", "x")
                        .param("description", "too much"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "<a href=\"/disputes/new?statementId=" + STATEMENT + "&amp;lang=de\" lang=\"de\">")));
    }

    @Test
    void theLongestStartOfAPostsPathThatAPageAnswersIsTheFormsPage(
            @org.springframework.beans.factory.annotation.Autowired LanguageLinks links) {
        org.assertj.core.api.Assertions.assertThat(links.pageOf("/statements/" + STATEMENT + "/payments"))
                .isEqualTo("/statements/" + STATEMENT);
        org.assertj.core.api.Assertions.assertThat(links.pageOf("/partners/" + PARTNER_A + "/bank-account/confirmation"))
                .isEqualTo("/partners/" + PARTNER_A);
        org.assertj.core.api.Assertions.assertThat(links.pageOf("/suspense/recycle")).isEqualTo("/suspense");
        org.assertj.core.api.Assertions.assertThat(links.pageOf("/no/such/page")).isEqualTo("/");
    }
}
