package io.accord.rating;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Set;

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
}
