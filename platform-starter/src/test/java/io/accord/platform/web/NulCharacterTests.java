package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character (U+0000) cannot be stored in any PostgreSQL text: in a query parameter or a JSON body it is a 400
 * problem, never a 500, and nothing is stored. Against the real test database.
 */
@StarterTestApplication.Test
class NulCharacterTests {

    private final TestHttp http;

    NulCharacterTests(@LocalServerPort int port) {
        this.http = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
    }

    @Test
    void aQueryParameterWithNulIsRefusedNamingIt() {
        TestHttp.Response refused = http.get("/api/notes?limit=5&text=a%00b");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("/malformed-request");
        assertThat(refused.json().path("detail").asString()).contains("'text'").contains("%00");

        assertThat(http.get("/api/notes?text=%00%2500").status()).isEqualTo(400);
        assertThat(http.get("/api/notes?te%00xt=a").json().path("detail").asString()).contains("'te%00xt'");
    }

    @Test
    void anEncodedPercentFollowedByZerosIsNoNul() {
        TestHttp.Response answered = http.get("/api/notes?text=%2500");

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("count").asLong()).isZero();
    }

    @Test
    void aBodyTextWithNulIsABadRequestAndStoresNothing() {
        String text = "note-" + UUID.randomUUID();

        TestHttp.Response inText = http.post("/api/notes", "{\"text\": \"" + text + "\\u0000\"}");
        TestHttp.Response inJson = http.post("/api/notes",
                "{\"text\": \"" + text + "\", \"details\": {\"zone\": \"a\\u0000b\"}}");

        for (TestHttp.Response refused : new TestHttp.Response[] {inText, inJson}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("NUL");
        }
        assertThat(http.get("/api/notes?text=" + text).json().path("count").asLong()).isZero();

        assertThat(http.post("/api/notes", "{\"text\": \"" + text + "\", \"details\": {\"zone\": \"a\"}}").status())
                .isEqualTo(201);
        assertThat(http.get("/api/notes?text=" + text).json().path("count").asLong()).isEqualTo(1);
    }

    @Test
    void findsTheNulInARawQuery() {
        assertThat(NulCharacterFilter.nul("a=1&b=%00")).isEqualTo(6);
        assertThat(NulCharacterFilter.nul("a=%2500&b=%41%0")).isEqualTo(-1);
        assertThat(NulCharacterFilter.nul("%")).isEqualTo(-1);
        assertThat(NulCharacterFilter.parameterAt("a=1&na%6De=x%00y&c=2", 12)).isEqualTo("name");
    }
}
