package io.accord.bench;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./accord bench orders}: product orders per second through the whole fulfilment saga (reserve an MSISDN,
 * activate at the partner in {@code AUTO} mode, allocate, complete) and the time from each order to its completion.
 *
 * <p>Set-up, through the gateway as users would: the demo partner imports one offering needing an MSISDN and a
 * partner activation, submits it, a partner manager approves it (launched, so orchestration's read model learns it
 * from {@code catalog.events.v1}; the first run on a platform does this, later runs reuse the offering), and ops
 * add MSISDNs to the partner's bench pool. Then a partner manager orders
 * it for a CSP sales channel, {@code --orders} times at {@code --rate} a second (open loop), straight to the
 * orchestration service's port, after a warm-up ({@code --warmup}, a tenth as many orders by default). The figures
 * are the service's own: each order's {@code completionDate - orderDate}, and the completed orders divided by the
 * time from the first order's date to the last completion. The last line reads
 * {@code orders: <n> completed in <s> s, <r> orders/s, p50 <ms> ms, p99 <ms> ms, rss <MB> MB}.
 * Exits 1 when an order fails or does not end within {@code --timeout}.
 */
public final class OrdersBench {

    static final String CATALOG = "/tmf-api/productCatalogManagement/v4";
    static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";
    static final String POOLS = "/api/orchestration/inventory/pools";
    static final String PARTNER = "11111111-1111-4111-8111-111111111111";
    private static final int RANGE_LIMIT = 100_000;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ORDER_DATE = Pattern.compile("\"orderDate\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMPLETION_DATE = Pattern.compile("\"completionDate\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
    private static final String BENCH_POOL = "bench-orders";
    static final String BENCH_OFFERING = "bench-orders";
    private static final Pattern LIFECYCLE = Pattern.compile("\"lifecycleStatus\"\\s*:\\s*\"([^\"]+)\"");
    private static final int POOL_PAGE = 100;
    /** A pool view (its fields in this order) of a pool this bench made for the partner. */
    private static final Pattern BENCH_POOL_VIEW = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"href\"\\s*:"
            + "\\s*\"[^\"]*\"\\s*,\\s*\"name\"\\s*:\\s*\"" + BENCH_POOL + "-[^\"]*\"\\s*,\\s*\"resourceType\"\\s*:\\s*"
            + "\"MSISDN\"\\s*,\\s*\"partnerId\"\\s*:\\s*\"" + PARTNER + "\"");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB");

    private OrdersBench() {
    }

