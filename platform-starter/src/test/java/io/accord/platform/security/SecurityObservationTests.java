package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request is measured once ({@code http.server.requests}), not once more per security filter, authentication and
 * authorization decision: those observations cost every request and nothing reads them.
 */
@StarterTestApplication.Test
class SecurityObservationTests {

    private final TestHttp ops;
    private final MeterRegistry meters;

    SecurityObservationTests(@LocalServerPort int port, MeterRegistry meters) {
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
        this.meters = meters;
    }

    @Test
    void anAuthenticatedRequestIsMeasuredWithoutSecurityObservations() {
        assertThat(ops.get("/api/things/1").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(meters.find("http.server.requests").meters()).isNotEmpty());
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }
}
