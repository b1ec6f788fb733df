package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A query parameter the operation does not read is refused naming it, not ignored. */
@StarterTestApplication.Test
class KnownQueryParametersTests {

    private final TestHttp ops;

    KnownQueryParametersTests(@LocalServerPort int port) {
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
    }

    @Test
    void anUnknownParameterIsRefusedNamingItAndWhatTheOperationReads() {
        TestHttp.Response response = ops.get("/api/times?at=2026-01-01T00:00:00Z&page=2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("page");
        assertThat(response.json().path("detail").asString()).contains("'page'").contains("it reads at, day");
    }

    @Test
    void declaredParametersAreRead() {
        TestHttp.Response response = ops.get("/api/times?at=2026-01-01T00:00:00Z&day=2026-01-02");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("day").asString()).isEqualTo("2026-01-02");
    }

    @Test
    void aValueOfTheWrongShapeSaysWhatTheParameterTakes() {
        assertThat(ops.get("/api/times?day=tomorrow").json().path("detail").asString())
                .isEqualTo("The parameter 'day' must be an ISO-8601 date (2026-12-31).");
    }

    @Test
    void aParameterOfOneValueGivenTwiceIsRefusedNamingIt() {
        TestHttp.Response response = ops.get("/api/times?day=2026-01-02&at=2026-01-01T00:00:00Z&day=2026-01-03");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("day");
        assertThat(response.json().path("detail").asString()).contains("'day' is given more than once");
    }

    @Test
    void aTextParameterGivenTwiceIsLeftToTheOperation() {
        // Spring joins a text parameter's values with commas: the operation reads them as a list or refuses them
        TestHttp.Response response = ops.get("/api/notes?text=a&text=b");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("count").asLong()).isZero();
    }

    @Test
    void anOperationWithoutParametersNamesNone() {
        TestHttp.Response response = ops.get("/api/things/7?limit=5");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("'limit'").contains("it reads none");
    }

    @Test
    void anEncodedNameIsDecodedBeforeItIsCompared() {
        assertThat(ops.get("/api/notes?%74ext=a").status()).isEqualTo(200);
        assertThat(ops.get("/api/notes?text=a&te%78t2=b").json().path("violations").get(0).path("field")
                .asString()).isEqualTo("text2");
    }

    @Test
    void anOperationTakingTheRequestForItsBodyIsCheckedAndWritesNothing() {
        String text = "upload-" + java.util.UUID.randomUUID();

        TestHttp.Response response = ops.send("POST", "/api/notes/upload?dryrun=true", text, "text/plain");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("dryrun");
        assertThat(response.json().path("detail").asString()).contains("'dryrun'").contains("it reads dryRun");
        assertThat(ops.get("/api/notes?text=" + text).json().path("count").asLong()).isZero();
        assertThat(ops.send("POST", "/api/notes/upload?dryRun=true", text, "text/plain").status()).isEqualTo(200);
    }

    @Test
    void namesAnOperationReadsItselfAreKnownAndNoOthers() {
        assertThat(ops.get("/api/things/grouped?group=a&group=b").json()).hasSize(2);

        TestHttp.Response response = ops.get("/api/things/grouped?group=a&grup=b");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("'grup'").contains("it reads group");
    }

    @Test
    void anOperationReadingTheQueryItselfDecides() {
        TestHttp.Response response = ops.get("/api/things?name=a&anything=b");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("anything");
    }
}
