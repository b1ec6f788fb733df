package io.accord.catalog.category;

import io.accord.contracts.Roles;
import io.accord.platform.hub.TmfEvent;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.accord.catalog.category.CategoryApi.CATEGORIES;
import static io.accord.catalog.category.CategoryApi.VIDEO;
import static io.accord.catalog.category.CategoryApi.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff build and reshape the category tree; it never loops, and what is launched stays under launched parents. */
@AccordServiceTest
class CategoryTreeApiTests {

    @LocalServerPort
    int port;

    private final RecordedTmfEvents events;
    private final Categories entryPoint;
    private final Environment environment;
    private CategoryApi api;

    CategoryTreeApiTests(RecordedTmfEvents events, Categories entryPoint, Environment environment) {
        this.events = events;
        this.entryPoint = entryPoint;
        this.environment = environment;
    }

    @BeforeEach
    void api() {
        api = new CategoryApi(port);
    }

    @Test
    void buildsATreeThatShowsParentsAndSubCategories() {
        String rootCode = code("ROOT");
        TestHttp.Response root = api.manager().post(CATEGORIES, """
                {"code": "%s", "name": "Streaming bundles", "description": "Bundles of streaming services"}
                """.formatted(rootCode));
        assertThat(root.status()).as(root.body()).isEqualTo(201);
        String rootId = root.json().get("id").asString();
        assertThat(root.header("Location")).isEqualTo(CATEGORIES + "/" + rootId)
                .isEqualTo(root.json().get("href").asString());
        String childCode = code("CHILD");
        String child = api.create(childCode, rootId, null);

        JsonNode readRoot = api.get(rootId).json();
        JsonNode readChild = api.get(child).json();

        assertThat(readRoot.get("isRoot").asBoolean()).isTrue();
        assertThat(readRoot.has("parentId")).isFalse();
        assertThat(readRoot.get("lifecycleStatus").asString()).isEqualTo("In study");
        assertThat(readRoot.get("version").asString()).isEqualTo("1.0");
        assertThat(readRoot.get("@type").asString()).isEqualTo("Category");
        assertThat(readRoot.get("subCategory")).hasSize(1);
        assertThat(readRoot.get("subCategory").get(0).get("id").asString()).isEqualTo(child);
        assertThat(readRoot.get("subCategory").get(0).get("code").asString()).isEqualTo(childCode);
        assertThat(readChild.propertyNames()).containsExactlyInAnyOrder("id", "href", "code", "name", "isRoot",
                "parentId", "lifecycleStatus", "version", "lastUpdate", "subCategory", "@type");
        assertThat(readChild.get("isRoot").asBoolean()).isFalse();
        assertThat(readChild.get("parentId").asString()).isEqualTo(rootId);
        assertThat(entryPoint.lineage(childCode)).extracting(CategoryRef::code).containsExactly(childCode, rootCode);
    }

