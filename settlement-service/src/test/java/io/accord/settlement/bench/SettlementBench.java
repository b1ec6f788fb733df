package io.accord.settlement.bench;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.settlement.SettlementApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.bench.BenchInfrastructure;
import io.accord.testsupport.bench.BenchJvm;
import io.accord.testsupport.bench.BenchOption;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.accord.testsupport.bench.BenchLog.say;
import static io.accord.testsupport.bench.BenchLog.seconds;

/**
 * {@code ./accord bench settlement [--records N] [--partners N]}: settlement's period closing against real Kafka and
 * PostgreSQL (the embedded servers of {@code ./accord up}, PostgreSQL durable), the real service (its main class) in
 * its own JVM with the production image's JVM flags.
 *
 * <p>Steps: start the infrastructure and the service on a fresh database; activate 1 + {@code partners} RESELL
 * partners with agreements on {@code partner.events.v1}; publish {@code records} rated records of the first partner
 * on {@code usage.rated.v1} ({@link BenchUsage}) and let the aggregation consume them (its rate is printed as
 * information); close that partner's current period early through the API and start a run for it, timing from the
 * run's start until it is COMPLETED with the statement drafted (target ≤ 2 s); then {@code partner-records} records
 * for each of the other partners, close each one's period early, and one run for all of them (target ≤ 60 s). Every
 * statement is checked against the sums of what was produced (lines and net, exactly); a mismatch fails the bench.
 * Last line: {@code settlement: <n> records closed in <s> s (≤ 2 s: met), <n> partners in <s> s (≤ 60 s: met)}.
 */
public final class SettlementBench {

