package io.accord.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one authenticated GET to one target, either as fast as a fixed number of connections allow (closed model)
 * or at a fixed rate whatever the answers' speed (open model). HTTP/1.1 with keep-alive, like a browser or an
 * ingress in front of the gateway. Every answer other than 200 is counted by status.
 */
final class Load {

    /** What one run measured. */
    record Result(long requests, Duration elapsed, Latencies latencies, Map<Integer, Long> failures) {

        /** Two slices of the same measurement, taken apart in time, as one. */
        Result plus(Result other) {
            var merged = new HashMap<>(failures);
            other.failures.forEach((status, count) -> merged.merge(status, count, Long::sum));
            return new Result(requests + other.requests, elapsed.plus(other.elapsed),
                    new Latencies().addAll(latencies).addAll(other.latencies), merged);
        }

        double throughput() {
            return requests * 1_000_000_000.0 / elapsed.toNanos();
        }
    }

    private final String name;
    private final HttpClient client;
    private final HttpRequest request;
    private volatile String firstError;

    Load(String name, URI uri, String token) {
        this.name = name;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    String name() {
        return name;
    }

    /** The first I/O error, if any, to say what the failures (status -1) were. */
    String firstError() {
        return firstError;
    }

    /** One request, for a check before measuring: its status code and body. */
    HttpResponse<String> probe() throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code connections} callers, each sending its next request as soon as the previous one is answered. The
     * throughput is what was answered within {@code duration}: the requests still open at its end are awaited (so
     * they do not spill into the next measurement) but neither counted nor timed into it, which would favour the
     * faster path by the length of one response in every slice.
     */
    Result closed(int connections, Duration duration) throws InterruptedException {
        var latencies = new Latencies();
        var failures = new ConcurrentHashMap<Integer, Long>();
        var completed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            callers.add(Thread.ofVirtual().name(name + "-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    send(failures);
                    long answered = System.nanoTime();
                    latencies.record(answered - sent);
                    if (answered <= end) {
                        completed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return new Result(completed.get(), duration, latencies, failures);
    }

    /**
     * Requests at fixed intervals ({@code perSecond}) over at most {@code connections} connections, like wrk2:
     * each request is scheduled on its own virtual thread whatever happened to the previous ones, waits for a
     * free connection if all are busy, and its response time counts from its scheduled time, not from when it
     * was actually sent, so a stall is measured instead of hidden (no coordinated omission).
     */
    Result open(double perSecond, int connections, Duration duration) throws InterruptedException {
        var latencies = new Latencies();
        var failures = new ConcurrentHashMap<Integer, Long>();
        var free = new Semaphore(connections);
        long interval = (long) (1_000_000_000L / perSecond);
        long count = duration.toNanos() / interval;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long scheduled = start + i * interval;
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.execute(() -> {
                    free.acquireUninterruptibly();
                    try {
                        send(failures);
                    }
                    finally {
                        free.release();
                    }
                    latencies.record(System.nanoTime() - scheduled);
                });
            }
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Result(count, Duration.ofNanos(System.nanoTime() - start), latencies, failures);
    }

    private void send(Map<Integer, Long> failures) {
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException e) {
            status = -1;
            if (firstError == null) {
                firstError = e.toString();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        if (status != 200) {
            failures.merge(status, 1L, Long::sum);
        }
    }
}
