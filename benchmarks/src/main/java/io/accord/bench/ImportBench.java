package io.accord.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code ./accord bench import}: how fast a partner's catalog file imports. Generates a CSV file of
 * {@code --rows} offerings (one recurring price each, external ids unique to the run so every row is created),
 * uploads it through the gateway as the demo partner admin, polls the import job until it ends and prints
 * {@code import: <rows> rows in <s> s, <n> rows/s} last: the time from the upload's first byte to the job's end.
 * Exits 1 if the job fails or any row is invalid. Polling once a second stays far below the gateway's rate limit.
 */
public final class ImportBench {

    static final String IMPORT_JOBS = "/tmf-api/productCatalogManagement/v4/importJob";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ROWS_DONE = Pattern.compile("\"rowsDone\"\\s*:\\s*(\\d+)");
    private static final Pattern PHASE = Pattern.compile("\"phase\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern INVALID = Pattern.compile("\"INVALID\"\\s*:\\s*(\\d+)");
    private static final Pattern ERROR_LOG = Pattern.compile("\"errorLog\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ImportBench() {
    }

    public static void main(String[] arguments) throws Exception {
        ImportBenchOptions options;
        try {
            options = ImportBenchOptions.parse(arguments, System.getenv());
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.out.println(run(options));
        }
        catch (GatewayBench.BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    static String run(ImportBenchOptions options) throws IOException, InterruptedException {
        Path file = Files.createTempFile("accord-import-bench-", ".csv");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String run = Long.toString(System.currentTimeMillis(), 36);
            long bytes = generate(file, options.rows(), run);
            Calls.say("generated %d rows (%.1f MB) in %s; uploading through %s as %s, mode %s", options.rows(),
                    bytes / 1e6, file, options.gateway(), options.user(), options.mode());
            String token = DemoLogin.token(options.keycloak(), options.user(), options.password());
            long started = System.nanoTime();
            HttpResponse<String> created = Calls.send(client, HttpRequest.newBuilder(options.gateway()
                            .resolve(IMPORT_JOBS
                            + "?mode=" + options.mode() + "&fileName=bench-" + run + ".csv"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
            if (created.statusCode() != 201) {
                throw new GatewayBench.BenchException("the upload answered " + created.statusCode() + ": "
                        + created.body());
            }
            URI job = options.gateway().resolve(created.headers().firstValue("Location").orElseThrow());
            Calls.say("uploaded in %.1f s; job %s", Calls.seconds(started), job);
            String body = await(client, job, token, options, started);
            double elapsed = Calls.seconds(started);
            String status = Calls.group(STATUS, body, null);
            long invalid = Long.parseLong(Calls.group(INVALID, body, "0"));
            if (!"Succeeded".equals(status) || invalid > 0) {
                throw new GatewayBench.BenchException("the job ended " + status + " with " + invalid
                        + " invalid rows: " + Calls.group(ERROR_LOG, body, "") + " (see " + job
                        + "/rows?outcome=INVALID)");
            }
            return summary(options.rows(), elapsed);
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    /** The line the issue asks for, always printed last. */
    static String summary(int rows, double seconds) {
        return String.format(Locale.ROOT, "import: %d rows in %.1f s, %.0f rows/s", rows, seconds,
                seconds > 0 ? rows / seconds : 0);
    }

    /** A CSV of realistic single offerings, one monthly price each (docs/catalog-import.md columns). */
    static long generate(Path file, int rows, String run) throws IOException {
        String[] categories = {"VIDEO", "MUSIC", "GAMING", "CLOUD"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("externalId,name,description,category,kind,salesChannels,priceExternalId,priceName,priceType,"
                    + "amount,currency,recurringPeriod,proration,taxCategory,priceValidFrom\n");
            for (int i = 1; i <= rows; i++) {
                String id = "bench-" + run + "-" + i;
                out.write(id + ",Bench offer " + i + ",\"Generated by ./accord bench import, row " + i + "\","
                        + categories[i % categories.length] + ",SINGLE,WEB|RETAIL," + id + "-monthly,Monthly fee,"
                        + "RECURRING," + (1 + i % 20) + "." + (10 + i % 90) + ",EUR,MONTH,DAILY,STANDARD,2026-01-01\n");
            }
        }
        return Files.size(file);
    }

    private static String await(HttpClient client, URI job, String token, ImportBenchOptions options, long started)
            throws IOException, InterruptedException {
        long lastSaid = 0;
        while (true) {
            HttpResponse<String> response = Calls.send(client, HttpRequest.newBuilder(job)
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build());
            if (response.statusCode() == 429) {
                throw new GatewayBench.BenchException("the gateway answered 429: start the platform with"
                        + " ACCORD_GATEWAY_RATELIMIT_ENABLED=false ./accord up");
            }
            if (response.statusCode() != 200) {
                throw new GatewayBench.BenchException("reading the job answered " + response.statusCode() + ": "
                        + response.body());
            }
            String status = Calls.group(STATUS, response.body(), null);
            if ("Succeeded".equals(status) || "Failed".equals(status)) {
                return response.body();
            }
            if (System.nanoTime() - started > options.timeout().toNanos()) {
                throw new GatewayBench.BenchException("the job is still " + status + " after "
                        + options.timeout().toSeconds() + " s");
            }
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(5).toNanos()) {
                lastSaid = System.nanoTime();
                Calls.say("  %5.1f s  %s %s, %s rows done", Calls.seconds(started), status,
                        Calls.group(PHASE, response.body(), "?"), Calls.group(ROWS_DONE, response.body(), "0"));
            }
            Thread.sleep(POLL);
        }
    }
}
