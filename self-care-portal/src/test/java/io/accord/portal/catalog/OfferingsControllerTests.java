package io.accord.portal.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OfferingsControllerTests extends PortalTestSupport {

    OfferingsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";

    @Test
    void aPartnerSeesItsOfferingsPagedThroughTheGateway() throws Exception {
        STUB.answerJson("GET", OFFERINGS, 200, """
                [{"id":"o-1","name":"Stream Pass","lifecycleStatus":"Launched","version":"2",
                  "lastUpdate":"2026-11-30T12:00:00Z","validFor":{"startDateTime":"2026-12-01T00:00:00Z"}},
                 {"id":"o-2","name":"Stream Pass Family","lifecycleStatus":"In study"}]""",
                Map.of("X-Total-Count", "27"));

        mvc.perform(get("/catalog?page=1").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Stream Pass Family"), containsString("Launched"),
                        containsString("In study"), containsString("27 in all"), containsString("Previous page"),
                        // a partner user has no import form: the page says who imports
                        containsString("data-testid=\"import-by-admin\""), not(containsString("import-heading")))));
        assertThat(STUB.requests().getFirst().query()).isEqualTo("offset=25&limit=25");
    }

    @Test
    void eachOfferingSaysWhoseItIsForTheCatalogListsTheCspsToo() throws Exception {
        STUB.answerJson("GET", OFFERINGS, 200, """
                [{"id":"o-1","name":"Stream Pass","lifecycleStatus":"Launched",
                  "relatedParty":[{"id":"%s","role":"Owner"}]},
                 {"id":"o-2","name":"CSP Mobile","lifecycleStatus":"Launched","relatedParty":[]},
                 {"id":"o-3","name":"Cloud Gaming","lifecycleStatus":"Launched",
                  "relatedParty":[{"id":"22222222-2222-4222-8222-222222222222","role":"Owner"},
                                  {"id":"%s","role":"Participant"}]}]""".formatted(PARTNER_A, PARTNER_A),
                Map.of("X-Total-Count", "3"));

        String page = mvc.perform(get("/catalog").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Owner</th>"),
                        containsString("the CSP&#39;s own launched offerings are listed too"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.replaceAll("\\s+", " ")).contains(
                "Stream Pass</a></td> <td data-testid=\"owner\">Yours</td>",
                "CSP Mobile</a></td> <td data-testid=\"owner\">The CSP</td>",
                "Cloud Gaming</a></td> <td data-testid=\"owner\">Co-created (another partner&#39;s)</td>");
    }
}
