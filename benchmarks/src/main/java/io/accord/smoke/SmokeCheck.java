package io.accord.smoke;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./accord smoke}: is a deployed Accord serving? Gets a client-credentials token for the {@code ci-pipeline}
 * client, then through the gateway: its readiness ({@code /readyz}, on the public port also when actuator has its
 * own management port, as on Kubernetes), one authenticated read per service, and each service's OpenAPI
 * document. One line per check, then {@code smoke: N passed, N failed}; the exit code is 0 only when all passed.
 * The deploy pipeline runs it after {@code helm upgrade}; it works against {@code ./accord up} as well. The JDK's
 * HTTP client only.
 */
public final class SmokeCheck {

    /**
     * One authenticated read per service, as the gateway routes it: a TMF list where the service has one, else the
     * service's audit trail (every service has it, and {@code ci-pipeline}'s platform-admin role may read it).
     * Each read reaches the service's database through its runtime role.
     */
    static final List<Read> READS = List.of(
            new Read("onboarding", "/tmf-api/party/v4/organization?limit=1"),
            new Read("catalog", "/tmf-api/productCatalogManagement/v4/productOffering?limit=1"),
            new Read("orchestration", "/api/orchestration/audit?limit=1"),
            new Read("rating", "/api/rating/audit?limit=1"),
            new Read("settlement", "/api/settlement/audit?limit=1"),
            new Read("dispute", "/api/disputes/audit?limit=1"));

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    /** @param service the gateway's route id, also in {@code /docs/<service>/v3/api-docs} */
    record Read(String service, String path) {
    }

    private final SmokeOptions options;
    private final HttpClient client;
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    SmokeCheck(SmokeOptions options, HttpClient client, PrintStream out) {
        this.options = options;
        this.client = client;
        this.out = out;
    }

    public static void main(String[] arguments) {
        SmokeOptions options;
        try {
            options = SmokeOptions.parse(arguments, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            System.exit(new SmokeCheck(options, client, System.out).run() ? 0 : 1);
        }
    }

    /** Runs every check (a failed one does not stop the others) and says whether all passed. */
    boolean run() {
        out.printf("smoke: gateway %s, Keycloak %s (realm %s, client %s%s)%n", options.baseUrl(),
                options.keycloakUrl(), options.realm(), options.clientId(), options.devSecret()
                        ? ", " + SmokeOptions.SECRET_VARIABLE + " not set: the development realm's secret" : "");
        check("gateway health /readyz", () -> {
            HttpResponse<String> health = get(options.gateway("/readyz"), null);
            expect(health, 200);
            if (!STATUS_UP.matcher(health.body()).find()) {
                throw new CheckFailed("not UP: " + abbreviate(health.body()));
            }
            return "UP";
        });
        String token = token();
        for (Read read : READS) {
            check(read.service() + " read " + read.path(), () -> {
                if (token == null) {
                    throw new CheckFailed("no token (see above)");
                }
                HttpResponse<String> answer = get(options.gateway(read.path()), token);
                expect(answer, 200);
                return answer.headers().firstValue("X-Total-Count").map(total -> total + " in total").orElse("ok");
            });
        }
        for (Read read : READS) {
            String path = "/docs/" + read.service() + "/v3/api-docs";
            check(read.service() + " OpenAPI " + path, () -> {
                HttpResponse<String> document = get(options.gateway(path), null);
                expect(document, 200);
                if (!document.body().contains("\"openapi\"")) {
                    throw new CheckFailed("not an OpenAPI document: " + abbreviate(document.body()));
                }
                return document.body().length() / 1024 + " KiB";
            });
        }
        out.printf(Locale.ROOT, "smoke: %d passed, %d failed%n", passed, failures.size());
        failures.forEach(failure -> out.println("  failed: " + failure));
        return failures.isEmpty();
    }

    private String token() {
        String[] token = new String[1];
        check("token for " + options.clientId(), () -> {
            String form = "grant_type=client_credentials&client_id=" + encode(options.clientId())
                    + "&client_secret=" + encode(options.clientSecret());
            HttpResponse<String> answer = send(HttpRequest.newBuilder(options.tokenEndpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            expect(answer, 200);
            Matcher access = ACCESS_TOKEN.matcher(answer.body());
            if (!access.find()) {
                throw new CheckFailed("no access_token in the answer");
            }
            token[0] = access.group(1);
            return "from " + options.tokenEndpoint();
        });
        return token[0];
    }

    private interface Check {
        String run() throws IOException, InterruptedException;
    }

    private void check(String name, Check check) {
        long started = System.nanoTime();
        String outcome;
        boolean ok;
        try {
            outcome = check.run();
            ok = true;
        } catch (CheckFailed e) {
            outcome = e.getMessage();
            ok = false;
        } catch (IOException e) {
            outcome = "no answer: " + e;
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
            ok = false;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf(Locale.ROOT, "%s %-62s %s (%d ms)%n", ok ? "PASS" : "FAIL", name, outcome, millis);
        if (ok) {
            passed++;
        } else {
            failures.add(name + ": " + outcome);
        }
    }

    private HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(options.timeout()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new CheckFailed("HTTP " + answer.statusCode() + " (expected " + status + "): "
                    + abbreviate(answer.body()));
        }
    }

    private static String abbreviate(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message);
        }
    }
}
