package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.platform.StarterTestApplication.Widgets;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller parameter {@code IfMatch ifMatch} is the request's If-Match header, and the API docs show it as that
 * header, the way operations declared it by hand before.
 */
@StarterTestApplication.Test
class IfMatchArgumentsTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;
    private final String token = TestJwt.staff("olga", Roles.OPS);
    private final TestHttp ops;

    IfMatchArgumentsTests(@LocalServerPort int port) {
        this.port = port;
        this.ops = TestHttp.localPort(port).as(token);
    }

    private String widget() {
        TestHttp.Response created = ops.post(Widgets.PATH, "{\"name\":\"first\",\"colour\":\"red\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** A PATCH of the widget's name with each value as an If-Match line of its own. */
    private HttpResponse<String> rename(String id, String... ifMatchLines) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Widgets.PATH
                        + "/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", MergePatch.MEDIA_TYPE)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"renamed\"}"));
        for (String line : ifMatchLines) {
            request.header("If-Match", line);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void severalIfMatchLinesAreOneListAndAMalformedOneIsA400() throws Exception {
        String id = widget();

        assertThat(rename(id, "\"7\"", "\"8\"").statusCode()).isEqualTo(412);
        HttpResponse<String> malformed = rename(id, "\"0\"", "0");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"If-Match\"");
        assertThat(ops.get(Widgets.PATH + "/" + id).header("ETag")).as("nothing changed").isEqualTo("\"0\"");

        HttpResponse<String> listed = rename(id, "\"7\"", "\"0\"");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(rename(id).statusCode()).as("without If-Match nothing is required").isEqualTo(200);
    }

    @Test
    void anOperationTakingIfMatchStillRefusesAQueryParameterItDoesNotRead() {
        String id = widget();

        TestHttp.Response refused = ops.patch(Widgets.PATH + "/" + id + "?ifMatch=%220%22", "{\"name\":\"x\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo("ifMatch");
        assertThat(ops.get(Widgets.PATH + "/" + id).json().path("name").asString()).isEqualTo("first");
    }

    @Test
    void theApiDocsShowAnIfMatchParameterAsTheOptionalHeaderOnly() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();
        JsonNode rename = docs.at("/paths/~1tmf-api~1testing~1v4~1widget~1{id}/patch");
        JsonNode repaint = docs.at("/paths/~1tmf-api~1testing~1v4~1paintedWidget~1{id}~1colour/put");

        List<String> parameters = new ArrayList<>();
        rename.path("parameters").forEach(parameter -> parameters.add(parameter.path("in").asString() + " "
                + parameter.path("name").asString()));
        // the header beside the id and the starter's Idempotency-Key, never a query parameter or an object
        assertThat(parameters).as(rename.toString()).containsExactly("path id", "header If-Match",
                "header Idempotency-Key");
        assertThat(rename.at("/parameters/1").toString()).isEqualTo("{\"name\":\"If-Match\",\"in\":\"header\","
                + "\"description\":" + quoted(EntityTags.IF_MATCH) + ",\"required\":false,"
                + "\"schema\":{\"type\":\"string\"}}");
        assertThat(headers(repaint)).containsExactly("If-Match", "Idempotency-Key");
        assertThat(repaint.at("/parameters/1/description").asString()).isEqualTo(Widgets.REPAINT_IF_MATCH);
        assertThat(repaint.at("/responses/412").isMissingNode()).isFalse();
        assertThat(docs.path("components").path("schemas").has("IfMatch")).isFalse();
    }

    @Test
    void aResourceChangedByAnActionTakingIfMatchDocumentsItsConditionalRead() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();
        JsonNode read = docs.at("/paths/~1tmf-api~1testing~1v4~1paintedWidget~1{id}/get");

        assertThat(headers(read)).as(read.toString()).containsExactlyInAnyOrder("If-Match", "If-None-Match");
        assertThat(read.at("/responses/304/headers/ETag").isMissingNode()).isFalse();
        assertThat(read.at("/responses/200/headers/ETag").isMissingNode()).isFalse();
        assertThat(read.at("/responses/412").isMissingNode()).isFalse();
        String painted = Widgets.PAINTED + "/" + widget();
        assertThat(ops.header("If-None-Match", "\"0\"").get(painted).status()).isEqualTo(304);
        assertThat(ops.header("If-Match", "\"0\"").put(painted + "/colour", "{\"colour\":\"blue\"}").status())
                .isEqualTo(200);
        assertThat(ops.header("If-Match", "\"0\"").get(painted).status()).isEqualTo(412);
    }

    private static List<String> headers(JsonNode operation) {
        List<String> headers = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asString())) {
                headers.add(parameter.path("name").asString());
            }
        });
        return headers;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
