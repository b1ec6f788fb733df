package io.accord.rating.bench;

import io.accord.rating.RatingApplication;
import io.accord.testsupport.bench.BenchInfrastructure;
import io.accord.testsupport.bench.BenchJvm;
import io.accord.testsupport.bench.BenchOption;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.accord.testsupport.bench.BenchLog.say;
import static io.accord.testsupport.bench.BenchLog.seconds;

/**
 * {@code ./accord bench rating [--records N]}: the rating pipeline against real Kafka and PostgreSQL (the embedded
 * servers the launcher uses, durable PostgreSQL like {@code ./accord up}), and a raw pipe doing the same I/O without
 * rating ({@link RawPipe}), measured in the same run on the same machine, each in its own JVM with the production
 * image's JVM flags (full JIT; heap sized from a 768 MiB container limit as Helm's default gives a pod).
 *
 * <p>Steps: start the infrastructure; seed offerings, agreements and product instances as events; fill a fresh raw
 * topic with N million records ({@link BenchData}); run the raw pipe over all of it; then start the real rating
 * service (its main class) on a fresh database, let it build its read models, and measure its pipeline over all of
 * it. Throughput is counted from the first committed batch to the last (the database offsets, sampled every
 * 100 ms), so start-up and model building are left out of both. Prints events/s, batch latency p50/p99 (the
 * service's {@code accord.rating.ingest.batch} timer), the service's peak resident memory (VmRSS), and last
 * {@code rating: <n> events/s, raw pipe: <n> events/s, ratio <r>, rss <n> MB}.
 */
public final class RatingPipelineBench {

    /** Helm's default memory limit of a pod (values.yaml, {@code defaults.resources.limits.memory}) and 2 CPUs. */
    static final List<String> POD = List.of("-XX:MaxRAM=768m", "-XX:ActiveProcessorCount=2");
    /**
     * The rating image's JVM flags (rating-service/pom.xml, profile images: Serial GC, a heap of a sixth of the
     * limit, C2 only, native memory trimmed; {@code RatingPipelineBenchTests} holds the two equal); the raw pipe
     * runs with the same.
     */
    static final List<String> IMAGE_JVM = List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=16.7",
            "-XX:InitialRAMPercentage=5.0", "-XX:-TieredCompilation", "-XX:TrimNativeHeapInterval=5000",
            "-Djdk.nio.maxCachedBufferSize=262144", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
    /** The image's flags in such a pod. */
    static final List<String> PRODUCTION_JVM = Stream.concat(POD.stream(), IMAGE_JVM.stream()).toList();
    /**
     * The rating image's environment: at most two malloc arenas (glibc's default is 8 per core, each its own
     * fragmentation for the many threads of a Spring service with Kafka clients).
     */
    static final Map<String, String> PRODUCTION_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    static final int PARTITIONS = 6;
    private static final Pattern QUANTILE = Pattern.compile(
            "(?m)^accord_rating_ingest_batch_seconds\\{[^}]*quantile=\"([0-9.]+)\"[^}]*\\}\\s+([0-9.eE+-]+)");
    private static final Pattern STAGE = Pattern.compile(
            "(?m)^accord_rating_ingest_stage_seconds_(sum|count)\\{[^}]*stage=\"(\\w+)\"[^}]*\\}\\s+([0-9.eE+-]+)");
    /** The service's stages (IngestMetrics.Stage) in the order a batch passes them. */
    static final List<String> STAGES = List.of("parse", "duplicates", "rate", "accumulators", "write", "commit");

    private RatingPipelineBench() {
    }

