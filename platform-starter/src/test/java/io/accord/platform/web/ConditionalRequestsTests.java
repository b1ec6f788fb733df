package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.platform.StarterTestApplication.Widgets;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ETag from a resource's version, If-None-Match on GET (304), If-Match on writes (412 problem+json when stale). */
@StarterTestApplication.Test
class ConditionalRequestsTests {

    private final int port;
    private final TestHttp ops;

    ConditionalRequestsTests(@LocalServerPort int port) {
        this.port = port;
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
    }

    private String widget() {
        TestHttp.Response created = ops.post(Widgets.PATH, "{\"name\":\"first\",\"colour\":\"red\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        return Widgets.PATH + "/" + created.json().path("id").asString();
    }

    @Test
    void aGetCarriesTheETagAndAnswers304WithoutABodyWhileItIsCurrent() {
        String widget = widget();

        assertThat(ops.get(widget).header("ETag")).isEqualTo("\"0\"");
        TestHttp.Response unchanged = ops.header("If-None-Match", "\"0\"").get(widget);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo("\"0\"");
        // weak comparison for GET, and a selection of the same version is not modified either
        assertThat(ops.header("If-None-Match", "W/\"0\"").get(widget + "?fields=name").status()).isEqualTo(304);

        ops.patch(widget, "{\"name\":\"second\"}");

        TestHttp.Response changed = ops.header("If-None-Match", "\"0\"").get(widget);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().path("name").asString()).isEqualTo("second");
    }

    @Test
    void aGetWithIfNoneMatchStarIs304WhileTheResourceExists() {
        String widget = widget();

        // RFC 9110 13.1.2: "*" matches any current representation; Spring MVC ignored it on a GET (200)
        TestHttp.Response any = ops.header("If-None-Match", "*").get(widget);
        assertThat(any.status()).as(any.toString()).isEqualTo(304);
        assertThat(any.body()).isEmpty();
        assertThat(any.header("ETag")).isEqualTo("\"0\"");
        assertThat(ops.header("If-None-Match", "\"9\", *").get(widget + "?fields=name").status()).isEqualTo(304);
        // If-Match is evaluated first: a stale one stays a 412
        assertThat(ops.header("If-Match", "\"9\"").header("If-None-Match", "*").get(widget).status())
                .isEqualTo(412);
    }

    @Test
    void aWriteNamingAnOlderVersionIsRefusedWith412AndChangesNothing() {
        String widget = widget();
        TestHttp.Response first = ops.header("If-Match", "\"0\"").patch(widget, "{\"name\":\"mine\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        TestHttp.Response stale = ops.header("If-Match", "\"0\"").patch(widget, "{\"name\":\"theirs\"}");

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().path("type").asString()).endsWith("/precondition-failed");
        assertThat(stale.json().path("detail").asString()).contains("\"0\"").contains("ETag \"1\"");
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(ops.get(widget).json().path("name").asString()).isEqualTo("mine");
    }

    @Test
    void aGetWithAStaleIfMatchIsA412ProblemWithTheCurrentETagLikeAWrite() {
        String widget = widget();
        ops.patch(widget, "{\"name\":\"second\"}");

        // Spring MVC skips If-Match on a GET: the stale one used to get the 200 with the newer version
        TestHttp.Response stale = ops.header("If-Match", "\"0\"").get(widget);

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().path("type").asString()).endsWith("/precondition-failed");
        assertThat(stale.json().path("status").asInt()).isEqualTo(412);
        assertThat(stale.json().path("detail").asString()).contains("\"0\"").contains("ETag \"1\"");
        assertThat(stale.json().path("instance").asString()).isEqualTo(widget);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(ops.header("If-Match", "\"1\"").get(widget).status()).isEqualTo(200);
        assertThat(ops.header("If-Match", "*").get(widget + "?fields=name").status()).isEqualTo(200);
        // the precondition comes first (RFC 9110 13.2.2): a stale If-Match is a 412 even when If-None-Match matches
        assertThat(ops.header("If-Match", "\"0\"").header("If-None-Match", "\"1\"").get(widget).status())
                .isEqualTo(412);
        TestHttp.Response notModified = ops.header("If-None-Match", "\"1\"").get(widget);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
    }

    @Test
    void withoutIfMatchOrWithAStarAWriteAppliesToTheCurrentVersion() {
        String widget = widget();

        assertThat(ops.patch(widget, "{\"name\":\"no precondition\"}").status()).isEqualTo(200);
        assertThat(ops.header("If-Match", "*").patch(widget, "{\"name\":\"any\"}").header("ETag"))
                .isEqualTo("\"2\"");
        assertThat(ops.header("If-Match", "\"7\", \"2\"").patch(widget, "{\"name\":\"listed\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aWeakOrMalformedIfMatchNeverMatches() {
        String widget = widget();

        assertThat(ops.header("If-Match", "W/\"0\"").patch(widget, "{\"name\":\"weak\"}").status()).isEqualTo(412);
        TestHttp.Response malformed = ops.header("If-Match", "0").patch(widget, "{\"name\":\"bare\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("violations").get(0).path("field").asString()).isEqualTo("If-Match");
        assertThat(ops.get(widget).json().path("name").asString()).isEqualTo("first");
    }

    @Test
    void theApiDocumentationListsThe412OfAnOperationTakingIfMatch() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");

        assertThat(docs.json().at("/paths/~1tmf-api~1testing~1v4~1widget~1{id}/patch/responses/412/content")
                .isMissingNode()).as(docs.body()).isFalse();
    }

    @Test
    void theApiDocumentationListsTheConditionalAnswersOfAReadWhoseAnswerCarriesTheETag() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");
        JsonNode read = docs.json().at("/paths/~1tmf-api~1testing~1v4~1widget~1{id}/get");

        assertThat(read.at("/responses/412/content/application~1problem+json/example/status").asInt())
                .as(docs.body()).isEqualTo(412);
        assertThat(read.at("/responses/304/content").isMissingNode()).as("304 has no body").isTrue();
        assertThat(read.at("/responses/304/headers/ETag").isMissingNode()).isFalse();
        assertThat(read.at("/responses/200/headers/ETag").isMissingNode()).isFalse();
        List<String> headers = new ArrayList<>();
        read.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asString())) {
                headers.add(parameter.path("name").asString());
            }
        });
        assertThat(headers).containsExactlyInAnyOrder("If-Match", "If-None-Match");
        // reads of what carries no ETag (a list, a representation built by hand) list neither
        for (String other : List.of("/paths/~1tmf-api~1testing~1v4~1widget/get/responses",
                "/paths/~1tmf-api~1testing~1v4~1widget~1{id}~1asMap/get/responses")) {
            assertThat(docs.json().at(other).isMissingNode()).as(other).isFalse();
            assertThat(docs.json().at(other).has("412")).as(other).isFalse();
            assertThat(docs.json().at(other).has("304")).as(other).isFalse();
        }
    }
}
