package io.accord.catalog.category;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.accord.catalog.category.CategoryApi.CATEGORIES;
import static io.accord.catalog.category.CategoryApi.VIDEO;
import static io.accord.catalog.category.CategoryApi.code;
import static org.assertj.core.api.Assertions.assertThat;

/** The category API behaves as a TMF620 client expects: paging, filters, fields=, merge patch, 404s, 400s, roles. */
@AccordServiceTest
class CategoryApiTests {

    @LocalServerPort
    int port;

    private CategoryApi api;

    @BeforeEach
    void api() {
        api = new CategoryApi(port);
    }

    @Test
    void pagesWithTotalAndResultCounts() {
        String parent = api.create(code("PAGED"), null, null);
        for (int i = 0; i < 3; i++) {
            api.create(code("PAGE" + i), parent, null);
        }

        TestHttp.Response page = api.manager().get(CATEGORIES + "?parentId=" + parent + "&offset=1&limit=1");
        TestHttp.Response all = api.manager().get(CATEGORIES + "?limit=500");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        assertThat(page.header("X-Result-Count")).isEqualTo("1");
        assertThat(page.json()).hasSize(1);
        assertThat(Integer.parseInt(all.header("X-Total-Count"))).isGreaterThanOrEqualTo(10);
        assertThat(api.manager().get(CATEGORIES + "?limit=0").status()).isEqualTo(400);
        assertThat(api.manager().get(CATEGORIES + "?offset=-1").status()).isEqualTo(400);
    }

    @Test
    void filtersByTopLevelAttributes() {
        String parent = api.create(code("FILTER"), VIDEO, "Launched");
        String draft = api.create(code("DRAFTED"), parent, null);
        api.create(code("LIVE"), parent, "Launched");

        JsonNode roots = api.manager().get(CATEGORIES + "?isRoot=true&limit=500").json();
        JsonNode launchedChildren = api.manager().get(CATEGORIES + "?parentId=" + parent
                + "&lifecycleStatus=Launched").json();
        JsonNode byName = api.manager().get(CATEGORIES + "?name=Name%20of%20" + api.get(draft).json()
                .get("code").asString()).json();
        JsonNode byDescription = api.manager().get(CATEGORIES + "?parentId=" + parent + "&version=1.0").json();

        assertThat(roots).extracting(category -> category.get("code").asString())
                .contains("VIDEO", "MUSIC", "GAMING", "IOT_CONNECTIVITY", "MOBILE", "CLOUD");
        assertThat(roots).allSatisfy(category -> assertThat(category.get("isRoot").asBoolean()).isTrue());
        assertThat(launchedChildren).hasSize(1);
        assertThat(byName).extracting(category -> category.get("id").asString()).containsExactly(draft);
        assertThat(byDescription).hasSize(2);
        assertThat(api.manager().get(CATEGORIES + "?parentId=not-an-id").json()).isEmpty();
        assertThat(problemField(api.manager().get(CATEGORIES + "?isRoot=maybe"))).isEqualTo("isRoot");
        assertThat(problemField(api.manager().get(CATEGORIES + "?lifecycleStatus=Gone"))).isEqualTo("lifecycleStatus");
        assertThat(problemField(api.manager().get(CATEGORIES + "?colour=red"))).isEqualTo("colour");
    }

