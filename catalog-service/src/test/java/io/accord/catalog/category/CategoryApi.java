package io.accord.catalog.category;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls to the category API as a partner manager, for tests. */
final class CategoryApi {

    static final String CATEGORIES = "/tmf-api/productCatalogManagement/v4/category";
    static final String VIDEO = "0a1e0000-0000-4000-8000-000000000001";

    private final TestHttp manager;

    CategoryApi(int port) {
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("pm-categories", Roles.PARTNER_MANAGER));
    }

    TestHttp manager() {
        return manager;
    }

    /** A code no other test uses. */
    static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Creates a category (below {@code parentId} when not null) and answers its id. */
    String create(String code, String parentId, String status) {
        String body = "{\"code\":\"%s\",\"name\":\"%s\"%s%s}".formatted(code, "Name of " + code,
                parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"",
                status == null ? "" : ",\"lifecycleStatus\":\"" + status + "\"");
        TestHttp.Response created = manager.post(CATEGORIES, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    TestHttp.Response get(String id) {
        return manager.get(CATEGORIES + "/" + id);
    }

    TestHttp.Response patch(String id, String patch) {
        return manager.patch(CATEGORIES + "/" + id, patch);
    }
}