    /**
     * @param records     raw records on the topic
     * @param subscribers subscribers the records spread over
     * @param batchSize   records per poll and transaction (both pipes)
     * @param jfr         where the rating service writes a flight recording, or null
     * @param extraArgs   more service arguments ({@code --accord.rating...=...})
     * @param jvmArgs     more JVM flags for the rating service (after the production ones, so they override them)
     * @param rawJvmArgs  more JVM flags for the raw pipe, likewise (e.g. to run it tiered while rating runs C2 only)
     * @param stall       how long a pipe may go without progress before the bench fails with its log and threads
     */
    record Options(long records, int subscribers, int batchSize, Path jfr, List<String> extraArgs, List<String> jvmArgs,
                   List<String> rawJvmArgs, Duration stall) {

        static Options parse(String[] arguments) {
            long records = 1_000_000;
            int subscribers = 5_000;
            int batchSize = 2000;
            Path jfr = null;
            Duration stall = Duration.ofMinutes(20);
            List<String> extra = new ArrayList<>();
            List<String> jvmArgs = new ArrayList<>();
            List<String> rawJvmArgs = new ArrayList<>();
            for (BenchOption option : BenchOption.parse(arguments)) {
                String value = option.value();
                switch (option.name()) {
                    case "--records" -> records = Math.round(Double.parseDouble(value) * 1_000_000);
                    case "--subscribers" -> subscribers = Integer.parseInt(value);
                    case "--batch-size" -> batchSize = Integer.parseInt(value);
                    case "--jfr" -> jfr = Path.of(value);
                    case "--service-arg" -> extra.add(value);
                    case "--jvm-arg" -> jvmArgs.add(value);
                    case "--raw-pipe-jvm-arg" -> rawJvmArgs.add(value);
                    case "--stall-minutes" -> stall = Duration.ofMinutes(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + option.argument()
                            + " (--records N [millions], --subscribers N, --batch-size N, --jfr FILE,"
                            + " --service-arg --name=value, --jvm-arg -XX:..., --raw-pipe-jvm-arg -XX:...,"
                            + " --stall-minutes N)");
                }
            }
            if (records < 1 || subscribers < 10 || batchSize < 1 || stall.isNegative() || stall.isZero()) {
                throw new IllegalArgumentException("--records, --subscribers, --batch-size and --stall-minutes must"
                        + " be positive (at least 10 subscribers)");
            }
            return new Options(records, subscribers, batchSize, jfr, List.copyOf(extra), List.copyOf(jvmArgs),
                    List.copyOf(rawJvmArgs), stall);
        }
    }

    /**
     * @param stageMillis the service's mean time per batch in each stage ({@link #STAGES}, the metric
     *                    {@code accord.rating.ingest.stage}), in milliseconds
     */
    record Result(double ratingRate, double rawRate, double p50Millis, double p99Millis, long rssBytes,
                  long records, Map<String, Double> stageMillis) {

        String summary() {
            return String.format(Locale.ROOT, "rating: %d events/s, raw pipe: %d events/s, ratio %.2f, rss %d MB",
                    Math.round(ratingRate), Math.round(rawRate), ratingRate / rawRate, rssBytes >> 20);
        }
    }

    public static void main(String[] arguments) throws Exception {
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchInfrastructure.withEmbedded("rating", PARTITIONS, infrastructure -> {
            Result result = run(options, infrastructure, System.getProperty("java.class.path"));
            System.out.println(result.summary());
            return result;
        });
        System.exit(0);
    }

    static Result run(Options options, BenchInfrastructure infrastructure, String classpath) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String rawTopic = "bench.usage.raw." + run;
        infrastructure.createTopics(List.of(rawTopic, "bench.usage.rated." + run, "bench.raw-pipe.out." + run),
                PARTITIONS);
        BenchData data = new BenchData(infrastructure.bootstrap(), run, options.subscribers());
        long started = System.nanoTime();
        data.seedModel();
        data.fillUsage(rawTopic, options.records());
        say("%d subscribers' products and %d raw records (%d partitions) on %s in %.1f s", options.subscribers(),
                options.records(), PARTITIONS, rawTopic, seconds(started));

        String rawDb = "bench_raw_" + run;
        infrastructure.createDatabase(rawDb);
        Process raw = java(classpath, options.rawJvmArgs(), RawPipe.class.getName(),
                List.of(infrastructure.database(rawDb), infrastructure.user(), infrastructure.password(),
                        infrastructure.bootstrap(), rawTopic, "raw-" + run, "bench.raw-pipe.out." + run,
                        Integer.toString(options.batchSize())), "raw-pipe");
        Throughput rawPipe;
        try {
            rawPipe = measure(infrastructure.database(rawDb), infrastructure, "raw_offset", "raw-" + run,
                    options, raw, null);
        } finally {
            BenchJvm.stop(raw);
        }
        say("raw pipe: %,d records in %.1f s: %,.0f events/s", options.records(), rawPipe.seconds(), rawPipe.rate());

