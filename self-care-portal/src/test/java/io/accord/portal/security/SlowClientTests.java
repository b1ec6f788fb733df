package io.accord.portal.security;

import io.accord.portal.PortalTestSupport;
import io.accord.testsupport.RawHttp;
import io.accord.testsupport.SlowClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: anonymous clients sending a form slowly (twice as many as Tomcat's pool of 200 platform threads)
 * do not keep the portal from answering anyone else ({@code spring.threads.virtual.enabled}; with the pool, the
 * request below waits until they go away and fails on its 10 s read timeout).
 */
class SlowClientTests extends PortalTestSupport {

    SlowClientTests(MockMvc mvc) {
        super(mvc);
    }

    @LocalServerPort
    int port;

    @Test
    void slowAnonymousFormsLeaveThreadsForOtherRequests() {
        try (SlowClients ignored = SlowClients.posting(port, "/apply", 400, i -> "")) {
            long started = System.nanoTime();
            RawHttp.Response answer = new RawHttp(port).get("/actuator/health");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(millis).as("milliseconds to answer beside 400 slow clients").isLessThan(5_000);
        }
    }
}
