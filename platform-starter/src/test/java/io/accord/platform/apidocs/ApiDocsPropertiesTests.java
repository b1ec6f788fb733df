package io.accord.platform.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsPropertiesTests {

    @Test
    void theDevelopmentRealmsHelpNamesEveryDemoUserWithItsRole() {
        JsonNode realm = JsonMapper.builder().build()
                .readTree(Path.of("../deploy/keycloak/accord-realm.json").toFile());

        for (JsonNode user : realm.get("users")) {
            String name = user.get("username").asString();
            if (name.startsWith("service-account-")) {
                continue;
            }
            assertThat(ApiDocsProperties.DEMO_USERS).contains("`" + name + "`");
            user.path("realmRoles").forEach(role -> {
                if (!role.asString().startsWith("default-roles")) {
                    assertThat(ApiDocsProperties.DEMO_USERS).contains("(" + role.asString());
                }
            });
        }
    }

    @Test
    void demoUsersAreListedOnlyForTheDevelopmentRealm() {
        assertThat(new ApiDocsProperties(ApiDocsProperties.LOGIN, false).help())
                .isEqualTo(ApiDocsProperties.LOGIN).doesNotContain("-dev");
        assertThat(new ApiDocsProperties(ApiDocsProperties.LOGIN, true).help())
                .startsWith(ApiDocsProperties.LOGIN).contains("partner-manager-dev");
    }
}