        String ratingDb = "bench_rating_" + run;
        infrastructure.createDatabase(ratingDb);
        int port = BenchJvm.freePort();
        List<String> jvm = new ArrayList<>(BenchJvm.flightRecording(options.jfr()));
        jvm.addAll(options.jvmArgs());
        List<String> arguments = new ArrayList<>(BenchJvm.serviceArguments(infrastructure, ratingDb,
                "bench-rating-model-" + run, port));
        arguments.addAll(List.of(
                "--accord.rating.ingest.topic=" + rawTopic,
                "--accord.rating.ingest.consumer-group=bench-rating-" + run,
                "--accord.rating.ingest.batch-size=" + options.batchSize(),
                "--accord.rating.ingest.model-wait=15m",
                "--accord.rating.publish.topic=bench.usage.rated." + run));
        arguments.addAll(options.extraArgs());
        Process service = java(classpath, jvm, RatingApplication.class.getName(), arguments, "rating");
        Throughput rating;
        String metrics;
        try {
            rating = measure(infrastructure.database(ratingDb), infrastructure, "usage_offset",
                    "bench-rating-" + run, options, service, service);
            say("rating: %,d records in %.1f s: %,.0f events/s", options.records(), rating.seconds(),
                    rating.rate());
            metrics = metrics(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        } finally {
            BenchJvm.stop(service);
        }
        double p50 = quantile(metrics, "0.5") * 1000;
        double p99 = quantile(metrics, "0.99") * 1000;
        Map<String, Double> stages = stageMillis(metrics);
        checkCounts(infrastructure.database(ratingDb), infrastructure, options.records());
        say("rating: %,d records in %.1f s: %,.0f events/s; batch latency p50 %.1f ms, p99 %.1f ms;"
                        + " peak rss %d MB", options.records(), rating.seconds(), rating.rate(), p50, p99,
                rating.peakRss() >> 20);
        StringBuilder line = new StringBuilder();
        stages.forEach((stage, millis) -> line.append(line.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f", stage, millis)));
        say("rating: mean ms per batch by stage (whole run): %s", line);
        return new Result(rating.rate(), rawPipe.rate(), p50, p99, rating.peakRss(), options.records(), stages);
    }

    record Throughput(double rate, double seconds, long peakRss) {
    }

    /**
     * Samples the consumer group's database offsets every 100 ms until they reach the run's records: the rate is
     * counted from the first sample that saw progress to the last. A pipe that makes no progress for the options'
     * stall time fails the bench with its log's last lines and its threads.
     */
    private static Throughput measure(String url, BenchInfrastructure infrastructure, String table, String group,
                                      Options options, Process process, Process rssOf) throws Exception {
        long records = options.records();
        long firstAt = 0;
        long firstCount = 0;
        long peakRss = 0;
        long seen = -1;
        long progressAt = System.nanoTime();
        Connection connection = DriverManager.getConnection(url, infrastructure.user(), infrastructure.password());
        SQLException lastError = null;
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the " + table + " process exited with " + process.exitValue()
                            + "\n" + BenchJvm.diagnosis(process, 80));
                }
                if (rssOf != null) {
                    peakRss = Math.max(peakRss, rss(rssOf.pid()));
                }
                long consumed;
                try {
                    consumed = consumed(connection, table, group);
                } catch (SQLException failed) { // a broken sampling connection must not look like a stuck pipe
                    lastError = failed;
                    consumed = Math.max(seen, 0);
                    connection.close();
                    connection = DriverManager.getConnection(url, infrastructure.user(), infrastructure.password());
                }
                long now = System.nanoTime();
                if (consumed != seen) {
                    seen = consumed;
                    progressAt = now;
                } else if (now - progressAt > options.stall().toNanos()) {
                    String diagnosis = (lastError == null ? "" : "last sampling error: " + lastError + "\n")
                            + BenchJvm.diagnosis(process, 80);
                    say("%s: no progress for %s at %d of %d records", table, options.stall(), consumed, records);
                    throw new IllegalStateException(table + ": no progress for " + options.stall() + " at "
                            + consumed + " of " + records + " records\n" + diagnosis);
                }
                if (consumed > 0 && firstAt == 0) {
                    firstAt = now;
                    firstCount = consumed;
                }
                if (consumed >= records) {
                    double elapsed = Math.max(now - firstAt, 1_000_000) / 1e9;
                    long counted = firstCount == records ? records : records - firstCount;
                    return new Throughput(counted / elapsed, elapsed, peakRss);
                }
                Thread.sleep(100);
            }
        } finally {
            connection.close();
        }
    }

    /** The group's offsets summed: 0 while the process has not created its table yet. */
    private static long consumed(Connection connection, String table, String group) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select coalesce(sum(greatest(next_offset, 0)), 0) from " + table + " where consumer_group = ?")) {
            statement.setString(1, group);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException failed) {
            if ("42P01".equals(failed.getSQLState())) { // undefined table: its migrations have not run yet
                return 0;
            }
            throw failed;
        }
    }

    /** The run's counts must balance: every record received, and rated + suspended + duplicates = received. */
    private static void checkCounts(String url, BenchInfrastructure infrastructure, long records)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, infrastructure.user(),
                infrastructure.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(sum(received), 0), coalesce(sum(rated), 0),"
                     + " coalesce(sum(suspended), 0), coalesce(sum(duplicates), 0) from usage_source_day")) {
            rows.next();
            long received = rows.getLong(1);
            long rated = rows.getLong(2);
            long suspended = rows.getLong(3);
            long duplicates = rows.getLong(4);
            say("counts: received %d = rated %d + suspended %d + duplicates %d", received, rated, suspended,
                    duplicates);
            if (received != records || rated + suspended + duplicates != received || rated < records * 9 / 10) {
                throw new IllegalStateException("the counts do not balance or too few records rated");
            }
        }
    }

    /**
     * The mean milliseconds per batch of each stage the service's {@code accord.rating.ingest.stage} timers saw
     * (sum over count), in {@link #STAGES} order; a stage without batches is left out.
     */
    static Map<String, Double> stageMillis(String prometheus) {
        Map<String, double[]> found = new java.util.HashMap<>();
        Matcher matcher = STAGE.matcher(prometheus);
        while (matcher.find()) {
            double[] sumAndCount = found.computeIfAbsent(matcher.group(2), stage -> new double[2]);
            sumAndCount["sum".equals(matcher.group(1)) ? 0 : 1] += Double.parseDouble(matcher.group(3));
        }
        Map<String, Double> millis = new java.util.LinkedHashMap<>();
        for (String stage : STAGES) {
            double[] sumAndCount = found.get(stage);
            if (sumAndCount != null && sumAndCount[1] > 0) {
                millis.put(stage, sumAndCount[0] * 1000 / sumAndCount[1]);
            }
        }
        return millis;
    }

    static double quantile(String prometheus, String quantile) {
        Matcher matcher = QUANTILE.matcher(prometheus);
        while (matcher.find()) {
            if (Double.parseDouble(matcher.group(1)) == Double.parseDouble(quantile)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return Double.NaN;
    }

    private static Process java(String classpath, List<String> jvmFlags, String mainClass, List<String> arguments,
                                String name) throws IOException {
        return BenchJvm.start(PRODUCTION_JVM, PRODUCTION_ENVIRONMENT, classpath, jvmFlags, mainClass, arguments,
                name);
    }

    /** Resident memory of a process (VmRSS of /proc/PID/status), 0 where there is no /proc. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    /** The service's Prometheus page; empty (latencies NaN) when it does not answer within three tries. */
    private static String metrics(URI uri) throws InterruptedException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return get(uri);
            } catch (IOException slow) {
                say("metrics not read (%s), attempt %d of 3", slow, attempt);
            }
        }
        return "";
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
