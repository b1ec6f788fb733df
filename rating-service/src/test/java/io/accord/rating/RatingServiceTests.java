package io.accord.rating;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;
import io.accord.testsupport.TestHttp;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class RatingServiceTests extends ServiceBaselineTests {

    @LocalServerPort
    int servicePort;

    @Override
    protected String apiBasePath() {
        return "/api/rating";
    }

    @Override
    protected Set<String> sampledTables() {
        return Set.of("rating_product", "rating_product_identifier");
    }

    /** The statuses the inputs answer, as a client generated from the document expects them (it said 200). */
    @Test
    void apiDocsSayWhatTheInputsAnswer() {
        JsonNode paths = TestHttp.localPort(servicePort).get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/tmf-api/usageManagement/v4/usage").path("post").path("responses").has("201"))
                .isTrue();
        assertThat(paths.path("/api/rating/rerate-jobs").path("post").path("responses").has("202")).isTrue();
        assertThat(paths.path("/api/rating/rerate-jobs/{id}/cancel").path("post").path("operationId").asString())
                .isEqualTo("cancelRerateJob");
        JsonNode upload = paths.path("/api/rating/usage/files").path("post");
        assertThat(upload.path("responses").propertyNames()).contains("201", "202", "413");
        assertThat(upload.path("requestBody").path("content").has("text/csv")).as(upload.toString()).isTrue();
    }

    /**
     * A client generated from the document gets the usage input's shapes, not {@code Object}: the record as the
     * parser takes it (its members, the required ones, no other), the batch and its limits, and every answer
     * (docs/rating-usage-api.md). That the parser and the answers keep to them is {@code UsageApiTests}'.
     */
    @Test
    void apiDocsTypeTheUsageInputItsAnswersAndItsLimits() {
        JsonNode docs = TestHttp.localPort(servicePort).get("/v3/api-docs").json();
        JsonNode single = docs.at("/paths/~1tmf-api~1usageManagement~1v4~1usage/post");
        JsonNode create = schema(docs, single.at("/requestBody/content/application~1json/schema"));
        assertThat(single.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Usage_Create");
        assertThat(names(create.path("properties"))).containsExactlyInAnyOrder("usageDate", "usageType",
                "usageCharacteristic", "description", "relatedParty", "usageSpecification", "@type", "@baseType",
                "@schemaLocation");
        assertThat(strings(create.path("required")))
                .containsExactlyInAnyOrder("usageDate", "usageType", "usageCharacteristic");
        assertThat(create.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(create.at("/properties/usageCharacteristic/minItems").asInt()).isEqualTo(4);
        JsonNode characteristic = schema(docs, create.at("/properties/usageCharacteristic/items"));
        assertThat(strings(characteristic.path("required"))).containsExactlyInAnyOrder("name", "value");
        assertThat(characteristic.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(strings(characteristic.at("/properties/value/type")))
                .containsExactlyInAnyOrder("string", "number", "boolean", "null");
        assertThat(characteristic.path("description").asString()).contains("usageId", "subscriberId", "quantity",
                "unit", "B, KB, MB, GB, S, MIN, H, EVENT, MESSAGE or API_CALL", "productId", "offeringId");
        assertThat(single.at("/requestBody/content/application~1json/example/usageType").asString())
                .isEqualTo("VOICE");
        JsonNode answer = schema(docs, single.at("/responses/201/content/application~1json/schema"));
        assertThat(strings(answer.at("/properties/status/enum"))).containsExactly("rated", "rerated", "rejected");
        assertThat(schema(docs, answer.at("/properties/ratedProductUsage/items")).path("properties").has("ratedId"))
                .isTrue();
        JsonNode duplicate = single.at("/responses/409/content/application~1problem+json");
        assertThat(names(schema(docs, duplicate.path("schema")).path("properties")))
                .contains("source", "usageId", "id", "href", "originalOutcome");
        assertThat(duplicate.at("/example/type").asString()).endsWith("/duplicate-usage");

        JsonNode batch = docs.at("/paths/~1tmf-api~1usageManagement~1v4~1usage~1batch/post");
        JsonNode records = batch.at("/requestBody/content/application~1json/schema");
        assertThat(records.path("minItems").asInt()).isEqualTo(1);
        assertThat(records.path("maxItems").asInt()).isEqualTo(10_000);
        assertThat(records.at("/items/$ref").asString()).isEqualTo("#/components/schemas/Usage_Create");
        JsonNode results = schema(docs, batch.at("/responses/200/content/application~1json/schema"));
        assertThat(names(results.path("properties")))
                .containsExactlyInAnyOrder("total", "rated", "suspended", "duplicate", "invalid", "results");
        JsonNode result = schema(docs, results.at("/properties/results/items"));
        assertThat(strings(result.at("/properties/outcome/enum")))
                .containsExactly("RATED", "SUSPENDED", "DUPLICATE", "INVALID");
        assertThat(names(schema(docs, result.at("/properties/problem")).path("properties")))
                .contains("type", "detail", "index", "field");
        for (JsonNode input : List.of(single, batch)) {
            assertThat(input.path("responses").propertyNames()).contains("400", "413", "503");
            assertThat(input.at("/responses/413/description").asString()).contains("4 MB", "500,000 JSON values");
            assertThat(input.at("/responses/503/headers").has("Retry-After")).isTrue();
        }
        assertThat(batch.at("/responses/400/description").asString()).contains("more than 10,000");

        JsonNode retrieved = schema(docs, docs.at("/paths/~1tmf-api~1usageManagement~1v4~1usage~1{id}/get"
                + "/responses/200/content/application~1json/schema"));
        assertThat(names(retrieved.path("properties"))).containsAll(names(answer.path("properties")));
        JsonNode fate = schema(docs, docs.at("/paths/~1api~1rating~1usage~1{source}~1{usageId}/get/responses/200"
                + "/content/application~1json/schema"));
        assertThat(names(fate.path("properties"))).contains("fate", "ratings", "suspense", "duplicates");
        JsonNode upload = docs.at("/paths/~1api~1rating~1usage~1files/post/responses");
        for (String status : List.of("201", "202")) {
            assertThat(names(schema(docs, upload.at("/" + status + "/content/application~1json/schema"))
                    .path("properties"))).contains("state", "rowsRead", "rated", "suspended", "duplicates", "invalid");
        }
    }

    private static JsonNode schema(JsonNode docs, JsonNode schema) {
        assertThat(schema.has("$ref")).as("a named schema, not %s", schema).isTrue();
        return docs.at(schema.get("$ref").asString().substring(1));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.properties().forEach(member -> names.add(member.getKey()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new java.util.ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    /**
     * Rating has no JPA provider (no Hibernate), only the JPA API: validating a request on a thread the JPA API has
     * not seen yet (its own context class loader, as Tomcat's are) looked for one and logged
     * "jakarta.persistence.spi::No valid providers found." at WARN (the starter's NoPersistenceProvider).
     */
    @Test
    void validatingLooksForNoJpaProviderTheServiceDoesNotHave(@Autowired Validator validator) throws Exception {
        record Request(@NotBlank String name) {
        }
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jpa = Logger.getLogger("jakarta.persistence.spi");
        jpa.addHandler(capture);
        List<Boolean> invalid = new CopyOnWriteArrayList<>();
        try (URLClassLoader unseen = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            Thread validating = new Thread(() -> invalid.add(!validator.validate(new Request("")).isEmpty()));
            validating.setContextClassLoader(unseen);
            validating.start();
            validating.join();
        } finally {
            jpa.removeHandler(capture);
        }

        assertThat(invalid).containsExactly(true);
        assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
    }
}
