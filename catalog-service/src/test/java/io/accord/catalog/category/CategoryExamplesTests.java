package io.accord.catalog.category;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.accord.catalog.category.CategoryApi.CATEGORIES;
import static org.assertj.core.api.Assertions.assertThat;

/** The example bodies under {@code examples/catalog} (shown in the API docs and the docs' curl commands) work. */
@AccordServiceTest
class CategoryExamplesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theExampleCategoryIsCreatedBelowVideoAndThePatchApplies() {
        CategoryApi api = new CategoryApi(port);

        TestHttp.Response created = api.manager().post(CATEGORIES, text("catalog/category.json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo("VIDEO_SVOD");
        assertThat(created.json().get("parentId").asString()).isEqualTo(CategoryApi.VIDEO);
        TestHttp.Response patched = api.patch(created.json().get("id").asString(), text("catalog/category-patch.json"));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("name").asString()).isEqualTo("SVOD");
    }

    @Test
    void theApiDocsShowTheExamples() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();
        String path = "/paths/" + CATEGORIES.replace("/", "~1");

        assertThat(docs.at(path + "/post/requestBody/content/application~1json/example"))
                .isEqualTo(JSON.readTree(text("catalog/category.json")));
        assertThat(docs.at(path + "~1{id}/patch/requestBody/content/application~1merge-patch+json/example"))
                .isEqualTo(JSON.readTree(text("catalog/category-patch.json")));
        assertThat(docs.at(path + "~1{id}/delete/responses").has("204")).isTrue();
    }

    private static String text(String example) {
        try (InputStream in = new ClassPathResource("examples/" + example).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("examples/" + example + " is not on the classpath", e);
        }
    }
}
