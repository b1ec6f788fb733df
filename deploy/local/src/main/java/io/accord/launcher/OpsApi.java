package io.accord.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls the platform's API through the gateway as an ops user of the dev realm, logged in once with the password
 * grant of a public client. Where and as whom ({@link Settings#from}): {@code ACCORD_DLT_GATEWAY_URL},
 * {@code ACCORD_DLT_KEYCLOAK_URL}, {@code ACCORD_DLT_CLIENT}, {@code ACCORD_DLT_USER}, {@code ACCORD_DLT_PASSWORD}.
 */
final class OpsApi {

    /** A server that did not answer at all (refused, timed out): the platform is probably not running. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String what, URI uri, IOException cause) {
            super(what + " does not answer at " + uri + " (" + cause.getClass().getSimpleName() + "): is ./accord up"
                    + " running?", cause);
        }
    }

    /** Keycloak refused the login. */
    static final class LoginFailed extends RuntimeException {
        LoginFailed(String message) {
            super(message);
        }
    }

    /** An answer of the API: its status, its JSON body (a problem's {@code detail} for errors) and its headers. */
    record Answer(int status, JsonNode json, HttpHeaders headers) {

        boolean ok() {
            return status == 200;
        }

        /** A problem's detail (else its title, else the status). */
        String detail() {
            for (String field : new String[] {"detail", "title", "error_description"}) {
                if (json.path(field).isString()) {
                    return json.path(field).asString();
                }
            }
            return "HTTP " + status;
        }

        long header(String name, long otherwise) {
            return headers.firstValueAsLong(name).orElse(otherwise);
        }
    }

    /**
     * @param gateway       the gateway's base URL, {@code http://localhost:8080} (+ {@code ACCORD_PORT_OFFSET})
     * @param tokenEndpoint the dev realm's token endpoint at Keycloak ({@code http://localhost:8180})
     * @param password      {@code ACCORD_DLT_PASSWORD}, else the user's password in the dev realm file
     */
    record Settings(URI gateway, URI tokenEndpoint, String client, String user, String password) {

        static final String GATEWAY = "ACCORD_DLT_GATEWAY_URL";
        static final String KEYCLOAK = "ACCORD_DLT_KEYCLOAK_URL";
        static final String CLIENT = "ACCORD_DLT_CLIENT";
        static final String USER = "ACCORD_DLT_USER";
        static final String PASSWORD = "ACCORD_DLT_PASSWORD";

        static Settings from(PlatformConfig config, Map<String, String> environment) {
            String gateway = environment.getOrDefault(GATEWAY, "http://localhost:" + config.port(ServiceSpec.GATEWAY));
            String keycloak = environment.getOrDefault(KEYCLOAK, config.keycloakUrl());
            String user = environment.getOrDefault(USER, "ops");
            String password = environment.get(PASSWORD);
            if (password == null) {
                password = DemoLogins.read(config.realmFile()).stream().filter(login -> login.username().equals(user))
                        .map(DemoLogins.Login::password).findFirst()
                        .orElseThrow(() -> new LoginFailed("no password for user " + user + " in the dev realm: set "
                                + PASSWORD));
            }
            return new Settings(URI.create(withoutSlash(gateway)),
                    URI.create(withoutSlash(keycloak) + "/realms/accord/protocol/openid-connect/token"),
                    environment.getOrDefault(CLIENT, "accord-cli"), user, password);
        }

        private static String withoutSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Listing reads every dead-letter topic of the service; replaying sends and confirms. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private String token;

    OpsApi(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    Settings settings() {
        return settings;
    }

    Answer get(String pathAndQuery) {
        return send("the gateway", HttpRequest.newBuilder(settings.gateway().resolve(pathAndQuery))
                .header("Authorization", "Bearer " + token()).GET());
    }

    Answer post(String path) {
        return send("the gateway", HttpRequest.newBuilder(settings.gateway().resolve(path))
                .header("Authorization", "Bearer " + token()).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String token() {
        if (token == null) {
            String form = "grant_type=password&client_id=" + encoded(settings.client()) + "&username="
                    + encoded(settings.user()) + "&password=" + encoded(settings.password());
            Answer login = send("Keycloak", HttpRequest.newBuilder(settings.tokenEndpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (!login.ok() || !login.json().path("access_token").isString()) {
                throw new LoginFailed("login of " + settings.user() + " (client " + settings.client() + ") at "
                        + settings.tokenEndpoint() + " failed: " + login.detail());
            }
            token = login.json().path("access_token").asString();
        }
        return token;
    }

    private Answer send(String what, HttpRequest.Builder request) {
        HttpRequest built = request.header("Accept", "application/json").timeout(ANSWER_TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException unanswered) {
            throw new Unreachable(what, URI.create(built.uri().getScheme() + "://" + built.uri().getAuthority()),
                    unanswered);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + built.uri(), interrupted);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
