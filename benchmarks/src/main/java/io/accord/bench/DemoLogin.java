package io.accord.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs a demo user of the development realm in with the {@code accord-cli} direct grant, as the README does. */
final class DemoLogin {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private DemoLogin() {
    }

    /** The user's access token; a {@link GatewayBench.BenchException} the user can act on when it fails. */
    static String token(URI keycloak, String user, String password) throws IOException, InterruptedException {
        URI endpoint = keycloak.resolve("/realms/accord/protocol/openid-connect/token");
        String form = form(Map.of("grant_type", "password", "client_id", "accord-cli",
                "username", user, "password", password));
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new GatewayBench.BenchException("Keycloak does not answer at " + endpoint
                    + " (is the platform up? ./accord up)");
        }
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new GatewayBench.BenchException("no token for " + user + " from " + endpoint + ": "
                    + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
