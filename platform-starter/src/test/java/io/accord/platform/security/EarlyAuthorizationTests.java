package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller whose role may not call an operation learns nothing about what a valid request to it looks like. */
@StarterTestApplication.Test
class EarlyAuthorizationTests {

    private final TestHttp finance;
    private final TestHttp auditor;

    EarlyAuthorizationTests(@LocalServerPort int port) {
        this.finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("alice", Roles.AUDITOR));
    }

    @Test
    void aRefusedRoleGets403BeforeItsBodyOrParametersAreChecked() {
        for (String path : new String[] {"/api/guarded?count=1", "/api/guarded?count=x", "/api/guarded?typo=1"}) {
            TestHttp.Response refused = auditor.post(path, "{\"decision\": \"MAYBE\"}");

            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain("YES or NO").doesNotContain("count");
        }
        assertThat(auditor.post("/api/guarded?count=1", "{\"decision\": \"YES\"}").status()).isEqualTo(403);
    }

    @Test
    void anAllowedRoleGetsTheValidationErrorsAndTheAnswer() {
        assertThat(finance.post("/api/guarded?count=1", "{\"decision\": \"MAYBE\"}").body()).contains("YES or NO");
        assertThat(finance.post("/api/guarded?count=2", "{\"decision\": \"YES\"}").json().path("count").asString())
                .isEqualTo("2");
    }
}