    public static void main(String[] arguments) throws Exception {
        OrdersBenchOptions options;
        try {
            options = OrdersBenchOptions.parse(arguments, System.getenv());
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Outcome outcome = run(options);
            System.out.println(outcome.summary());
            if (!outcome.allCompleted()) {
                System.exit(1);
            }
        }
        catch (GatewayBench.BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    static Outcome run(OrdersBenchOptions options) throws IOException, InterruptedException {
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String partner = DemoLogin.token(options.keycloak(), "partner-admin", "partner-admin-dev");
            String manager = DemoLogin.token(options.keycloak(), "partner-manager", "partner-manager-dev");
            String ops = DemoLogin.token(options.keycloak(), "ops", "ops-dev");
            String offering = launchOffering(client, options, partner, manager);
            int warmup = options.warmup();
            loadMsisdns(client, options, ops, run, options.orders() + warmup + 1);
            awaitOrderable(client, options, manager, offering, run);

            Calls.say("warm-up: %d orders at %d/s", warmup, options.rate());
            place(client, options, manager, offering, "bench-" + run + "-warm", warmup);
            awaitEnded(client, options, manager, "bench-" + run + "-warm", warmup);

            // a long warm-up may outlast the first token (15 minutes in the development realm)
            manager = DemoLogin.token(options.keycloak(), "partner-manager", "partner-manager-dev");
            String customer = "bench-" + run;
            Calls.say("measuring: %d orders at %d/s straight to %s", options.orders(), options.rate(),
                    options.service());
            ProcessCpu cpu = ProcessCpu.of(options.runState());
            ProcessCpu.Snapshot before = cpu.snapshot();
            Map<Integer, Long> refused = place(client, options, manager, offering, customer, options.orders());
            awaitEnded(client, options, manager, customer, options.orders());
            String used = cpu.snapshot().since(before).perUnit(options.orders(), "order");
            if (!used.isEmpty()) {
                Calls.say("%s", used);
            }
            return outcome(client, options, manager, customer, refused);
        }
    }

    /**
     * The bench offering's id, once launched: imported, submitted and approved by the first run on a platform, the
     * same one for every later run. (Before, every run launched one of its own, and each launch made rating rebuild
     * its read model from all product rows, 7-10 s on one core with 85,000 products, in the middle of the run.)
     */
    private static String launchOffering(HttpClient client, OrdersBenchOptions options, String partner,
                                         String manager) throws InterruptedException {
        String external = BENCH_OFFERING;
        String found = Calls.expect(client, request(options.gateway(), CATALOG + "/productOffering?externalId="
                + external + "&fields=lifecycleStatus", partner).GET().build(), 200, "looking for the bench offering")
                .body();
        String existing = Calls.group(ID, found, null);
        if (existing != null && "Launched".equals(Calls.group(LIFECYCLE, found, null))) {
            Calls.say("offering %s (%s) launched by an earlier run", existing, external);
            return existing;
        }
        if (existing == null) {
            importOffering(client, options, partner, external);
        }
        String offering = Calls.group(ID, Calls.expect(client, request(options.gateway(), CATALOG
                + "/productOffering?externalId=" + external, partner).GET().build(), 200,
                "finding the bench offering").body(), null);
        Calls.expect(client, request(options.gateway(), "/api/catalog/offerings/" + offering + "/submission",
                partner).POST(HttpRequest.BodyPublishers.noBody()).build(), 200, "submitting the bench offering");
        Calls.expect(client, request(options.gateway(), "/api/catalog/offerings/" + offering + "/decision", manager)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"APPROVE\"}")).build(), 200,
                "approving the bench offering");
        Calls.say("offering %s (%s) launched", offering, external);
        return offering;
    }

    private static void importOffering(HttpClient client, OrdersBenchOptions options, String partner,
                                       String external) throws InterruptedException {
        String csv = "externalId,name,description,category,kind,salesChannels,specification,specificationName,"
                + "resourceTypes,partnerActivation,priceExternalId,priceName,priceType,amount,currency,"
                + "recurringPeriod,proration,taxCategory,priceValidFrom\n"
                + external + ",Bench SIM,Generated by ./accord bench orders,MOBILE,SINGLE,ONLINE,"
                + external + "-spec,Bench SIM,MSISDN,true,monthly,Monthly fee,RECURRING,9.99,EUR,MONTH,DAILY,"
                + "STANDARD,2026-01-01\n";
        HttpResponse<String> job = Calls.expect(client, request(options.gateway(), CATALOG
                + "/importJob?mode=allOrNothing&fileName=" + external + ".csv", partner)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(), 201,
                "importing the bench offering");
        String jobId = Calls.group(ID, job.body(), null);
        long started = System.nanoTime();
        String status;
        do {
            Thread.sleep(500);
            status = Calls.group(STATUS, Calls.expect(client, request(options.gateway(), CATALOG + "/importJob/"
                    + jobId, partner).GET().build(), 200, "reading the import job").body(), "?");
            if (Calls.seconds(started) > 60) {
                throw new GatewayBench.BenchException("the import job is still " + status + " after 60 s");
            }
        } while (!status.equals("Succeeded") && !status.equals("Failed"));
        if (!status.equals("Succeeded")) {
            throw new GatewayBench.BenchException("importing the bench offering failed: see " + CATALOG
                    + "/importJob/" + jobId + "/rows");
        }
    }

    /**
     * {@code count} fresh MSISDNs, in ranges the inventory accepts, in the partner's oldest bench pool (created by
     * the first run on a platform). Before, every run created a pool of its own: a platform benched many times had
     * dozens of exhausted pools, which every reservation passed over, so each run measured slower than the one
     * before it.
     */
    private static void loadMsisdns(HttpClient client, OrdersBenchOptions options, String ops, String run,
                                    int count) throws InterruptedException {
        String pool = benchPool(client, options, ops);
        if (pool == null) {
            pool = Calls.group(ID, Calls.expect(client, request(options.gateway(), POOLS, ops)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + BENCH_POOL + "-" + run
                            + "\", \"resourceType\": \"MSISDN\", \"partnerId\": \"" + PARTNER + "\"}")).build(),
                    201, "creating the MSISDN pool").body(), null);
        }
        long block = 1000 + ThreadLocalRandom.current().nextLong(9000);
        for (int from = 0; from < count; from += RANGE_LIMIT) {
            int to = Math.min(count, from + RANGE_LIMIT) - 1;
            Calls.expect(client, request(options.gateway(), POOLS + "/" + pool + "/ranges", ops)
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT,
                            "{\"from\": \"+4917%d%07d\", \"to\": \"+4917%d%07d\"}", block, from, block, to)))
                    .build(), 200, "generating MSISDNs");
        }
        Calls.say("pool %s: %d MSISDNs +4917%d...", pool, count, block);
    }

    /** The id of the partner's oldest MSISDN pool made by this bench, or {@code null} when there is none yet. */
    private static String benchPool(HttpClient client, OrdersBenchOptions options, String ops)
            throws InterruptedException {
        for (int offset = 0; ; offset += POOL_PAGE) {
            String page = Calls.expect(client, request(options.gateway(), POOLS + "?resourceType=MSISDN&offset="
                    + offset + "&limit=" + POOL_PAGE, ops).GET().build(), 200, "listing the MSISDN pools").body();
            String pool = benchPoolIn(page);
            if (pool != null || !ID.matcher(page).find()) {
                return pool;
            }
        }
    }

    /** The first pool of the page (a JSON array of pool views) that this bench made for the partner, if any. */
    static String benchPoolIn(String page) {
        Matcher pool = BENCH_POOL_VIEW.matcher(page);
        return pool.find() ? pool.group(1) : null;
    }

    /** Orchestration learns the launch from an event: the first order goes through once it has. */
    private static void awaitOrderable(HttpClient client, OrdersBenchOptions options, String manager,
                                       String offering, String run) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> response = Calls.send(client, order(options, manager, offering,
                    "bench-" + run + "-first", "first"));
            if (response.statusCode() == 201) {
                return;
            }
            if (Calls.seconds(started) > 60) {
                throw new GatewayBench.BenchException("orchestration still refuses orders of the launched offering"
                        + " after 60 s: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(500);
        }
    }

    /** Places {@code count} orders at the configured rate; answers the refused ones by status. */
    private static Map<Integer, Long> place(HttpClient client, OrdersBenchOptions options, String manager,
                                            String offering, String customer, int count)
            throws InterruptedException {
        Map<Integer, Long> refused = new ConcurrentHashMap<>();
        Semaphore connections = new Semaphore(options.connections());
        AtomicLong behind = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long period = 1_000_000_000L / options.rate();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (!connections.tryAcquire()) {
                behind.incrementAndGet();
                connections.acquire();
            }
            pending.add(client.sendAsync(order(options, manager, offering, customer, customer + "-" + i),
                            HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        connections.release();
                        int status = failure != null ? 0 : response.statusCode();
                        if (status != 201) {
                            refused.merge(status, 1L, Long::sum);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double seconds = Calls.seconds(start);
        Calls.say("  placed %d orders in %.1f s (%.0f/s offered)%s%s", count, seconds, count / seconds,
                behind.get() > 0 ? ", " + behind.get() + " waited for a free connection" : "",
                refused.isEmpty() ? "" : ", refused: " + refused + " (status 0 = no answer)");
        return refused;
    }

    private static HttpRequest order(OrdersBenchOptions options, String token, String offering, String customer,
                                     String external) {
        String body = "{\"externalId\": \"" + external + "\", \"relatedParty\": ["
                + "{\"id\": \"" + customer + "\", \"role\": \"Customer\"},"
                + "{\"id\": \"ONLINE\", \"role\": \"SalesChannel\"}],"
                + "\"productOrderItem\": [{\"id\": \"1\", \"action\": \"add\", \"quantity\": 1,"
                + "\"productOffering\": {\"id\": \"" + offering + "\"}}]}";
        return request(options.service(), ORDERS, token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Waits until none of the customer's orders is acknowledged or in progress any more. */
    private static void awaitEnded(HttpClient client, OrdersBenchOptions options, String token, String customer,
                                   int count) throws InterruptedException {
        long started = System.nanoTime();
        long lastSaid = 0;
        while (true) {
            HttpResponse<String> open = Calls.expect(client, request(options.service(), ORDERS + "?relatedParty.id="
                    + encode(customer) + "&state=acknowledged&state=inProgress&fields=id&limit=1", token).GET()
                    .build(), 200, "listing the open orders");
            long left = Long.parseLong(open.headers().firstValue("X-Total-Count").orElse("0"));
            if (left == 0) {
                return;
            }
            if (Calls.seconds(started) > options.timeout().toSeconds()) {
                throw new GatewayBench.BenchException(left + " of " + count + " orders are still open after "
                        + options.timeout().toSeconds() + " s (see " + options.service() + ORDERS
                        + "?relatedParty.id=" + customer + "&state=inProgress and the fallout queue)");
            }
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(5).toNanos()) {
                lastSaid = System.nanoTime();
                Calls.say("  %5.1f s  %d of %d orders still open", Calls.seconds(started), left, count);
            }
            Thread.sleep(250);
        }
    }

    private static Outcome outcome(HttpClient client, OrdersBenchOptions options, String token, String customer,
                                   Map<Integer, Long> refused) throws InterruptedException {
        Latencies latencies = new Latencies();
        Map<String, Long> states = new ConcurrentHashMap<>();
        Instant first = null;
        Instant last = null;
        for (int offset = 0; ; offset += 500) {
            String page = Calls.expect(client, request(options.service(), ORDERS + "?relatedParty.id="
                    + encode(customer) + "&fields=id,state,orderDate,completionDate&limit=500&offset=" + offset,
                    token).GET().build(), 200, "listing the orders").body();
            Matcher objects = OBJECT.matcher(page);
            int found = 0;
            while (objects.find()) {
                found++;
                String order = objects.group();
                String state = Calls.group(STATE, order, "?");
                states.merge(state, 1L, Long::sum);
                Instant placed = Instant.parse(Calls.group(ORDER_DATE, order, null));
                first = first == null || placed.isBefore(first) ? placed : first;
                String completion = Calls.group(COMPLETION_DATE, order, null);
                if ("completed".equals(state) && completion != null) {
                    Instant completed = Instant.parse(completion);
                    last = last == null || completed.isAfter(last) ? completed : last;
                    latencies.record(Duration.between(placed, completed).toNanos());
                }
            }
            if (found < 500) {
                break;
            }
        }
        Duration elapsed = first == null || last == null ? Duration.ZERO : Duration.between(first, last);
        Calls.say("  orders by state: %s", states);
        return new Outcome(options.orders(), latencies, elapsed, refused, states, residentMegabytes(options));
    }

    /** The orchestration service's resident memory (VmRSS), from {@code ./accord up}'s run state; -1 if unknown. */
    static long residentMegabytes(OrdersBenchOptions options) {
        Long pid = ProcessCpu.of(options.runState()).pid("orchestration");
        if (pid == null) {
            return -1;
        }
        try {
            String status = Files.readString(Path.of("/proc", pid.toString(), "status"));
            return Long.parseLong(Calls.group(VM_RSS, status, "-1024")) / 1024;
        }
        catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static HttpRequest.Builder request(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * @param elapsed from the first order's date to the last completion
     */
    record Outcome(int placed, Latencies latencies, Duration elapsed, Map<Integer, Long> refused,
                   Map<String, Long> states, long rssMegabytes) {

        boolean allCompleted() {
            return refused.isEmpty() && latencies.count() == placed;
        }

        double ordersPerSecond() {
            return elapsed.isZero() ? 0 : latencies.count() / (elapsed.toNanos() / 1e9);
        }

        /** The line the issue asks for, always printed last. */
        String summary() {
            return String.format(Locale.ROOT, "orders: %d completed in %.1f s, %.0f orders/s, p50 %.0f ms,"
                            + " p99 %.0f ms, rss %s MB", latencies.count(), elapsed.toNanos() / 1e9,
                    ordersPerSecond(), latencies.percentileMillis(50), latencies.percentileMillis(99),
                    rssMegabytes < 0 ? "?" : Long.toString(rssMegabytes));
        }
    }
}
