package io.accord.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The demo users of the realm file, read from it so the printed logins never drift from what Keycloak has. */
final class DemoLogins {

    record Login(String username, String password, List<String> roles) {
    }

    private DemoLogins() {
    }

    static List<Login> read(Path realmFile) {
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        List<Login> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            // service accounts have no password and cannot log in interactively
            String password = null;
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asString())) {
                    password = credential.path("value").asString();
                }
            }
            if (password != null) {
                List<String> roles = new ArrayList<>();
                // Keycloak's implicit default-roles-<realm> says nothing about what the user may do
                user.path("realmRoles").forEach(role -> roles.add(role.asString()));
                roles.removeIf(role -> role.startsWith("default-roles-"));
                logins.add(new Login(user.path("username").asString(), password, roles));
            }
        }
        return logins;
    }
}