    /** The production image's JVM flags (pom.xml, jib) in a pod with Helm's default memory limit and 2 CPUs. */
    static final List<String> PRODUCTION_JVM = List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=75.0",
            "-XX:InitialRAMPercentage=25.0", "-XX:+ExitOnOutOfMemoryError", "-XX:ActiveProcessorCount=2");
    static final double CLOSE_TARGET_SECONDS = 2;
    static final double PARTNERS_TARGET_SECONDS = 60;
    /** How often the service's run job looks for running runs during the bench (its default is 2 s). */
    static final String RUN_POLL_INTERVAL = "50ms";
    private static final String RUNS = "/api/settlement/runs";
    private static final String PERIODS = "/api/settlement/periods";
    /** Reads decimals as BigDecimal: a statement's sums must compare exactly. */
    static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private SettlementBench() {
    }

    /**
     * @param records        rated records of the one big partner
     * @param partners       partners of the many-partner run
     * @param partnerRecords rated records of each of those
     * @param producers      producer threads
     * @param topic          the rated usage topic
     * @param jfr            where the service writes a flight recording, or null
     * @param extraArgs      more service arguments ({@code --accord.settlement...=...})
     */
    record Options(long records, int partners, int partnerRecords, int producers, String topic, Path jfr,
                   List<String> extraArgs) {

        static Options parse(String[] arguments) {
            long records = 10_000_000;
            int partners = 1000;
            int partnerRecords = 100;
            int producers = 3;
            String topic = Topics.USAGE_RATED;
            Path jfr = null;
            List<String> extra = new ArrayList<>();
            for (BenchOption option : BenchOption.parse(arguments)) {
                String value = option.value();
                if (value == null) {
                    throw new IllegalArgumentException(option.name() + " needs a value");
                }
                switch (option.name()) {
                    case "--records" -> records = count(value);
                    case "--partners" -> partners = Math.toIntExact(count(value));
                    case "--partner-records" -> partnerRecords = Math.toIntExact(count(value));
                    case "--producers" -> producers = Integer.parseInt(value);
                    case "--topic" -> topic = value;
                    case "--jfr" -> jfr = Path.of(value);
                    case "--service-arg" -> extra.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + option.argument()
                            + " (--records N, --partners N, --partner-records N, --producers N, --jfr FILE,"
                            + " --service-arg --name=value)");
                }
            }
            if (records < 1 || partners < 1 || partnerRecords < 1 || producers < 1 || producers > 6) {
                throw new IllegalArgumentException("--records, --partners and --partner-records must be positive,"
                        + " --producers 1 to 6");
            }
            return new Options(records, partners, partnerRecords, producers, topic, jfr, List.copyOf(extra));
        }

        /** 10000000, 10_000_000, 10,000,000, 10m, 500k or 1e6. */
        private static long count(String value) {
            String plain = value.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
            long factor = 1;
            if (plain.endsWith("m")) {
                factor = 1_000_000;
                plain = plain.substring(0, plain.length() - 1);
            } else if (plain.endsWith("k")) {
                factor = 1_000;
                plain = plain.substring(0, plain.length() - 1);
            }
            try {
                return Math.round(new BigDecimal(plain).doubleValue() * factor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a count: " + value);
            }
        }
    }

    /**
     * @param produceRate   records/s published
     * @param consumeRate   records/s the aggregation consumed (first progress to all summed)
     * @param closeSeconds  the big partner's run, from its start until COMPLETED with the statement drafted
     * @param partnerSeconds the many-partner run, from its start until COMPLETED
     */
    record Result(long records, double produceRate, double consumeRate, double closeSeconds, int partners,
                  double partnerSeconds, BigDecimal bigNet) {

        String summary() {
            return String.format(Locale.ROOT, "settlement: %d records closed in %.2f s (≤ %.0f s: %s), %d partners"
                            + " in %.1f s (≤ %.0f s: %s)", records, closeSeconds, CLOSE_TARGET_SECONDS,
                    closeSeconds <= CLOSE_TARGET_SECONDS ? "met" : "missed", partners, partnerSeconds,
                    PARTNERS_TARGET_SECONDS, partnerSeconds <= PARTNERS_TARGET_SECONDS ? "met" : "missed");
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
        Result result = BenchInfrastructure.withEmbedded("settlement", BenchUsage.PARTITIONS, infrastructure ->
                run(options, infrastructure, serviceClasspath(System.getProperty("java.class.path"))));
        System.out.println(result.summary());
        System.exit(0);
    }

    static Result run(Options options, BenchInfrastructure infrastructure, String classpath) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String database = "bench_settlement_" + run;
        infrastructure.createDatabase(database);
        String url = infrastructure.database(database);
        infrastructure.createTopics(List.of(options.topic()), BenchUsage.PARTITIONS);
        int port = BenchJvm.freePort();
        List<String> jvm = BenchJvm.flightRecording(options.jfr());
        List<String> arguments = new ArrayList<>(BenchJvm.serviceArguments(infrastructure, database,
                "bench-settlement-model-" + run, port));
        arguments.addAll(List.of(
                "--accord.settlement.usage.topic=" + options.topic(),
                "--accord.settlement.usage.consumer-group=bench-settlement-usage-" + run,
                "--accord.settlement.runs.poll-interval=" + RUN_POLL_INTERVAL));
        arguments.addAll(options.extraArgs());
        Process service = BenchJvm.start(PRODUCTION_JVM, classpath, jvm, SettlementApplication.class.getName(),
                arguments, "settlement");
        try (Connection db = awaitService(url, infrastructure, port, service)) {
            TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("bench-finance", Roles.FINANCE));
            return measure(options, infrastructure, run, db, finance, service);
        } finally {
            BenchJvm.stop(service);
        }
    }

    private static Result measure(Options options, BenchInfrastructure infrastructure, String run, Connection db,
                                  TestHttp finance, Process service) throws Exception {
        BenchUsage usage = new BenchUsage(infrastructure.bootstrap(), options.topic(), run, options.producers());
        List<String> partners = BenchUsage.partnerIds(1 + options.partners());
        long started = System.nanoTime();
        usage.seedPartners(partners);
        awaitAgreements(db, run, partners.size(), service);
        say("%d RESELL partners with agreements in force (monthly, EUR) in %.1f s", partners.size(),
                seconds(started));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant monthStart = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant until = now.minusSeconds(5);
        Instant from = until.isAfter(monthStart) ? monthStart : until.minusSeconds(1);

        // one partner, many records
        String big = partners.getFirst();
        started = System.nanoTime();
        long consumingFrom = System.nanoTime();
        BenchUsage.Expected bigExpected = usage.produce(List.of(big), 0, options.records(), from, until);
        double produceSeconds = seconds(started);
        say("%,d rated records of partner %s on %s (%d partitions, %d producer threads, lz4) in %.1f s:"
                        + " %,.0f records/s", options.records(), big, options.topic(), BenchUsage.PARTITIONS,
                options.producers(), produceSeconds, options.records() / produceSeconds);
        Consumption consumed = awaitSummed(db, List.of(big), options.records(), bigExpected.reversals(0, 1),
                consumingFrom, service);
        say("aggregation consumed them at %,.0f records/s (%.1f s from its first to its last batch; it consumed"
                + " while they were being published)", consumed.rate(), consumed.seconds());

        UUID bigPeriod = closeEarly(finance, List.of(big)).getFirst();
        Finished closing = startRun(finance, List.of(big), db);
        List<UUID> statementIds = statements(db, closing.runId());
        if (statementIds.size() != 1) {
            throw new IllegalStateException("the run drafted " + statementIds.size() + " statements, not 1");
        }
        JsonNode statement = EXACT.readTree(finance.get("/api/settlement/statements/" + statementIds.getFirst())
                .body());
        checkStatement(statement, bigExpected, 0, bigPeriod);
        say("run over the early-closed period of %,d records: COMPLETED with its statement drafted in %.3f s"
                        + " (the service's own started→finished %.3f s; run job polling every %s); statement net %s"
                        + " EUR over %d lines = the produced sums", options.records(), closing.seconds(),
                closing.serviceSeconds(), RUN_POLL_INTERVAL, decimal(statement.get("netAmount")).toPlainString(),
                statement.get("lines").size());

        // many partners, some records each
        List<String> many = partners.subList(1, partners.size());
        started = System.nanoTime();
        consumingFrom = System.nanoTime();
        BenchUsage.Expected manyExpected = usage.produce(many, 1, options.partnerRecords(), from, until);
        long manyRecords = (long) many.size() * options.partnerRecords();
        say("%,d rated records (%d for each of %d partners) in %.1f s", manyRecords, options.partnerRecords(),
                many.size(), seconds(started));
        Consumption manyConsumed = awaitSummed(db, many, manyRecords,
                manyExpected.reversals(0, many.size()), consumingFrom, service);
        say("aggregation consumed them at %,.0f records/s", manyConsumed.rate());
        started = System.nanoTime();
        List<UUID> periods = closeEarly(finance, many);
        say("%d periods closed early through the API in %.1f s", periods.size(), seconds(started));
        Finished manyRun = startRun(finance, many, db);
        checkPartnerStatements(db, manyRun.runId(), many, manyExpected);
        say("run over %d partners' early-closed periods: COMPLETED in %.2f s (service %.2f s), %.1f partners/s;"
                        + " every statement's net = the produced sums", many.size(), manyRun.seconds(),
                manyRun.serviceSeconds(), many.size() / manyRun.seconds());
        return new Result(options.records(), options.records() / produceSeconds, consumed.rate(),
                closing.seconds(), many.size(), manyRun.seconds(), decimal(statement.get("netAmount")));
    }

    /** A JDBC connection once the service answers its health check (Flyway has run by then). */
    private static Connection awaitService(String url, BenchInfrastructure infrastructure, int port, Process service)
            throws Exception {
        TestHttp anonymous = TestHttp.localPort(port);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            alive(service);
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    break;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the settlement service did not start within 5 minutes");
            }
            Thread.sleep(250);
        }
        return DriverManager.getConnection(url, infrastructure.user(), infrastructure.password());
    }

    private static void awaitAgreements(Connection db, String run, int partners, Process service)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from agreement_view where agreement_id like ? and in_force_from is not null")) {
            query.setString(1, "agr-bench-" + run + "-%");
            while (true) {
                alive(service);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= partners) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("agreements not in the read model after 10 minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    record Consumption(double rate, double seconds) {
    }

    /**
     * Waits until the partners' usage sums hold every record (net count and reversals both complete); the rate is
     * counted from the first sample that saw progress (sampled every 100 ms) to the last.
     */
    private static Consumption awaitSummed(Connection db, List<String> partners, long records, long reversals,
                                           long since, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        long firstAt = 0;
        long firstCount = 0;
        long lastReport = System.nanoTime();
        Array ids = db.createArrayOf("uuid", partners.stream().map(UUID::fromString).toArray());
        try (PreparedStatement query = db.prepareStatement("""
                select coalesce(sum(record_count), 0), coalesce(sum(reversal_count), 0) from usage_sum
                where partner_id = any(?)""");
             PreparedStatement unplaced = db.prepareStatement(
                     "select coalesce(sum(record_count), 0) from usage_unplaced where partner_id = any(?)")) {
            query.setArray(1, ids);
            unplaced.setArray(1, ids);
            while (true) {
                alive(service);
                long counted;
                long reversed;
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    counted = rows.getLong(1);
                    reversed = rows.getLong(2);
                }
                long consumed = counted + 2 * reversed; // a reversal counts −1 and is a record itself
                long now = System.nanoTime();
                if (consumed > 0 && firstAt == 0) {
                    firstAt = now;
                    firstCount = consumed;
                }
                if (consumed == records && reversed == reversals) {
                    try (ResultSet rows = unplaced.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) != 0) {
                            throw new IllegalStateException(rows.getLong(1) + " records found no period");
                        }
                    }
                    double elapsed = Math.max(now - firstAt, 1_000_000) / 1e9;
                    long counting = firstCount >= records ? records : records - firstCount;
                    return new Consumption(counting / elapsed, (now - since) / 1e9);
                }
                if (consumed > records) {
                    throw new IllegalStateException("summed " + consumed + " records, more than the " + records
                            + " produced");
                }
                if (now > deadline) {
                    throw new IllegalStateException("only " + consumed + " of " + records + " summed after 2 h");
                }
                if (now - lastReport > 15_000_000_000L) {
                    say("... %,d of %,d records summed", consumed, records);
                    lastReport = now;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Closes each partner's current period early through the API (4 at a time); returns the closed periods. */
    private static List<UUID> closeEarly(TestHttp finance, List<String> partners) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, partners.size()));
        try {
            List<Future<UUID>> closing = new ArrayList<>();
            for (String partner : partners) {
                closing.add(pool.submit(() -> {
                    TestHttp.Response open = finance.get(PERIODS + "?partnerId=" + partner + "&state=OPEN");
                    if (open.status() != 200 || open.json().size() != 1) {
                        throw new IllegalStateException("partner " + partner + " has no single open period: "
                                + open);
                    }
                    String period = open.json().get(0).get("id").asString();
                    TestHttp.Response closed = finance.post(PERIODS + "/" + period + "/early-close",
                            "{\"reason\": \"settlement bench\"}");
                    if (closed.status() != 200) {
                        throw new IllegalStateException("early close of " + period + " answered " + closed);
                    }
                    return UUID.fromString(period);
                }));
            }
            List<UUID> periods = new ArrayList<>();
            for (Future<UUID> period : closing) {
                periods.add(period.get());
            }
            return periods;
        } finally {
            pool.shutdownNow();
        }
    }

    record Finished(UUID runId, double seconds, double serviceSeconds) {
    }

    /** Starts a run for the partners and waits (polling every 10 ms) until it is no longer RUNNING. */
    private static Finished startRun(TestHttp finance, List<String> partners, Connection db) throws Exception {
        String body = partners.stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(", ", "{\"partnerIds\": [", "]}"));
        long started = System.nanoTime();
        TestHttp.Response response = finance.post(RUNS, body);
        if (response.status() != 202) {
            throw new IllegalStateException("starting the run answered " + response);
        }
        String location = response.header("Location");
        long deadline = started + Duration.ofMinutes(30).toNanos();
        JsonNode state;
        while (true) {
            state = finance.get(location).json();
            if (!"RUNNING".equals(state.get("state").asString())) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + location + " still RUNNING after 30 minutes");
            }
            Thread.sleep(10);
        }
        double seconds = seconds(started);
        if (!"COMPLETED".equals(state.get("state").asString()) || state.get("done").asInt() != partners.size()) {
            throw new IllegalStateException("run " + location + " ended " + state);
        }
        UUID runId = UUID.fromString(state.get("id").asString());
        double serviceSeconds = Duration.between(Instant.parse(state.get("startedAt").asString()),
                Instant.parse(state.get("finishedAt").asString())).toNanos() / 1e9;
        return new Finished(runId, seconds, serviceSeconds);
    }

    /** A JSON decimal exactly (a number or a string). */
    static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    private static List<UUID> statements(Connection db, UUID runId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select statement_id from settlement_run_item where run_id = ? and status = 'DONE'")) {
            query.setObject(1, runId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /**
     * The statement's usage lines hold exactly the produced sums per offering and usage type (amount and quantity),
     * and its net is the sum of each sum rounded once; otherwise the bench fails.
     */
    static void checkStatement(JsonNode statement, BenchUsage.Expected expected, int partner, UUID period) {
        if (!period.toString().equals(statement.get("periodId").asString())) {
            throw new IllegalStateException("the statement is not of period " + period + ": " + statement);
        }
        Map<String, BigDecimal> amounts = new HashMap<>();
        Map<String, BigDecimal> quantities = new HashMap<>();
        for (JsonNode line : statement.get("lines")) {
            if (line.get("usageType") == null || line.get("usageType").isNull()) {
                continue;
            }
            String key = line.get("offeringId").asString() + " × " + line.get("usageType").asString();
            amounts.merge(key, decimal(line.get("unrounded")), BigDecimal::add);
            quantities.merge(key, decimal(line.get("quantity")), BigDecimal::add);
        }
        List<String> mismatches = new ArrayList<>();
        for (BenchUsage.Kind kind : BenchUsage.Kind.values()) {
            String key = kind.offering + " × " + kind.usageType;
            BigDecimal want = expected.signedAmount(partner, kind);
            BigDecimal got = amounts.getOrDefault(key, BigDecimal.ZERO);
            if (got.compareTo(want) != 0) {
                mismatches.add(key + " amount " + got + " ≠ produced " + want);
            }
            BigDecimal quantity = quantities.getOrDefault(key, BigDecimal.ZERO);
            if (quantity.compareTo(BigDecimal.valueOf(expected.quantity(partner, kind))) != 0) {
                mismatches.add(key + " quantity " + quantity + " ≠ produced " + expected.quantity(partner, kind));
            }
        }
        BigDecimal net = decimal(statement.get("netAmount"));
        if (net.compareTo(expected.net(partner)) != 0) {
            mismatches.add("net " + net + " ≠ Σ rounded produced sums " + expected.net(partner));
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("the statement does not match what was produced: " + mismatches);
        }
    }

    /** One statement per partner, each net equal to the partner's produced sums rounded once per line. */
    private static void checkPartnerStatements(Connection db, UUID runId, List<String> partners,
                                               BenchUsage.Expected expected) throws SQLException {
        Map<UUID, BigDecimal> nets = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select s.partner_id, s.net_amount from settlement_run_item i join statement s on s.id = i.statement_id
                where i.run_id = ? and i.status = 'DONE'""")) {
            query.setObject(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    nets.put(rows.getObject(1, UUID.class), rows.getBigDecimal(2));
                }
            }
        }
        if (nets.size() != partners.size()) {
            throw new IllegalStateException(nets.size() + " statements for " + partners.size() + " partners");
        }
        List<String> mismatches = new ArrayList<>();
        for (int p = 0; p < partners.size(); p++) {
            BigDecimal net = nets.get(UUID.fromString(partners.get(p)));
            if (net == null || net.compareTo(expected.net(p)) != 0) {
                mismatches.add(partners.get(p) + ": " + net + " ≠ " + expected.net(p));
            }
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException(mismatches.size() + " statements do not match what was produced, e.g. "
                    + mismatches.subList(0, Math.min(5, mismatches.size())));
        }
    }

    /** The bench's own class path without settlement's test classes: the service runs as packaged. */
    static String serviceClasspath(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("settlement-service/target/test-classes"))
                .filter(entry -> !entry.replace('\\', '/').endsWith("settlement-service/target/test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void alive(Process service) {
        if (!service.isAlive()) {
            throw new IllegalStateException("the settlement service exited with " + service.exitValue());
        }
    }
}
