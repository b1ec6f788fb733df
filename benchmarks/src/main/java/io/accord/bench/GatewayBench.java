package io.accord.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./accord bench gateway}: what the gateway costs. Sends the same authenticated TMF632 read through the
 * gateway and straight to partner-onboarding of a running platform, and compares
 * <ol>
 *     <li>throughput with a fixed number of connections (closed model), after a warm-up of both paths, and</li>
 *     <li>p50/p99 response time at a fixed rate of half the direct maximum (open model, same connections).</li>
 * </ol>
 * Both are measured in one-second slices of each path, interleaved in the order direct, gateway, gateway, direct, ...
 * (so neither path always follows the other), so that other load on the machine, which comes and goes in bursts of
 * seconds on a shared machine, weighs on both alike. The last line is always
 * {@code gateway: <n> req/s, direct: <n> req/s, ratio <r>, p99 added <n> ms}. The
 * gateway's rate limit must be off ({@code ACCORD_GATEWAY_RATELIMIT_ENABLED=false ./accord up}); a 429 stops
 * the run with that advice.
 */
public final class GatewayBench {

    /**
     * Length of one measurement slice; the two paths take turns slice by slice. Short, so that a burst of other work
     * on the machine (a build, a JIT or GC pause of another process) falls on both paths rather than on one.
     */
    static final Duration SLICE = Duration.ofSeconds(1);

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

        // both paths in interleaved slices, so that whatever else the machine does weighs on both alike
        int slices = (int) Math.max(1, options.duration().toMillis() / SLICE.toMillis());
        Duration slice = options.duration().dividedBy(slices);
        Load.Result directMax = null;
        Load.Result gatewayMax = null;
        ProcessCpu cpu = ProcessCpu.of(options.runState());
        ProcessCpu.Snapshot directCpu = ProcessCpu.Snapshot.NONE;
        ProcessCpu.Snapshot gatewayCpu = ProcessCpu.Snapshot.NONE;
        for (int i = 0; i < slices; i++) {
            for (Load load : turn(i, direct, gateway)) {
                ProcessCpu.Snapshot before = cpu.snapshot();
                Load.Result result = measured(load.closed(options.connections(), slice), load);
                ProcessCpu.Snapshot used = cpu.snapshot().since(before);
                if (load == direct) {
                    directMax = merge(directMax, result);
                    directCpu = directCpu.plus(used);
                } else {
                    gatewayMax = merge(gatewayMax, result);
                    gatewayCpu = gatewayCpu.plus(used);
                }
            }
        }
        sayThroughput(direct, directMax);
        sayThroughput(gateway, gatewayMax);
        sayCpu(direct, directCpu, directMax);
        sayCpu(gateway, gatewayCpu, gatewayMax);

        double rate = Math.max(1, directMax.throughput() * options.loadPercent() / 100.0);
        say("response times at %.0f req/s (%d%% of the direct maximum), scheduled at fixed intervals:", rate,
                options.loadPercent());
        Load.Result directOpen = null;
        Load.Result gatewayOpen = null;
        for (int i = 0; i < slices; i++) {
            for (Load load : turn(i, direct, gateway)) {
                Load.Result result = measured(load.open(rate, options.connections(), slice), load);
                if (load == direct) {
                    directOpen = merge(directOpen, result);
                } else {
                    gatewayOpen = merge(gatewayOpen, result);
                }
            }
        }
        sayLatency(direct, directOpen);
        sayLatency(gateway, gatewayOpen);
        say("  added    p50 %.1f ms, p99 %.1f ms; machine load average %s (other work weighs on both paths)",
                gatewayOpen.latencies().percentileMillis(50) - directOpen.latencies().percentileMillis(50),
                gatewayOpen.latencies().percentileMillis(99) - directOpen.latencies().percentileMillis(99),
                loadAverage());

        return summary(gatewayMax.throughput(), directMax.throughput(),
                gatewayOpen.latencies().percentileMillis(99) - directOpen.latencies().percentileMillis(99));
    }

    /** What each request of the path cost the platform's processes at its maximum throughput, if known. */
    private static void sayCpu(Load load, ProcessCpu.Snapshot used, Load.Result result) {
        String line = used.perUnit(result.requests(), "request");
        if (!line.isEmpty()) {
            say("  %-8s %s", load.name(), line);
        }
    }

    /** Slice {@code i}'s order of the two paths: A B, B A, A B, ... so that neither always goes first. */
    static List<Load> turn(int i, Load first, Load second) {
        return i % 2 == 0 ? List.of(first, second) : List.of(second, first);
    }

    /** The 1-minute load average, or "unknown" off Linux. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (IOException | RuntimeException e) {
            return "unknown";
        }
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
