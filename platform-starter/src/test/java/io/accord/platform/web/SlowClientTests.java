package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.RawHttp;
import io.accord.testsupport.SlowClients;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their request bodies slowly do not take the service from everyone else: twice as many of them
 * as Tomcat's pool of platform threads (200) once had, authenticated ones whose body a controller reads and
 * anonymous ones whose body Tomcat reads and drops after the 401, and another request is still answered at once.
 * ({@code WebConfiguration.VirtualRequestThreads}; with the pool, the request below waits until the slow clients go
 * away and fails on its 10 s read timeout.)
 */
@StarterTestApplication.Test
class SlowClientTests {

    private static final int SLOW_CLIENTS = 400;

    private final int port;
    private final String token = "Authorization: Bearer " + TestJwt.staff("olga", Roles.OPS);

    SlowClientTests(@LocalServerPort int port) {
        this.port = port;
    }

    @Test
    void slowBodiesLeaveThreadsForOtherRequests() {
        try (SlowClients ignored = SlowClients.posting(port, "/api/notes", SLOW_CLIENTS,
                i -> i % 2 == 0 ? token + "\r\n" : "")) {
            long started = System.nanoTime();
            RawHttp.Response answer = new RawHttp(port).get("/api/things/7", token);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("\"7\"");
            assertThat(millis).as("milliseconds to answer beside %d slow clients", SLOW_CLIENTS).isLessThan(5_000);
        }
    }
}
