package io.accord.infra;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Keycloak's admin API played by a local server: the client as Keycloak answers it, and what was PUT back. */
    @Test
    void addsTheOriginToAPortalClientsRedirectsOnceAndKeepsTheRest() throws IOException {
        List<String> puts = new CopyOnWriteArrayList<>();
        AtomicInteger logins = new AtomicInteger();
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] client = {"""
                [{"id":"c-1","clientId":"self-care-portal","redirectUris":["http://localhost:8090/*"],
                  "attributes":{"pkce.code.challenge.method":"S256","post.logout.redirect.uris":"http://localhost:8090/*"}}]"""};
        keycloak.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String answer = "";
            int status = 204;
            if (path.equals("/realms/master/protocol/openid-connect/token")) {
                answer = "{\"access_token\":\"admin-token\"}";
                status = 200;
                logins.incrementAndGet();
            } else if (path.equals("/admin/realms/accord/clients") && exchange.getRequestMethod().equals("GET")) {
                answer = client[0];
                status = 200;
            } else if (path.equals("/admin/realms/accord/clients/c-1") && exchange.getRequestMethod().equals("PUT")) {
                puts.add(body);
                client[0] = "[" + body + "]";
            } else {
                status = 404;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        keycloak.start();
        try {
            String baseUrl = "http://127.0.0.1:" + keycloak.getAddress().getPort();

            KeycloakRealmSync.Admin admin = KeycloakRealmSync.admin(baseUrl);
            assertThat(admin.allowOrigin("accord", "self-care-portal", "http://localhost:9090")).isTrue();
            assertThat(admin.allowOrigin("accord", "self-care-portal", "http://localhost:9090"))
                    .as("already allowed: nothing to change").isFalse();
            assertThat(logins).as("one administrator login for both").hasValue(1);
            assertThat(KeycloakRealmSync.allowOrigin(baseUrl, "accord", "self-care-portal", "http://localhost:9090"))
                    .as("with a login of its own").isFalse();
            assertThat(logins).hasValue(2);

            assertThat(puts).singleElement().satisfies(put -> assertThat(put)
                    .contains("\"redirectUris\":[\"http://localhost:8090/*\",\"http://localhost:9090/*\"]")
                    .contains("\"post.logout.redirect.uris\":\"http://localhost:8090/*##http://localhost:9090/*\"")
                    .contains("\"pkce.code.challenge.method\":\"S256\""));
        } finally {
            keycloak.stop(0);
        }
    }
}
