package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real Keycloak 26.7.3 (distribution from Maven Central) on a real PostgreSQL, with
 * {@code deploy/keycloak/accord-realm.json} imported: one start for the whole class (about 40 s the first time
 * on 2 cores, of which ~15 s is Quarkus augmentation). Slow, hence the tag; it runs under {@code ./mvnw verify}
 * like every other test, {@code -DexcludedGroups=keycloak} skips it.
 */
@Tag("keycloak")
class KeycloakServerTests {

    static final String PARTNER_A = "11111111-1111-4111-8111-111111111111";
    static final String PARTNER_B = "22222222-2222-4222-8222-222222222222";

    // under target/, which the PostgreSQL server user (uid 65534 when we are root) can traverse
    static final Path HOME = Path.of("target", "keycloak-tests", UUID.randomUUID().toString());

    static EmbeddedPostgres postgres;
    static KeycloakServer keycloak;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startKeycloak() {
        postgres = EmbeddedPostgres.start(HOME.resolve("postgres"), 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS);
        postgres.createDatabase("keycloak");
        keycloak = KeycloakServer.start(HOME.resolve("keycloak"), 0, postgres.jdbcUrl("keycloak"),
                postgres.username(), null, realmFile());
    }

    @AfterAll
    static void stopKeycloak() throws IOException {
        try {
            if (keycloak != null) {
                long pid = keycloak.pid();
                keycloak.close();
                assertThat(Processes.isAlive(pid)).as("Keycloak process after close()").isFalse();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            // the unpacked distribution (~190 MB) and the database (~50 MB) go; the logs stay for a look after a failure
            FileTrees.deleteRecursively(HOME.resolve("keycloak").resolve("dist"));
            FileTrees.deleteRecursively(HOME.resolve("postgres").resolve("pgdata"));
        }
    }

    @Test
    void servesTheRealmOnLocalhostAndWritesItsLog() throws Exception {
        assertThat(keycloak.baseUrl()).isEqualTo("http://localhost:" + keycloak.httpPort());
        assertThat(keycloak.issuerUri()).isEqualTo(keycloak.baseUrl() + "/realms/accord");
        assertThat(Processes.isAlive(keycloak.pid())).isTrue();
        assertThat(keycloak.logFile()).exists();
        assertThat(Files.readString(keycloak.logFile())).contains("Realm 'accord' imported");

        HttpResponse<String> discovery = get(keycloak.issuerUri() + "/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(discovery.body(), "$.issuer")).isEqualTo(keycloak.issuerUri());
        assertThat(get("http://localhost:" + keycloak.managementPort() + "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void partnerAdminTokenCarriesItsRoleAndPartnerId() throws Exception {
        Map<String, Object> response = passwordGrant("partner-admin", "partner-admin-dev");

        String accessToken = (String) response.get("access_token");
        assertThat(claim(accessToken, "$.realm_access.roles", List.class)).contains("partner-admin")
                .doesNotContain("platform-admin", "partner-user");
        assertThat(claim(accessToken, "$.partner_id", String.class)).isEqualTo(PARTNER_A);
        assertThat(claim(accessToken, "$.iss", String.class)).isEqualTo(keycloak.issuerUri());
        assertThat(claim(accessToken, "$.azp", String.class)).isEqualTo("accord-cli");
        assertThat(claim(accessToken, "$.preferred_username", String.class)).isEqualTo("partner-admin");
        assertThat(audiences(accessToken)).contains("accord-api");
        // Keycloak counts the lifetime from its own clock: a second boundary between issuing and answering gives 899
        assertThat(((Number) response.get("expires_in")).intValue()).isBetween(895, 900);

        String idToken = (String) response.get("id_token");
        assertThat(claim(idToken, "$.partner_id", String.class)).isEqualTo(PARTNER_A);
    }

    @Test
    void everyDemoUserLogsInWithItsRoleAndOnlyPartnerUsersHaveAPartnerId() throws Exception {
        for (String role : List.of("platform-admin", "partner-manager", "ops", "finance", "auditor",
                "partner-admin", "partner-user")) {
            String token = (String) passwordGrant(role, role + "-dev").get("access_token");
            assertThat(claim(token, "$.realm_access.roles", List.class)).as(role).contains(role);
            Object partnerId = payload(token).get("partner_id");
            if (role.equals("partner-admin") || role.equals("partner-user")) {
                assertThat(partnerId).as(role).isEqualTo(PARTNER_A);
            } else {
                assertThat(partnerId).as(role).isNull();
            }
        }
        String otherPartner = (String) passwordGrant("partner-admin-b", "partner-admin-b-dev").get("access_token");
        assertThat(claim(otherPartner, "$.partner_id", String.class)).isEqualTo(PARTNER_B);
        assertThat(claim(otherPartner, "$.realm_access.roles", List.class)).contains("partner-admin");
        // a second person with the same staff role, for four-eyes steps: told apart by the subject
        for (String role : List.of("partner-manager", "finance")) {
            String first = (String) passwordGrant(role, role + "-dev").get("access_token");
            String second = (String) passwordGrant(role + "-b", role + "-b-dev").get("access_token");
            assertThat(claim(second, "$.realm_access.roles", List.class)).as(role + "-b").contains(role);
            assertThat(payload(second).get("partner_id")).as(role + "-b").isNull();
            assertThat(claim(second, "$.sub", String.class)).isNotBlank()
                    .isNotEqualTo(claim(first, "$.sub", String.class));
        }
    }

    @Test
    void ciPipelineGetsAPlatformAdminTokenWithClientCredentials() throws Exception {
        HttpResponse<String> response = postForm(keycloak.tokenUri(), Map.of(
                "grant_type", "client_credentials",
                "client_id", "ci-pipeline",
                "client_secret", "ci-pipeline-dev-secret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JsonPath.read(response.body(), "$.access_token");
        assertThat(claim(token, "$.realm_access.roles", List.class)).contains("platform-admin");
        assertThat(claim(token, "$.azp", String.class)).isEqualTo("ci-pipeline");
        assertThat(claim(token, "$.preferred_username", String.class)).isEqualTo("service-account-ci-pipeline");
        assertThat(payload(token)).doesNotContainKey("partner_id");
    }

    @Test
    void wrongCredentialsAreRejected() throws Exception {
        HttpResponse<String> wrongPassword = postForm(keycloak.tokenUri(), Map.of(
                "grant_type", "password", "client_id", "accord-cli",
                "username", "partner-admin", "password", "not-the-password"));
        // Keycloak 26.6+ answers invalid_grant with 400 as RFC 6749 §5.2 says (keycloak#45812); 401 before
        assertThat(wrongPassword.statusCode()).as(wrongPassword.body()).isEqualTo(400);
        assertThat((String) JsonPath.read(wrongPassword.body(), "$.error")).isEqualTo("invalid_grant");
        assertThat(wrongPassword.body()).doesNotContain("access_token");

        HttpResponse<String> wrongSecret = postForm(keycloak.tokenUri(), Map.of(
                "grant_type", "client_credentials", "client_id", "ci-pipeline", "client_secret", "wrong"));
        assertThat(wrongSecret.statusCode()).as(wrongSecret.body()).isEqualTo(401);
        assertThat(wrongSecret.body()).doesNotContain("access_token");

        HttpResponse<String> browserClientPassword = postForm(keycloak.tokenUri(), Map.of(
                "grant_type", "password", "client_id", "self-care-portal",
                "username", "partner-admin", "password", "partner-admin-dev"));
        assertThat(browserClientPassword.statusCode()).as("the portal client has no direct grant")
                .isIn(400, 401);
    }

    @Test
    void aPartnerUserCannotChangeItsOwnPartnerId() throws Exception {
        String token = (String) passwordGrant("partner-user", "partner-user-dev").get("access_token");
        String account = keycloak.issuerUri() + "/account/";
        String me = adminSend(token, "GET", account, null).body();
        String changed = JsonPath.parse(me).delete("$.userProfileMetadata")
                .set("$.attributes.partner_id", List.of(PARTNER_B)).jsonString();

        HttpResponse<String> attempt = adminSend(token, "POST", account, changed);

        assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(400);
        assertThat(attempt.body()).contains("error-user-attribute-read-only");
        String after = (String) passwordGrant("partner-user", "partner-user-dev").get("access_token");
        assertThat(claim(after, "$.partner_id", String.class)).isEqualTo(PARTNER_A);
    }

    @Test
    void aUserWithoutOwnPartnerIdTakesItFromItsGroup() throws Exception {
        // what partner onboarding will do: one group per partner carrying partner_id, the partner's users in it
        String admin = adminToken();
        String partner = "33333333-3333-4333-8333-333333333333";
        String realmAdmin = keycloak.baseUrl() + "/admin/realms/accord";

        assertThat(adminSend(admin, "POST", realmAdmin + "/groups",
                "{\"name\":\"partner-" + partner + "\",\"attributes\":{\"partner_id\":[\"" + partner + "\"]}}")
                .statusCode()).isEqualTo(201);
        String groupId = JsonPath.read(adminSend(admin, "GET",
                realmAdmin + "/groups?exact=true&search=partner-" + partner, null).body(), "$[0].id");
        assertThat(adminSend(admin, "POST", realmAdmin + "/users", """
                {"username":"group-partner-user","enabled":true,"emailVerified":true,
                 "email":"group-partner-user@accord.example.com","firstName":"Gus","lastName":"Group",
                 "credentials":[{"type":"password","value":"group-partner-user-dev","temporary":false}]}
                """).statusCode()).isEqualTo(201);
        String userId = JsonPath.read(adminSend(admin, "GET",
                realmAdmin + "/users?exact=true&username=group-partner-user", null).body(), "$[0].id");
        String roleJson = adminSend(admin, "GET", realmAdmin + "/roles/partner-user", null).body();
        assertThat(adminSend(admin, "POST", realmAdmin + "/users/" + userId + "/role-mappings/realm",
                "[" + roleJson + "]").statusCode()).isEqualTo(204);
        assertThat(adminSend(admin, "PUT", realmAdmin + "/users/" + userId + "/groups/" + groupId, null)
                .statusCode()).isEqualTo(204);

        String token = (String) passwordGrant("group-partner-user", "group-partner-user-dev").get("access_token");
        assertThat(claim(token, "$.partner_id", String.class)).isEqualTo(partner);
        assertThat(claim(token, "$.realm_access.roles", List.class)).contains("partner-user");

        // the declared user profile: partner_id must be a UUID; undeclared attributes are not stored
        String user = adminSend(admin, "GET", realmAdmin + "/users/" + userId, null).body();
        String badPartner = user.replaceFirst("\\}\\s*$", ",\"attributes\":{\"partner_id\":[\"not-a-uuid\"]}}");
        assertThat(adminSend(admin, "PUT", realmAdmin + "/users/" + userId, badPartner).statusCode()).isEqualTo(400);
        String undeclared = user.replaceFirst("\\}\\s*$", ",\"attributes\":{\"tenant\":[\"someone-else\"]}}");
        adminSend(admin, "PUT", realmAdmin + "/users/" + userId, undeclared);
        assertThat(adminSend(admin, "GET", realmAdmin + "/users/" + userId, null).body()).doesNotContain("someone-else");
    }

    @Test
    void loginsAndAdminChangesAreRecordedAsEventsKeptForThirteenMonths() throws Exception {
        // SOX-style controls: who logged in (or failed to), and who changed users, roles or clients, must be traceable
        String admin = adminToken();
        String realmAdmin = keycloak.baseUrl() + "/admin/realms/accord";
        String config = adminSend(admin, "GET", realmAdmin + "/events/config", null).body();
        assertThat(JsonPath.<Boolean>read(config, "$.eventsEnabled")).isTrue();
        assertThat(JsonPath.<Boolean>read(config, "$.adminEventsEnabled")).isTrue();
        // details would copy the user representation (names, e-mail) into every admin event: personal data kept out
        assertThat(JsonPath.<Boolean>read(config, "$.adminEventsDetailsEnabled")).isFalse();
        assertThat(((Number) JsonPath.read(config, "$.eventsExpiration")).longValue()).isEqualTo(396L * 24 * 3600);

        passwordGrant("auditor", "auditor-dev");
        postForm(keycloak.tokenUri(), Map.of("grant_type", "password", "client_id", "accord-cli",
                "username", "auditor", "password", "not-the-password"));
        String events = adminSend(admin, "GET", realmAdmin + "/events?max=100", null).body();
        List<String> auditorEvents = JsonPath.read(events, "$[?(@.details.username == 'auditor')].type");
        assertThat(auditorEvents).contains("LOGIN", "LOGIN_ERROR");

        assertThat(adminSend(admin, "POST", realmAdmin + "/users", """
                {"username":"event-trail-user","enabled":true,"email":"event-trail-user@accord.example.com",
                 "firstName":"Eve","lastName":"Trail"}
                """).statusCode()).isEqualTo(201);
        String userId = JsonPath.read(adminSend(admin, "GET",
                realmAdmin + "/users?exact=true&username=event-trail-user", null).body(), "$[0].id");
        String adminEvents = adminSend(admin, "GET", realmAdmin + "/admin-events?max=100", null).body();
        List<String> userCreations = JsonPath.read(adminEvents,
                "$[?(@.operationType == 'CREATE' && @.resourceType == 'USER')].resourcePath");
        assertThat(userCreations).contains("users/" + userId);
        assertThat(adminEvents).doesNotContain("event-trail-user@accord.example.com");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> passwordGrant(String username, String password) throws Exception {
        HttpResponse<String> response = postForm(keycloak.tokenUri(), Map.of(
                "grant_type", "password", "client_id", "accord-cli", "scope", "openid",
                "username", username, "password", password));
        assertThat(response.statusCode()).as(username + ": " + response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$");
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> response = postForm(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    /** A JSON request with a bearer token (admin REST API, account REST API). */
    private static HttpResponse<String> adminSend(String token, String method, String uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String uri, Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The decoded payload of a JWT (no signature check: the token came straight from Keycloak). */
    private static String payloadJson(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> payload(String jwt) {
        return JsonPath.read(payloadJson(jwt), "$");
    }

    private static List<String> audiences(String jwt) {
        Object aud = payload(jwt).get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }

    private static <T> T claim(String jwt, String path, Class<T> type) {
        return JsonPath.parse(payloadJson(jwt)).read(path, type);
    }

    /** {@code deploy/keycloak/accord-realm.json}, found from the module directory or the repository root. */
    static Path realmFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy").resolve("keycloak").resolve("accord-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/keycloak/accord-realm.json not found above " + Path.of("").toAbsolutePath());
    }
}
