package io.accord.portal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The portal's one test context (shared by every controller test): the real application with its templates, on a
 * random port, its gateway and Keycloak token endpoint played by {@link StubGateway}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class PortalTestSupport {

    protected static final StubGateway STUB = StubGateway.INSTANCE;
    protected static final String PARTNER_A = "11111111-1111-4111-8111-111111111111";
    /** Where browsers reach the portal under test: not the port it listens on, so a URL built from either tells. */
    protected static final String PUBLIC_URL = "https://portal.accord.test";

    protected final MockMvc mvc;

    protected PortalTestSupport(MockMvc mvc) {
        this.mvc = mvc;
    }

    @DynamicPropertySource
    static void stubbedBackends(DynamicPropertyRegistry registry) {
        registry.add("accord.portal.gateway.url", STUB::url);
        registry.add("accord.portal.keycloak.issuer-uri", () -> STUB.url() + "/realms/accord");
        registry.add("accord.portal.keycloak.read-timeout", () -> "1s");
        registry.add("accord.portal.public-url", () -> PUBLIC_URL);
    }

    /**
     * A download, which the portal streams (answered asynchronously, as the browser reads it): waits for all of it.
     */
    protected ResultActions download(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andExpect(MockMvcResultMatchers.request().asyncStarted()).andReturn();
        return mvc.perform(MockMvcRequestBuilders.asyncDispatch(started));
    }

    @BeforeEach
    void resetStub() {
        STUB.reset();
    }
}