    @Test
    void aTmfClientWithoutOurCodeGetsOneDerivedFromTheName() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        TestHttp.Response created = api.manager().post(CATEGORIES, """
                {"name": "Vidéo à la demande %s"}""".formatted(suffix));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("code").asString())
                .isEqualTo("VIDEO_A_LA_DEMANDE_" + suffix.toUpperCase(java.util.Locale.ROOT));
        assertThat(api.manager().post(CATEGORIES, """
                {"name": "Vidéo à la demande %s"}""".formatted(suffix)).status()).isEqualTo(409);
    }

    @Test
    void movesASubTreeButNeverBelowItself() {
        String a = api.create(code("A"), null, null);
        String b = api.create(code("B"), a, null);
        String c = api.create(code("C"), b, null);
        String other = api.create(code("OTHER"), null, null);

        TestHttp.Response underItsGrandchild = api.patch(a, "{\"parentId\": \"" + c + "\"}");
        TestHttp.Response underItself = api.patch(a, "{\"parentId\": \"" + a + "\"}");
        TestHttp.Response moved = api.patch(b, "{\"parentId\": \"" + other + "\"}");

        assertThat(underItsGrandchild.status()).as(underItsGrandchild.body()).isEqualTo(409);
        assertThat(underItsGrandchild.json().get("detail").asString()).contains("below itself");
        assertThat(underItself.status()).isEqualTo(409);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("parentId").asString()).isEqualTo(other);
        assertThat(api.get(a).json().get("subCategory")).isEmpty();
        assertThat(api.get(other).json().get("subCategory").get(0).get("id").asString()).isEqualTo(b);
        assertThat(api.get(c).json().get("parentId").asString()).isEqualTo(b);
        assertThat(api.patch(c, "{\"parentId\": null}").json().get("isRoot").asBoolean()).isTrue();
        assertThat(api.patch(c, "{\"isRoot\": false}").status()).isEqualTo(400);
    }

    @Test
    void twoConcurrentMovesCannotCloseALoopBetweenThem() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = api.create(code("RACE_A"), null, null);
            String b = api.create(code("RACE_B"), null, null);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<TestHttp.Response> aUnderB = pool.submit(() -> api.patch(a, "{\"parentId\": \"" + b + "\"}"));
                Future<TestHttp.Response> bUnderA = pool.submit(() -> api.patch(b, "{\"parentId\": \"" + a + "\"}"));

                assertThat(List.of(aUnderB.get().status(), bUnderA.get().status()))
                        .containsExactlyInAnyOrder(200, 409);
            }
            assertThat(List.of(api.get(a).json().get("isRoot").asBoolean(), api.get(b).json().get("isRoot").asBoolean()))
                    .containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void concurrentPatchesOfDifferentAttributesBothLast() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = api.create(code("BOTH"), null, null);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<TestHttp.Response> renamed = pool.submit(() -> api.patch(id, "{\"name\": \"Renamed\"}"));
                Future<TestHttp.Response> described = pool.submit(() -> api.patch(id, "{\"description\": \"Said\"}"));

                assertThat(List.of(renamed.get().status(), described.get().status())).containsOnly(200);
            }
            JsonNode both = api.get(id).json();
            assertThat(both.get("name").asString()).isEqualTo("Renamed");
            assertThat(both.get("description").asString()).isEqualTo("Said");
        }
    }

    @Test
    void aLaunchedCategoryLivesUnderLaunchedParentsAndRetiresLeavesFirst() {
        String draftParent = api.create(code("DRAFT"), null, null);
        TestHttp.Response launchedUnderDraft = api.manager().post(CATEGORIES, """
                {"code": "%s", "name": "x", "parentId": "%s", "lifecycleStatus": "Launched"}"""
                .formatted(code("EARLY"), draftParent));
        String parent = api.create(code("PARENT"), VIDEO, "Launched");
        String child = api.create(code("LEAF"), parent, "Launched");

        TestHttp.Response retireParent = api.patch(parent, "{\"lifecycleStatus\": \"Retired\"}");
        TestHttp.Response retireChild = api.patch(child, "{\"lifecycleStatus\": \"Retired\"}");
        TestHttp.Response backToDesign = api.patch(child, "{\"lifecycleStatus\": \"In design\"}");

        assertThat(launchedUnderDraft.status()).as(launchedUnderDraft.body()).isEqualTo(409);
        assertThat(retireParent.status()).as(retireParent.body()).isEqualTo(409);
        assertThat(retireParent.json().get("detail").asString()).contains("launched sub-categories");
        assertThat(retireChild.status()).as(retireChild.body()).isEqualTo(200);
        assertThat(retireChild.json().get("lifecycleStatus").asString()).isEqualTo("Retired");
        assertThat(backToDesign.status()).isEqualTo(409);
        assertThat(api.patch(parent, "{\"lifecycleStatus\": \"retired\"}").status()).isEqualTo(200);
    }

    @Test
    void deletesOnlyUnusedNeverLaunchedLeaves() {
        String parent = api.create(code("GONE"), null, null);
        String leaf = api.create(code("LEAF"), parent, null);
        String launched = api.create(code("LIVE"), VIDEO, "Launched");
        String used = api.create(UsedCategories.PREFIX + code("X"), null, null);

        TestHttp.Response withChildren = api.manager().delete(CATEGORIES + "/" + parent);
        TestHttp.Response live = api.manager().delete(CATEGORIES + "/" + launched);
        TestHttp.Response inUse = api.manager().delete(CATEGORIES + "/" + used);
        TestHttp.Response deletedLeaf = api.manager().delete(CATEGORIES + "/" + leaf);

        assertThat(withChildren.status()).isEqualTo(409);
        assertThat(withChildren.json().get("detail").asString()).contains("sub-categories");
        assertThat(live.status()).isEqualTo(409);
        assertThat(live.json().get("detail").asString()).contains("retire it instead");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asString()).contains("test offerings are filed in it");
        assertThat(deletedLeaf.status()).isEqualTo(204);
        assertThat(api.get(leaf).status()).isEqualTo(404);
        assertThat(api.manager().delete(CATEGORIES + "/" + parent).status()).isEqualTo(204);
    }

    @Test
    void aCategoryStillReferencedByAnotherTableIsKept() {
        String id = api.create(code("REFERENCED"), null, null);
        // the service's own database user may not create tables: the schema owner (Flyway's user) does
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password")));
        owner.sql("create table if not exists category_reference_probe (category_id uuid references category (id))")
                .update();
        try {
            owner.sql("insert into category_reference_probe values (:id)").param("id", UUID.fromString(id)).update();

            TestHttp.Response refused = api.manager().delete(CATEGORIES + "/" + id);

            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("still referenced");
            assertThat(api.get(id).status()).isEqualTo(200);
        } finally {
            // not part of the schema: the shared database's checks (ServiceBaselineTests) must not see it
            owner.sql("drop table category_reference_probe").update();
        }
    }

    @Test
    void everyChangeIsAuditedAndAnnouncedToTheHubAfterCommit() {
        String id = api.create(code("TOLD"), null, null);
        api.patch(id, "{\"description\": \"now described\"}");
        api.patch(id, "{\"description\": \"now described\"}");
        api.patch(id, "{\"lifecycleStatus\": \"In test\"}");
        api.manager().delete(CATEGORIES + "/" + id);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.about(id))
                .extracting(TmfEvent::eventType).containsExactly("CategoryCreateEvent",
                        "CategoryAttributeValueChangeEvent", "CategoryStateChangeEvent", "CategoryDeleteEvent"));
        assertThat(events.about(id)).allSatisfy(event -> {
            assertThat(event.resourceName()).isEqualTo("category");
            assertThat(event.visibleToAllPartners()).isTrue();
        });
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor", Roles.AUDITOR));
        JsonNode trail = auditor.get("/api/catalog/audit?resourceType=category&resourceId=" + id).json();
        assertThat(trail).extracting(entry -> entry.get("action").asString())
                .containsExactly("deleted", "changed", "changed", "created");
        assertThat(trail.get(2).get("after").get("description").asString()).isEqualTo("now described");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("pm-categories");
    }
}
