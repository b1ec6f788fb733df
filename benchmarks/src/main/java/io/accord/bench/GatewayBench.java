package io.accord.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./accord bench gateway}: what the gateway costs. Sends the same authenticated TMF632 read through the
 * gateway and straight to partner-onboarding of a running platform, and compares
 * <ol>
 *     <li>throughput with a fixed number of connections (closed model), after a warm-up of both paths, and</li>
 *     <li>p50/p99 response time at a fixed rate of half the direct maximum (open model, same connections).</li>
 * </ol>
 * Both are measured in alternating 5-second slices of each path, so that other load on the machine weighs on both
 * alike. The last line is always {@code gateway: <n> req/s, direct: <n> req/s, ratio <r>, p99 added <n> ms}. The
 * gateway's rate limit must be off ({@code ACCORD_GATEWAY_RATELIMIT_ENABLED=false ./accord up}); a 429 stops
 * the run with that advice.
 */
public final class GatewayBench {

    /** Length of one measurement slice; the two paths alternate slice by slice. */
    private static final Duration SLICE = Duration.ofSeconds(5);

    private GatewayBench() {
    }

    public static void main(String[] arguments) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(arguments, System.getenv());
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.out.println(run(options));
        }
        catch (BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    static String run(BenchOptions options) throws IOException, InterruptedException {
        say("gateway %s, direct %s, %d connections, warm-up %ds, measuring %ds per phase", options.gateway(),
                options.direct(), options.connections(), options.warmup().toSeconds(), options.duration().toSeconds());
        String token = token(options);
        Load gateway = new Load("gateway", options.gateway().resolve(options.path()), token);
        Load direct = new Load("direct", options.direct().resolve(options.path()), token);
        check(gateway);
        check(direct);

        say("warming up both paths...");
        measured(direct.closed(options.connections(), options.warmup()), direct);
        measured(gateway.closed(options.connections(), options.warmup()), gateway);

        // both paths in alternating slices, so that whatever else the machine does weighs on both alike
        int slices = (int) Math.max(1, options.duration().toSeconds() / SLICE.toSeconds());
        Duration slice = options.duration().dividedBy(slices);
        Load.Result directMax = null;
        Load.Result gatewayMax = null;
        for (int i = 0; i < slices; i++) {
            directMax = merge(directMax, measured(direct.closed(options.connections(), slice), direct));
            gatewayMax = merge(gatewayMax, measured(gateway.closed(options.connections(), slice), gateway));
        }
        sayThroughput(direct, directMax);
        sayThroughput(gateway, gatewayMax);

        double rate = Math.max(1, directMax.throughput() / 2);
        say("response times at %.0f req/s (half the direct maximum), scheduled at fixed intervals:", rate);
        Load.Result directOpen = null;
        Load.Result gatewayOpen = null;
        for (int i = 0; i < slices; i++) {
            directOpen = merge(directOpen, measured(direct.open(rate, options.connections(), slice), direct));
            gatewayOpen = merge(gatewayOpen, measured(gateway.open(rate, options.connections(), slice), gateway));
        }
        sayLatency(direct, directOpen);
        sayLatency(gateway, gatewayOpen);

        return summary(gatewayMax.throughput(), directMax.throughput(),
                gatewayOpen.latencies().percentileMillis(99) - directOpen.latencies().percentileMillis(99));
    }

    /** The line the issue asks for, always printed last. */
    static String summary(double gatewayPerSecond, double directPerSecond, double p99AddedMillis) {
        return String.format(Locale.ROOT, "gateway: %.0f req/s, direct: %.0f req/s, ratio %.2f, p99 added %.1f ms",
                gatewayPerSecond, directPerSecond, directPerSecond > 0 ? gatewayPerSecond / directPerSecond : 0,
                p99AddedMillis);
    }

    private static String token(BenchOptions options) throws IOException, InterruptedException {
        return DemoLogin.token(options.keycloak(), options.user(), options.password());
    }

    private static void check(Load load) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = load.probe();
        }
        catch (IOException e) {
            throw new BenchException(load.name() + " does not answer (is the platform up? ./accord up): " + e);
        }
        if (response.statusCode() != 200) {
            throw new BenchException(load.name() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Load.Result merge(Load.Result sum, Load.Result slice) {
        return sum == null ? slice : sum.plus(slice);
    }

    private static Load.Result measured(Load.Result result, Load load) {
        if (result.failures().containsKey(429)) {
            throw new BenchException(load.name() + " answered 429: the gateway's rate limit is on. Start the"
                    + " platform with ACCORD_GATEWAY_RATELIMIT_ENABLED=false ./accord up to measure the gateway.");
        }
        if (!result.failures().isEmpty()) {
            say("  %s: %s of %d requests failed (status: count; -1 is an I/O error%s)", load.name(),
                    result.failures(), result.requests(), load.firstError() == null ? "" : ", " + load.firstError());
        }
        return result;
    }

    private static void sayThroughput(Load load, Load.Result result) {
        say("  %-8s %7.0f req/s  (%d requests in %.1fs; p50 %.1f ms, p99 %.1f ms)", load.name(), result.throughput(),
                result.requests(), result.elapsed().toMillis() / 1000.0, result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99));
    }

    private static void sayLatency(Load load, Load.Result result) {
        say("  %-8s p50 %.1f ms, p99 %.1f ms  (%d requests)", load.name(), result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99), result.latencies().count());
    }

    private static void say(String format, Object... arguments) {
        System.out.println(String.format(Locale.ROOT, format, arguments));
    }

    /** A reason to stop that the user can act on; printed without a stack trace. */
    static final class BenchException extends RuntimeException {

        BenchException(String message) {
            super(message);
        }
    }
}
