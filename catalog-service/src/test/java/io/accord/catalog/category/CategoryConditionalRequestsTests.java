package io.accord.catalog.category;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.accord.catalog.category.CategoryApi.CATEGORIES;
import static io.accord.catalog.category.CategoryApi.code;
import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF620 categories answer an ETag and honour If-Match. A category also lists its sub-categories, which change
 * without the category's own version: its ETag moves with them.
 */
@AccordServiceTest
class CategoryConditionalRequestsTests {

    @LocalServerPort
    int port;

    private CategoryApi api;
    private TestHttp anna;
    private TestHttp ben;

    @BeforeEach
    void clients() {
        api = new CategoryApi(port);
        anna = TestHttp.localPort(port).as(TestJwt.staff("pm-anna", Roles.PARTNER_MANAGER));
        ben = TestHttp.localPort(port).as(TestJwt.staff("pm-ben", Roles.PARTNER_MANAGER));
    }

    private long auditEntries(String id) {
        return TestHttp.localPort(port).as(TestJwt.staff("auditor-etag", Roles.AUDITOR))
                .get("/api/catalog/audit?resourceType=category&resourceId=" + id).json().size();
    }

    @Test
    void theSecondOfTwoEditorsPatchingTheSameCategoryGets412AndChangesNothing() {
        TestHttp.Response created = anna.post(CATEGORIES, "{\"code\":\"" + code("ETAG") + "\",\"name\":\"Etag\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String category = created.header("Location");
        String id = created.json().get("id").asString();
        String read = ben.get(category).header("ETag");
        assertThat(read).isNotBlank().isEqualTo(created.header("ETag"));

        TestHttp.Response annas = anna.header("If-Match", read).patch(category, "{\"name\":\"Anna's\"}");
        long audited = auditEntries(id);
        TestHttp.Response bens = ben.header("If-Match", read).patch(category, "{\"name\":\"Ben's\"}");

        String applied = assertFirstAppliedOthersRefused(read, annas, bens,
                ben.header("If-Match", read).delete(category));
        assertThat(auditEntries(id)).isEqualTo(audited);
        TestHttp.Response now = ben.get(category);
        assertThat(now.json().get("name").asString()).isEqualTo("Anna's");
        assertThat(now.header("ETag")).isEqualTo(applied);
        assertThat(ben.header("If-Match", now.header("ETag")).delete(category).status()).isEqualTo(204);
    }

    @Test
    void aSubCategoryAddedOrRenamedMovesItsParentsETag() {
        String parent = api.create(code("ETAG_PARENT"), null, null);
        TestHttp.Response childless = api.get(parent);

        String child = api.create(code("ETAG_CHILD"), parent, null);
        TestHttp.Response withChild = api.manager().header("If-None-Match", childless.header("ETag"))
                .get(CATEGORIES + "/" + parent);
        assertThat(withChild.status()).isEqualTo(200);
        assertThat(withChild.json().get("subCategory")).hasSize(1);
        assertThat(withChild.json().get("lastUpdate")).isEqualTo(childless.json().get("lastUpdate"));
        assertThat(withChild.header("ETag")).isNotEqualTo(childless.header("ETag"));
        assertPreconditionFailed(anna.header("If-Match", childless.header("ETag"))
                .patch(CATEGORIES + "/" + parent, "{\"description\":\"stale\"}"), withChild.header("ETag"));

        assertThat(api.patch(child, "{\"name\":\"Renamed child\"}").status()).isEqualTo(200);
        TestHttp.Response renamed = api.get(parent);
        assertThat(renamed.json().get("subCategory").get(0).get("name").asString()).isEqualTo("Renamed child");
        assertThat(renamed.header("ETag")).isNotEqualTo(withChild.header("ETag"));
        assertThat(api.manager().header("If-Match", withChild.header("ETag")).get(CATEGORIES + "/" + parent)
                .status()).isEqualTo(412);
        assertThat(renamed.json().has("description")).isFalse();
    }

    @Test
    void aGetAnswers304WhileCurrentAndAMalformedIfMatchIsA400() {
        String category = CATEGORIES + "/" + api.create(code("ETAG_READ"), null, null);
        String tag = anna.get(category).header("ETag");

        assertNotModified(anna.header("If-None-Match", tag).get(category));
        assertThat(anna.header("If-None-Match", tag).get(category + "?fields=name").status()).isEqualTo(304);
        assertMalformedIfMatch(anna.header("If-Match", "1").patch(category, "{\"name\":\"Bare\"}"));
        assertThat(anna.header("If-Match", "1").delete(category).status()).isEqualTo(400);
        assertThat(anna.get(category).header("ETag")).isEqualTo(tag);
    }
}
