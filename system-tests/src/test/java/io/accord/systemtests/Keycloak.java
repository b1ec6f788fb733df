package io.accord.systemtests;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets real tokens from the platform's Keycloak, as the {@code accord-cli} client does. */
final class Keycloak {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    Keycloak(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A password-grant token of a demo user; the documented dev password is {@code <user>-dev}. */
    String token(String username) {
        return token(username, username + "-dev");
    }

    String token(String username, String password) {
        return tokenFrom("accord", "accord-cli", username, password);
    }

    /** How many Keycloak users have this username (provisioning must never make two). */
    int usersNamed(String username) {
        String admin = tokenFrom("master", "admin-cli", "admin", "admin");
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/accord/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin).GET().build())).size();
    }

    private String tokenFrom(String realm, String client, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", client, "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String body = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return JSON.readTree(body).get("access_token").asString();
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token, read without checking it (the services check it). */
    static tools.jackson.databind.JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
