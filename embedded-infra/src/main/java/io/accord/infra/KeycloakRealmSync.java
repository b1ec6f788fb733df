package io.accord.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an existing realm up to date with the realm file. Keycloak imports the file only when the realm does not
 * exist yet, so a Keycloak database from an earlier {@code ./accord up} would miss clients, roles, groups or users
 * added to the file since (e.g. a new service client). This adds what is missing through the admin API's partial
 * import and never changes or removes what exists: provisioned partner users and changed passwords stay.
 */
public final class KeycloakRealmSync {

    private static final Logger log = LoggerFactory.getLogger(KeycloakRealmSync.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final List<String> SECTIONS = List.of("roles", "groups", "clients", "users");

    private KeycloakRealmSync() {
    }

    /** @return how many resources were added */
    public static int addMissing(String baseUrl, Path realmFile) {
        return admin(baseUrl).addMissing(realmFile);
    }

    /** {@link Admin#useSmtpServer} with a token of its own. */
    public static void useSmtpServer(String baseUrl, String realm, String host, int port) {
        admin(baseUrl).useSmtpServer(realm, host, port);
    }

    /** {@link Admin#allowOrigin} with a token of its own. */
    public static boolean allowOrigin(String baseUrl, String realm, String clientId, String origin) {
        return admin(baseUrl).allowOrigin(realm, clientId, origin);
    }

    /**
     * Logs in as Keycloak's administrator once, for several changes in a row: each login costs Keycloak a password
     * hash, about 0.2 s of CPU time on the 2-core development machine, at the end of the platform's start-up.
     */
    public static Admin admin(String baseUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return new Admin(baseUrl, client, adminToken(client, baseUrl));
        } catch (IOException e) {
            throw new IllegalStateException("cannot log in to Keycloak at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Changes to the realm as Keycloak's administrator, with one token (valid for a minute). */
    public static final class Admin {

        private final String baseUrl;
        private final HttpClient client;
        private final String token;

        private Admin(String baseUrl, HttpClient client, String token) {
            this.baseUrl = baseUrl;
            this.client = client;
            this.token = token;
        }

        /** @return how many resources were added */
        public int addMissing(Path realmFile) {
            return addMissing(realmFile, System::getenv);
        }

        int addMissing(Path realmFile, Function<String, String> environment) {
            String text;
            try {
                text = Files.readString(realmFile);
            } catch (IOException e) {
                throw new IllegalStateException("cannot bring the realm up to date with " + realmFile, e);
            }
            JsonNode realm = JSON.readTree(resolvePlaceholders(text, environment));
            ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "SKIP");
            SECTIONS.stream().filter(realm::has).forEach(section -> partial.set(section, realm.get(section)));
            HttpResponse<String> response = send("POST", "/admin/realms/" + realm.get("realm").asString()
                    + "/partialImport", partial, Duration.ofSeconds(60),
                    "bring the realm up to date with " + realmFile);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("partial import answered " + response.statusCode() + ": "
                        + response.body());
            }
            int added = JSON.readTree(response.body()).path("added").asInt();
            if (added > 0) {
                log.info("Realm {}: added {} resource(s) from {} that the existing realm lacked",
                        realm.get("realm").asString(), added, realmFile);
            }
            return added;
        }

        /**
         * Points the realm's outgoing e-mail at an SMTP server without authentication or TLS (the development mail
         * sink), keeping the sender the realm file names. Done on every start: the sink's port moves with the
         * platform's port offset, and Keycloak imports the realm file's {@code smtpServer} only into a new realm.
         */
        public void useSmtpServer(String realm, String host, int port) {
            String path = "/admin/realms/" + realm;
            String what = "set the SMTP server of realm " + realm;
            HttpResponse<String> current = send("GET", path, null, Duration.ofSeconds(30), what);
            if (current.statusCode() != 200) {
                throw new IllegalStateException("reading realm " + realm + " answered " + current.statusCode());
            }
            JsonNode existing = JSON.readTree(current.body()).path("smtpServer");
            ObjectNode smtp = JSON.createObjectNode()
                    .put("host", host)
                    .put("port", Integer.toString(port))
                    .put("from", existing.path("from").asString("accord@localhost"))
                    .put("fromDisplayName", existing.path("fromDisplayName").asString("Accord"))
                    .put("auth", "false")
                    .put("ssl", "false")
                    .put("starttls", "false");
            // a partial representation: Keycloak changes only the attributes it carries
            ObjectNode update = JSON.createObjectNode();
            update.set("smtpServer", smtp);
            HttpResponse<String> response = send("PUT", path, update, Duration.ofSeconds(30), what);
            if (response.statusCode() != 204) {
                throw new IllegalStateException("setting the SMTP server of realm " + realm + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }

        /**
         * Lets a browser client of the realm return to {@code origin} after login and logout: adds {@code origin/*}
         * to its redirect URIs and post-logout redirect URIs when missing, keeping the rest. Done on every start, like
         * the SMTP server: the portal's port moves with the platform's port offset, and an existing realm was imported
         * earlier.
         *
         * @return whether the client was changed
         */
        public boolean allowOrigin(String realm, String clientId, String origin) {
            String redirect = origin + "/*";
            String clients = "/admin/realms/" + realm + "/clients";
            String what = "update client " + clientId + " of realm " + realm;
            HttpResponse<String> found = send("GET", clients + "?clientId="
                    + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null, Duration.ofSeconds(30), what);
            JsonNode matches = found.statusCode() == 200 ? JSON.readTree(found.body()) : JSON.createArrayNode();
            if (matches.isEmpty()) {
                throw new IllegalStateException("realm " + realm + " has no client " + clientId + " (answered "
                        + found.statusCode() + ")");
            }
            ObjectNode representation = (ObjectNode) matches.get(0);
            boolean changed = false;
            tools.jackson.databind.node.ArrayNode redirects = representation.withArray("redirectUris");
            if (redirects.valueStream().noneMatch(uri -> uri.asString().equals(redirect))) {
                redirects.add(redirect);
                changed = true;
            }
            ObjectNode attributes = representation.withObject("attributes");
            String postLogout = attributes.path("post.logout.redirect.uris").asString("");
            if (!List.of(postLogout.split("##")).contains(redirect)) {
                attributes.put("post.logout.redirect.uris",
                        postLogout.isBlank() ? redirect : postLogout + "##" + redirect);
                changed = true;
            }
            if (!changed) {
                return false;
            }
            HttpResponse<String> updated = send("PUT", clients + "/" + representation.path("id").asString(),
                    representation, Duration.ofSeconds(30), what);
            if (updated.statusCode() != 204) {
                throw new IllegalStateException("updating client " + clientId + " answered " + updated.statusCode()
                        + ": " + updated.body());
            }
            log.info("Realm {}: client {} may now return to {}", realm, clientId, origin);
            return true;
        }

        /**
         * One admin API call with this login's token, with {@code body} as JSON ({@code null}: none).
         *
         * @param what what the call is for, for the message of a failure to reach Keycloak
         */
        private HttpResponse<String> send(String method, String path, JsonNode body, Duration timeout, String what) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("cannot " + what, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The same {@code ${VAR:default}} replacement Keycloak applies to a realm file it imports at startup. */
    static String resolvePlaceholders(String text, Function<String, String> environment) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                value = matcher.group(2) != null ? matcher.group(2) : matcher.group();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static String adminToken(HttpClient client, String baseUrl) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElseThrow();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
