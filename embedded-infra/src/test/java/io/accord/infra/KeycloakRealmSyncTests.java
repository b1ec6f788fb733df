package io.accord.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRealmSyncTests {

    @Test
    void resolvesEnvironmentPlaceholdersAsKeycloakDoesAndLeavesMessageKeysAlone() {
        String text = "{\"secret\": \"${ACCORD_X_SECRET:dev-secret}\", \"other\": \"${ACCORD_Y}\", "
                + "\"consent\": \"${rolesScopeConsentText}\", \"set\": \"${ACCORD_Z:unused}\"}";

        String resolved = KeycloakRealmSync.resolvePlaceholders(text, Map.of("ACCORD_Z", "from-env")::get);

        assertThat(resolved).isEqualTo("{\"secret\": \"dev-secret\", \"other\": \"${ACCORD_Y}\", "
                + "\"consent\": \"${rolesScopeConsentText}\", \"set\": \"from-env\"}");
    }
}
