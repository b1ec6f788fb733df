package io.accord.portal.layout;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The header names a partner user's partner, read once at login, not by its id. */
class PartnerNameTests extends PortalTestSupport {

    private static final String ORGANIZATION = "/tmf-api/party/v4/organization/" + PARTNER_A;

    private final WebApplicationContext context;
    private final PartnerNameAtLogin atLogin;

    PartnerNameTests(MockMvc mvc, WebApplicationContext context, PartnerNameAtLogin atLogin) {
        super(mvc);
        this.context = context;
        this.atLogin = atLogin;
    }

    @Test
    void theLoginReadsThePartnersNameOnceWithTheUsersToken() {
        STUB.answerJson("GET", ORGANIZATION,
                "{\"id\":\"%s\",\"name\":\"Demo Streaming GmbH\",\"tradingName\":\"Demo Streaming\"}".formatted(PARTNER_A));
        MockHttpServletRequest request = TestUsers.partner("partner-admin")
                .postProcessRequest(new MockHttpServletRequest(context.getServletContext()));
        // the login has just put the user in the security context, as the post-processor put it in the request
        SecurityContextHolder.setContext(java.util.Collections.list(request.getAttributeNames()).stream()
                .map(request::getAttribute).filter(SecurityContext.class::isInstance).map(SecurityContext.class::cast)
                .findFirst().orElseThrow());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        try {
            atLogin.loggedIn(new InteractiveAuthenticationSuccessEvent(
                    SecurityContextHolder.getContext().getAuthentication(), getClass()));
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }

        assertThat(request.getSession().getAttribute(PartnerNameAtLogin.ATTRIBUTE)).isEqualTo("Demo Streaming GmbH");
        assertThat(STUB.requestsTo("GET", ORGANIZATION)).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer partner-token"));
    }

    @Test
    void theHeaderShowsTheNameAndWithoutOneTheIdShortened() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(PartnerNameAtLogin.ATTRIBUTE, "Demo Streaming GmbH");

        mvc.perform(get("/catalog").session(session).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("title=\"" + PARTNER_A
                        + "\">Partner Demo Streaming GmbH</span>"), not(containsString(">Partner " + PARTNER_A)))));
        mvc.perform(get("/catalog").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString(">Partner 11111111</span>")));
        assertThat(STUB.requestsTo("GET", ORGANIZATION)).as("pages read no name").isEmpty();
    }
}
