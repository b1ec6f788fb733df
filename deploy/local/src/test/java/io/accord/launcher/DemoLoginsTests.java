package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoLoginsTests {

    @Test
    void listsTheRealmsUsersWithTheirPasswordsAndRoles() {
        List<DemoLogins.Login> logins = DemoLogins.read(Path.of("../keycloak/accord-realm.json"));

        assertThat(logins).extracting(DemoLogins.Login::username).contains("platform-admin", "partner-manager", "ops",
                "finance", "auditor", "partner-admin", "partner-user", "partner-manager-b", "finance-b");
        assertThat(logins).allSatisfy(login -> {
            assertThat(login.password()).isEqualTo(login.username() + "-dev");
            assertThat(login.roles()).isNotEmpty().noneMatch(role -> role.startsWith("default-roles-"));
        });
    }

    @Test
    void acceptsModuleNamesAndDatabaseKeysForLogs() {
        assertThat(LogsCommand.canonicalName("partner-onboarding-service")).isEqualTo("partner-onboarding");
        assertThat(LogsCommand.canonicalName("onboarding")).isEqualTo("partner-onboarding");
        assertThat(LogsCommand.canonicalName("gateway")).isEqualTo("api-gateway");
        assertThat(LogsCommand.canonicalName("kafka")).isEqualTo("kafka");
    }
}
