package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;

/**
 * The engine alone, one thread: rated records per second on a realistic mix (own, sell-through, co-created and
 * resold products; flat, 60/1, graduated and volume prices; two versions of every price and agreement; some
 * subscribers with two products, so selection by usage type matters). Run as docs/rating-engine.md says; one
 * operation is one record rated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RatingEngineBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How many subscribers the records spread over: the more, the fewer of their objects stay in the CPU caches. */
    @Param("20000")
    public int subscribers;

    /** How many pre-built records are rated in a loop (a power of two): the more, the colder each one is. */
    @Param("65536")
    public int records;

    private static final Instant PREVIOUS = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant CURRENT = Instant.parse("2026-11-01T00:00:00Z");

    private RatingEngine engine;
    private UsageRecord[] usage;
    private TierAccumulators accumulators;
    private int next;
    private long iterationOperations;
    private long iterationCpuNanos;

    @Setup(Level.Trial)
    public void setUp() {
        List<ProductInstance> instances = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            String subscriber = subscriber(i);
            switch (i % 20) {
                case 0, 1, 2, 3 -> instances.add(instance("co-" + i).subscriber(subscriber).offering("co-gaming")
                        .participant("studio-1", "35").participant("studio-2", "15.5").build());
                case 4, 5, 6, 7 -> instances.add(instance("rs-" + i).subscriber(subscriber)
                        .offering("wholesale-mobile").boughtBy("reseller-1").build());
                default -> instances.add(instance("own-" + i).subscriber(subscriber).offering("own-mobile").build());
            }
            if (i % 4 == 0) {
                instances.add(instance("video-" + i).subscriber(subscriber).offering("partner-video")
                        .ownedBy("video-partner").category("VIDEO").build());
            }
        }
        List<UsagePriceVersion> prices = new ArrayList<>();
        for (Instant[] validity : new Instant[][] {{PREVIOUS, CURRENT}, {CURRENT, null}}) {
            String v = validity[1] == null ? "-v2" : "-v1";
            prices.add(price("own-voice" + v).offering("own-mobile").usageType("VOICE").rate("0.0015")
                    .increments("60", "1").valid(validity[0], validity[1]).build());
            prices.add(price("own-sms" + v).offering("own-mobile").usageType("SMS").unit(UnitOfMeasure.MESSAGE)
                    .rate("0.09").valid(validity[0], validity[1]).build());
            prices.add(price("own-data" + v).offering("own-mobile").usageType("DATA").unit(UnitOfMeasure.MB)
                    .increments("1", "1").mode(TierMode.GRADUATED).tier("0", "1024", "0.01")
                    .tier("1024", "10240", "0.005").tier("10240", null, "0.001").valid(validity[0], validity[1]).build());
            prices.add(price("rs-voice" + v).offering("wholesale-mobile").usageType("VOICE").rate("0.001")
                    .increments("30", "30").valid(validity[0], validity[1]).build());
            prices.add(price("rs-data" + v).offering("wholesale-mobile").usageType("DATA").unit(UnitOfMeasure.MB)
                    .increments("1", "1").rate("0.002").valid(validity[0], validity[1]).build());
            prices.add(price("co-api" + v).offering("co-gaming").usageType("API_CALL").unit(UnitOfMeasure.API_CALL)
                    .mode(TierMode.VOLUME).tier("0", "1000", "0.02").tier("1000", null, "0.015")
                    .valid(validity[0], validity[1]).build());
            prices.add(price("video-view" + v).offering("partner-video").usageType("CONTENT_VIEW")
                    .unit(UnitOfMeasure.EVENT).rate("0.49").minimum("1").valid(validity[0], validity[1]).build());
        }
        List<AgreementVersion> agreements = new ArrayList<>();
        for (Instant[] validity : new Instant[][] {{PREVIOUS, CURRENT}, {CURRENT, null}}) {
            int version = validity[1] == null ? 2 : 1;
            agreements.add(agreement("video-partner").id("agr-video-" + version, version).share(null, null, "50")
                    .share("VIDEO", null, "60").share("VIDEO", "CONTENT_VIEW", "65").valid(validity[0], validity[1])
                    .build());
            agreements.add(agreement("reseller-1").id("agr-rs-" + version, version).model(BusinessModel.RESELL)
                    .wholesale(UnitOfMeasure.S, "0.0006").wholesale(UnitOfMeasure.GB, "0.80")
                    .valid(validity[0], validity[1]).build());
            for (String studio : List.of("studio-1", "studio-2")) {
                agreements.add(agreement(studio).id("agr-" + studio + "-" + version, version)
                        .model(BusinessModel.CO_CREATE).valid(validity[0], validity[1]).build());
            }
        }
        engine = new RatingEngine(new RatingSnapshot(instances, prices, agreements), RatingFixtures.CLOCK,
                RatingEngine.DEFAULT_TOO_OLD_AFTER);
        if (Integer.bitCount(records) != 1) {
            throw new IllegalArgumentException("records must be a power of two: " + records);
        }
        usage = records(new SplittableRandom(42), subscribers, records);
        accumulators = new TierAccumulators();
        for (UsageRecord record : usage) {
            if (!(engine.rate(record, new TierAccumulators()) instanceof RatedUsage)) {
                throw new IllegalStateException("the benchmark's records must all rate: " + record);
            }
        }
    }

    @Benchmark
    public RatingOutcome rateOneRecord() {
        UsageRecord record = usage[next];
        next = (next + 1) & (records - 1);
        iterationOperations++;
        return engine.rate(record, accumulators);
    }

    /**
     * On a shared machine the score (records per wall-clock second) depends on how much CPU the benchmark thread
     * got; the records per second of the thread's own CPU time, printed after each iteration, do not.
     */
    @Setup(Level.Iteration)
    public void startIteration() {
        iterationOperations = 0;
        iterationCpuNanos = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - iterationCpuNanos) / 1e9;
        System.out.printf("%n  cpu-normalised: %,.0f records per CPU-second (%,d records in %.2f s of CPU)%n",
                iterationOperations / cpuSeconds, iterationOperations, cpuSeconds);
    }

    private static UsageRecord[] records(SplittableRandom random, int subscribers, int count) {
        UsageRecord[] records = new UsageRecord[count];
        for (int r = 0; r < count; r++) {
            int i = random.nextInt(subscribers);
            OffsetDateTime at = CURRENT.plusSeconds(random.nextLong(19 * 86_400L)).atOffset(ZoneOffset.ofHours(1));
            String type;
            BigDecimal quantity;
            UnitOfMeasure unit;
            int kind = i % 20;
            if (i % 4 == 0 && random.nextInt(3) == 0) {
                type = "CONTENT_VIEW";
                quantity = BigDecimal.ONE;
                unit = UnitOfMeasure.EVENT;
            } else if (kind < 4) {
                type = "API_CALL";
                quantity = BigDecimal.valueOf(1 + random.nextInt(10));
                unit = UnitOfMeasure.API_CALL;
            } else {
                int pick = random.nextInt(kind < 8 ? 2 : 3);
                type = pick == 0 ? "VOICE" : pick == 1 ? "DATA" : "SMS";
                quantity = BigDecimal.valueOf(pick == 0 ? 1 + random.nextInt(900)
                        : pick == 1 ? 1 + random.nextInt(50_000_000) : 1);
                unit = pick == 0 ? UnitOfMeasure.S : pick == 1 ? UnitOfMeasure.B : UnitOfMeasure.MESSAGE;
            }
            records[r] = new UsageRecord("bench", "u-" + r, type, subscriber(i), at, quantity, unit, null, null,
                    Map.of());
        }
        return records;
    }

    private static String subscriber(int i) {
        return "4917" + (10_000_000 + i);
    }
}
