package io.accord.testsupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation must say who may call it, whatever decides that (its annotation or its path's rules). */
class ApiDocsConventionChecksTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOCK = "\"security\": [{\"bearer\": []}], ";
    private static final String PROBLEMS = "\"responses\": {"
            + problem("401") + ", " + problem("403") + ", " + problem("404") + ", " + problem("429") + "}";

    private static String problem(String status) {
        return "\"" + status + "\": {\"content\": {\"application/problem+json\": {\"example\": {}}}}";
    }

    private static JsonNode document(String operation) {
        return JSON.readTree("{\"paths\": {\"/things/{id}\": {\"get\": {\"operationId\": \"readThing\", "
                + "\"summary\": \"Read a thing\", \"tags\": [\"Things\"], " + operation + PROBLEMS + "}}}}");
    }

    @Test
    void anOperationThatSaysNothingAboutRolesIsABreach() {
        assertThat(ApiDocsConventionChecks.breaches(document(LOCK)))
                .containsExactly("GET /things/{id}: description does not end with who may call it (\"Roles: ...\")");
        assertThat(ApiDocsConventionChecks.breaches(document(LOCK + "\"description\": \"Reads.\", ")))
                .hasSize(1);
        assertThat(ApiDocsConventionChecks.breaches(document(LOCK + "\"description\": \"Roles: ops.\", ")))
                .containsExactly("GET /things/{id}: no x-accord-roles listing the roles its description names");
    }

    @Test
    void statedRolesPassAndAnyoneGoesOnlyWithoutALock() {
        assertThat(ApiDocsConventionChecks.breaches(document(LOCK
                + "\"description\": \"Reads.\\n\\nRoles: ops, auditor.\", \"x-accord-roles\": [\"ops\", \"auditor\"], ")))
                .isEmpty();
        assertThat(ApiDocsConventionChecks.breaches(document(LOCK
                + "\"description\": \"Authorization: `hasRole('ops') and #id != null`.\", "))).isEmpty();
        assertThat(ApiDocsConventionChecks.breaches(document("\"description\": \"Roles: anyone (no token needed).\", "
                + "\"x-accord-roles\": [\"anyone\"], "))).isEmpty();
        assertThat(ApiDocsConventionChecks.breaches(document(LOCK
                + "\"description\": \"Roles: anyone (no token needed).\", \"x-accord-roles\": [\"anyone\"], ")))
                .containsExactly("GET /things/{id}: x-accord-roles [\"anyone\"] says anyone, but it has a lock");
        assertThat(ApiDocsConventionChecks.breaches(document(
                "\"description\": \"Roles: ops.\", \"x-accord-roles\": [\"ops\"], ")))
                .containsExactly("GET /things/{id}: x-accord-roles [\"ops\"] names roles, but it has no lock");
    }
}
