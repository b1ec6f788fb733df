package io.accord.portal.layout;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Paged lists: a page beyond the last redirects to the last one, a page that is not a number (or negative) to the
 * first, the filters kept (layout.PageBounds).
 */
class PageBoundsTests extends PortalTestSupport {

    PageBoundsTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String STATEMENTS = "/api/settlement/statements";

    @Test
    void aPageBeyondTheLastRedirectsToTheLastWithItsFilter() throws Exception {
        STUB.answerJson("GET", STATEMENTS, 200, "[]", Map.of("X-Total-Count", "120"));

        mvc.perform(get("/statements?state=ISSUED&page=999").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/statements?state=ISSUED&page=2"));
        // 13 statements are one page of 50: the first
        STUB.answerJson("GET", STATEMENTS, 200, "[]", Map.of("X-Total-Count", "13"));
        mvc.perform(get("/statements?page=998").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/statements?page=0"));
        // the same rule on another list (catalog, 25 a page)
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", 200, "[]",
                Map.of("X-Total-Count", "30"));
        mvc.perform(get("/catalog?page=7").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/catalog?page=1"));
    }

    @Test
    void theLastPageItselfIsShown() throws Exception {
        STUB.answerJson("GET", STATEMENTS, 200, "[]", Map.of("X-Total-Count", "120"));

        mvc.perform(get("/statements?page=2").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk());
        assertThat(STUB.requestsTo("GET", STATEMENTS).getLast().query()).isEqualTo("offset=100&limit=50");
    }

    @Test
    void aPageThatIsNotANumberRedirectsToTheFirstWithoutAsking() throws Exception {
        mvc.perform(get("/statements?page=abc&state=PAID").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/statements?state=PAID&page=0"));
        mvc.perform(get("/statements?page=-3").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/statements?page=0"));
        mvc.perform(get("/orders?page=1e3").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/orders?page=0"));
        assertThat(STUB.requestsTo("GET", STATEMENTS)).isEmpty();
    }
}
