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