    @Test
    void selectsTheRequestedFieldsOnly() {
        String id = api.create(code("FIELDS"), null, null);

        JsonNode one = api.manager().get(CATEGORIES + "/" + id + "?fields=name,code").json();
        JsonNode listed = api.manager().get(CATEGORIES + "?id=" + id + "&fields=lifecycleStatus").json().get(0);

        assertThat(one.propertyNames()).containsExactlyInAnyOrder("id", "href", "@type", "name", "code");
        assertThat(listed.propertyNames()).containsExactlyInAnyOrder("id", "href", "@type", "lifecycleStatus");
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNeverTheCode() {
        TestHttp.Response created = api.manager().post(CATEGORIES, """
                {"code": "%s", "name": "Before", "description": "kept", "version": "2.0",
                 "validFor": {"startDateTime": "2026-01-01T00:00:00Z"}}""".formatted(code("PATCHED")));
        String id = created.json().get("id").asString();

        TestHttp.Response patched = api.patch(id, """
                {"name": "After", "validFor": {"endDateTime": "2027-01-01T00:00:00Z"}}""");
        TestHttp.Response cleared = api.patch(id, "{\"description\": null}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("name").asString()).isEqualTo("After");
        assertThat(patched.json().get("description").asString()).isEqualTo("kept");
        assertThat(patched.json().get("version").asString()).isEqualTo("2.0");
        assertThat(patched.json().get("validFor").get("startDateTime").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(patched.json().get("validFor").get("endDateTime").asString()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(cleared.json().has("description")).isFalse();
        assertThat(problemField(api.patch(id, "{\"code\": \"OTHER\"}"))).isEqualTo("code");
        assertThat(problemField(api.patch(id, "{\"name\": null}"))).isEqualTo("name");
        assertThat(problemField(api.patch(id, "{\"lifecycleStatus\": \"Done\"}"))).isEqualTo("lifecycleStatus");
        assertThat(problemField(api.patch(id, "{\"validFor\": {\"endDateTime\": \"2025-01-01T00:00:00Z\"}}")))
                .isEqualTo("validFor.endDateTime");
        assertThat(problemField(api.patch(id, "{\"parentId\": \"" + UUID.randomUUID() + "\"}"))).isEqualTo("parentId");
        assertThat(api.patch(id, "[]").status()).isEqualTo(400);
        assertThat(api.manager().send("PATCH", CATEGORIES + "/" + id, "{\"name\": \"x\"}", "application/json")
                .status()).isEqualTo(415);
        assertThat(api.get(id).json().get("name").asString()).isEqualTo("After");
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertThat(problemField(api.manager().post(CATEGORIES, "{\"description\": \"no name\"}"))).isEqualTo("name");
        assertThat(problemField(api.manager().post(CATEGORIES, "{\"name\": \"x\", \"colour\": \"red\"}")))
                .isEqualTo("colour");
        assertThat(problemField(api.manager().post(CATEGORIES, "{\"name\": \"x\", \"code\": \"lower\"}")))
                .isEqualTo("code");
        assertThat(problemField(api.manager().post(CATEGORIES, "{\"name\": \"x\", \"parentId\": \"nope\"}")))
                .isEqualTo("parentId");
        assertThat(problemField(api.manager().post(CATEGORIES, """
                {"name": "x", "isRoot": true, "parentId": "%s"}""".formatted(VIDEO)))).isEqualTo("isRoot");
        assertThat(problemField(api.manager().post(CATEGORIES, "{\"name\": \"x\", \"isRoot\": \"sometimes\"}")))
                .isEqualTo("isRoot");
        assertThat(api.manager().post(CATEGORIES, "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.manager().post(CATEGORIES, "{\"code\": \"VIDEO\", \"name\": \"Again\"}").status())
                .isEqualTo(409);
    }

    @Test
    void acceptsEveryTmf620AttributeOfCategoryCreate() {
        TestHttp.Response created = api.manager().post(CATEGORIES, """
                {"@type": "Category", "@baseType": "Category", "@schemaLocation": "https://example.com/c.json",
                 "name": "Tmf client %s", "description": "d", "isRoot": false, "parentId": "%s",
                 "lifecycleStatus": "In design", "lastUpdate": "2026-01-01T00:00:00Z", "version": "1.1",
                 "productOffering": [], "subCategory": [], "validFor": {"startDateTime": "2026-01-01T00:00:00Z"}}
                """.formatted(UUID.randomUUID(), VIDEO));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("lifecycleStatus").asString()).isEqualTo("In design");
        assertThat(created.json().get("parentId").asString()).isEqualTo(VIDEO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "123", "undefined", "00000000-0000-0000-0000-000000000000", "caf%C3%A9", "a%20b",
            "0a1e0000-0000-4000-8000-0000000000ff"})
    void anUnknownIdOfAnyShapeIsNotFound(String id) {
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pu", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));

        assertThat(api.get(id).status()).isEqualTo(404);
        assertThat(partner.get(CATEGORIES + "/" + id).status()).isEqualTo(404);
        assertThat(api.patch(id, "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(api.patch(id, "{\"code\": \"NOT_CHANGEABLE\"}").status()).isEqualTo(404);
        TestHttp.Response deleted = api.manager().delete(CATEGORIES + "/" + id);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.contentType()).startsWith("application/problem+json");
    }

    @Test
    void partnersReadTheTreeButOnlyStaffChangeIt() {
        String id = api.create(code("ROLES"), null, null);
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pa", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.staff("root", Roles.PLATFORM_ADMIN));

        assertThat(partner.get(CATEGORIES + "/" + id).status()).isEqualTo(200);
        assertThat(partner.get(CATEGORIES).status()).isEqualTo(200);
        assertThat(partner.post(CATEGORIES, "{}").status()).isEqualTo(403);
        assertThat(partner.post(CATEGORIES, "{\"name\": \"mine\"}").status()).isEqualTo(403);
        assertThat(partner.patch(CATEGORIES + "/" + id, "{\"name\": \"mine\"}").status()).isEqualTo(403);
        assertThat(partner.delete(CATEGORIES + "/" + id).status()).isEqualTo(403);
        assertThat(finance.post(CATEGORIES, "{\"name\": \"x\"}").status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).get(CATEGORIES).status()).isEqualTo(401);
        assertThat(admin.patch(CATEGORIES + "/" + id, "{\"name\": \"renamed\"}").status()).isEqualTo(200);
    }

    private static String problemField(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("violations").get(0).get("field").asString();
    }
}
