package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageRated;
import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.RatingOutcome;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.SuspenseReason;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.engine.TierUsage;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.ingest.IngestMetrics.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rates a batch of usage records and writes everything it comes to in the caller's transaction (issue 10, "No loss,
 * no double count"): duplicate markers first (a record whose source + usage id was seen before, in this batch or
 * any earlier one, is a duplicate and is neither rated nor moves an accumulator), then the tier accumulators of the
 * batch's subscribers, locked, the ratings in arrival order, and the rated records, suspense records, duplicates,
 * accumulators, rollups and per-source/day counters. Every input (the Kafka pipeline, later the REST and file
 * inputs) goes through here, so the same record is never rated twice whichever way it comes.
 */
public class UsageLedger {

    /** Counted under this source when a record's own source cannot be read. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private static final Logger log = LoggerFactory.getLogger(UsageLedger.class);

    private final LedgerWriter writer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IngestMetrics metrics;

    UsageLedger(LedgerWriter writer, Clock clock, ApplicationEventPublisher events, IngestMetrics metrics) {
        this.writer = writer;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * One record to rate, as an input read it.
     *
     * @param usage          the record (fields that could not be read are {@code null})
     * @param problem        why the record cannot be read completely ({@code null} when it can): it is suspended as
     *                       INVALID with this detail
     * @param payload        the record as received, kept with a suspended record so that it can be recycled
     * @param receivedAt     when it was received (a Kafka record's timestamp); its UTC day is the counters' day
     * @param kafkaPartition the raw topic's partition it was read from, {@code null} for other inputs
     * @param kafkaOffset    its offset, {@code null} for other inputs
     * @param unclaimedUsageId the usage id an unreadable REST or file record named ({@link #unreadable}), which it
     *                       does not claim; kept with its suspense record so that its fate is found by it
     * @param channel        the input it came through, kept with it when it is a duplicate
     */
    public record Incoming(UsageRecord usage, String problem, byte[] payload, Instant receivedAt,
                           Integer kafkaPartition, Long kafkaOffset, String unclaimedUsageId, Channel channel) {

        /**
         * A record that claims its usage id when it has one (every record but {@link #unreadable}'s), received from
         * Kafka when it has a partition, else over REST ({@link #through} another channel).
         */
        public Incoming(UsageRecord usage, String problem, byte[] payload, Instant receivedAt,
                        Integer kafkaPartition, Long kafkaOffset) {
            this(usage, problem, payload, receivedAt, kafkaPartition, kafkaOffset, null,
                    kafkaPartition != null ? Channel.KAFKA : Channel.REST);
        }

        /** The same record, received through {@code channel}. */
        public Incoming through(Channel channel) {
            return new Incoming(usage, problem, payload, receivedAt, kafkaPartition, kafkaOffset, unclaimedUsageId,
                    channel);
        }

        /** The source counted for it. */
        public String source() {
            return usage.source() != null ? usage.source() : UNKNOWN_SOURCE;
        }

        /**
         * A record as kept with a suspense record ({@code UsageReported} JSON, as on the raw topic), read again, to
         * be recycled; {@code problem} says why it still cannot be read.
         */
        public static Incoming reread(byte[] payload, Instant receivedAt) {
            UsageParser.Parsed parsed = UsageParser.reread(payload);
            return new Incoming(parsed.record(), parsed.problem(), payload, receivedAt, null, null, null,
                    Channel.RECYCLE);
        }

        /**
         * A record an input other than Kafka received but could not read as a usage record (TMF635, a file's row),
         * which its sender was answered INVALID: suspended as INVALID under {@code source} with {@code detail}, and
         * counted on the day it was received, as an unreadable Kafka record is. Its usage id is not claimed (the
         * sender was told at once and sends a corrected copy, which must be rated), so the suspense record names none;
         * it is kept as it was sent ({@code sent}) in a wrapper that a recycle reads as unreadable whatever was sent
         * ({@link UsageParser#UNREADABLE}): the record must never be rated from its suspense record, since a corrected
         * copy may have been rated meanwhile. The usage id it named, when it could be read ({@code usageId}, else
         * {@code null}), is kept apart ({@code unclaimed_usage_id}) for its fate.
         */
        public static Incoming unreadable(String source, String usageId, String detail, String sent,
                                          Instant receivedAt) {
            Map<String, String> kept = new java.util.LinkedHashMap<>();
            kept.put(UsageParser.UNREADABLE, detail);
            kept.put("sent", sent);
            UsageRecord identity = new UsageRecord(source, null, null, null, null, null, null, null, null, null);
            byte[] payload = JsonText.object(kept).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Incoming(identity, detail, payload, receivedAt, null, null, usageId, Channel.REST);
        }

        boolean identified() {
            return usage.source() != null && usage.usageId() != null;
        }
    }

    /** The input a record came through. */
    public enum Channel {
        /** the raw usage topic */
        KAFKA,
        /** the TMF635 usage API */
        REST,
        /** a CDR file job */
        FILE,
        /** read again from its suspense record by a recycle */
        RECYCLE
    }

    /**
     * What a batch came to: each record's outcome, in the batch's order; {@code conflictingDuplicates} of the
     * duplicates differ in content from their original.
     */
    public record Result(List<Fate> fates, int rated, int suspended, int duplicates, int conflictingDuplicates) {
    }

    /**
     * One record's outcome: exactly one of {@code rated}, {@code suspended} is set, or {@code duplicate}; a duplicate's
     * {@code conflicting} says whether its content (what it is rated on, {@code UsageContent}) differs from the
     * original's, {@code null} when the original's is not known (its marker was written before it was kept, V98).
     */
    public record Fate(Incoming incoming, RatedUsage rated, SuspendedUsage suspended, boolean duplicate,
                       Boolean conflicting) {
    }

    /**
     * Published in the ledger's transaction when it wrote rated records and their rollups, for listeners that act
     * once it commits ({@code @TransactionalEventListener}): when each of those records was received (epoch
     * milliseconds), those read from Kafka (their record timestamps) apart from those of the other inputs (their
     * receipt by the API). Records recycled from suspense are not in it: they were received long before.
     */
    public record RollupsWritten(long[] kafkaReceivedMillis, long[] otherReceivedMillis) {
    }

    /**
     * Rates and writes {@code batch} in the current transaction (there must be one). A concurrent writer of the same
     * accumulators (records of one subscriber on two partitions) makes it throw, to be retried.
     */
    public Result record(List<Incoming> batch, RatingEngine engine) {
        Written written = write(batch, engine);
        Result result = written.result();
        if (result.rated() > 0) {
            events.publishEvent(rollupsWritten(result));
            if (exactInTable(written.events())) {
                events.publishEvent(new RatedWritten(written.events()));
            }
        }
        return result;
    }

    /**
     * Like {@link #record}, for records received before and processed again (recycled from suspense): they are no
     * part of the ingestion-to-rollup lag.
     */
    public Result recordAgain(List<Incoming> batch, RatingEngine engine) {
        return write(batch, engine).result();
    }

    /**
     * Published in the ledger's transaction with the rated records it wrote, as the events they are published as
     * (sequence numbers included, consecutive), for the publisher of {@code usage.rated.v1} to send once the
     * transaction commits without reading the rows back (docs/rating-pipeline.md, "Publishing"). The table stays the
     * outbox: a publisher that does not hold these in memory (another replica, a restart, a correction in between)
     * reads the rows.
     */
    public record RatedWritten(List<UsageRated> events) {
    }

    private record Written(Result result, List<UsageRated> events) {
    }

    /**
     * Whether the events equal what the table gives back: PostgreSQL keeps microseconds, so a usage time with
     * nanoseconds would be published as stored only when read back.
     */
    private static boolean exactInTable(List<UsageRated> events) {
        for (UsageRated event : events) {
            if (event.usageTime().getNano() % 1_000 != 0) {
                return false;
            }
        }
        return true;
    }

    private static RollupsWritten rollupsWritten(Result result) {
        int kafka = 0;
        for (Fate fate : result.fates()) {
            if (fate.rated() != null && fate.incoming().kafkaPartition() != null) {
                kafka++;
            }
        }
        long[] fromKafka = new long[kafka];
        long[] other = new long[result.rated() - kafka];
        int k = 0;
        int o = 0;
        for (Fate fate : result.fates()) {
            if (fate.rated() != null) {
                long received = fate.incoming().receivedAt().toEpochMilli();
                if (fate.incoming().kafkaPartition() != null) {
                    fromKafka[k++] = received;
                } else {
                    other[o++] = received;
                }
            }
        }
        return new RollupsWritten(fromKafka, other);
    }

    private Written write(List<Incoming> batch, RatingEngine engine) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the usage ledger writes in its caller's transaction; there is none");
        }
        IngestMetrics.Laps laps = metrics.laps();
        // as stored (timestamptz keeps microseconds), so that the published events equal the rows
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // 1. identities: first occurrence in the batch claims the key; later ones are duplicates. Each claimed marker
        // keeps its record's content digest, so that a copy is compared with its original without reading the original
        Map<String, Incoming> firstByKey = new HashMap<>();
        // by identity: a record's own hashCode would hash its whole usage record (characteristics, amounts, times)
        // on every lookup, a measurable share of the pipeline's CPU (JFR)
        Set<Incoming> duplicates = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Incoming> toClaim = new ArrayList<>();
        for (Incoming incoming : batch) {
            if (incoming.identified()) {
                String key = key(incoming.usage().source(), incoming.usage().usageId());
                if (firstByKey.putIfAbsent(key, incoming) == null) {
                    toClaim.add(incoming);
                } else {
                    duplicates.add(incoming);
                }
            }
        }
        List<UUID> keys = new ArrayList<>(toClaim.size());
        long[] contents = new long[toClaim.size()];
        for (int i = 0; i < toClaim.size(); i++) {
            Incoming incoming = toClaim.get(i);
            keys.add(Ids.usageKey(incoming.usage().source(), incoming.usage().usageId()));
            contents[i] = UsageContent.digest(incoming.usage());
        }
        Set<UUID> claimed = writer.claimKeys(keys, contents, toClaim, now);
        List<UUID> seenBefore = new ArrayList<>();
        for (int i = 0; i < toClaim.size(); i++) {
            if (!claimed.contains(keys.get(i))) {
                duplicates.add(toClaim.get(i));
                seenBefore.add(keys.get(i));
            }
        }
        Map<Incoming, Boolean> conflicting = conflicting(duplicates, firstByKey, seenBefore, claimed);
        laps.lap(Stage.DUPLICATES);
        // 2. the accumulators the batch will advance. Which ones depends on the product instance the engine picks
        // (keyed by its canonical subscriber id, whichever identifier the record names), so a first pass rates against
        // empty accumulators to learn their keys: the engine is cheap, a round trip per accumulator is not. Only
        // those of tiered prices are loaded and locked before rating, because only there does a record's charge depend
        // on where its accumulator stood; a flat-priced one is added to after rating (step 3b), and the first pass's
        // ratings of its records stand (settledByProbe).
        TierAccumulators scratch = new TierAccumulators();
        Set<AccumulatorKey> tiered = new HashSet<>();
        RatingOutcome[] probes = new RatingOutcome[batch.size()];
        int index = 0;
        for (Incoming incoming : batch) {
            if (!duplicates.contains(incoming) && incoming.problem() == null) {
                RatingOutcome probe = rate(engine, incoming, scratch);
                probes[index] = probe;
                if (probe instanceof RatedUsage ratedProbe && ratedProbe.tiers().mode() != TierMode.FLAT) {
                    tiered.add(ratedProbe.tiers().accumulator());
                }
            }
            index++;
        }
        laps.lap(Stage.RATE);
        TierAccumulators accumulators = new TierAccumulators();
        Map<AccumulatorKey, Long> counts = writer.lockAccumulators(tiered, accumulators);
        Map<AccumulatorKey, Long> loadedCounts = new HashMap<>(counts);
        laps.lap(Stage.ACCUMULATORS);
        // 3. rate in arrival order
        List<Fate> fates = new ArrayList<>(batch.size());
        List<LedgerWriter.RatedRow> ratedRows = new ArrayList<>();
        List<Integer> ratedFates = new ArrayList<>();
        int rated = 0;
        int suspended = 0;
        index = 0;
        for (Incoming incoming : batch) {
            RatingOutcome probe = probes[index++];
            if (duplicates.contains(incoming)) {
                fates.add(new Fate(incoming, null, null, true, conflicting.get(incoming)));
                continue;
            }
            RatingOutcome outcome = incoming.problem() != null
                    ? new SuspendedUsage(incoming.usage(), SuspenseReason.INVALID, incoming.problem())
                    : settledByProbe(probe, tiered) ? probe : rate(engine, incoming, accumulators);
            if (outcome instanceof RatedUsage ratedUsage) {
                AccumulatorKey key = ratedUsage.tiers().accumulator();
                long arrival = counts.merge(key, 1L, Long::sum);
                ratedRows.add(new LedgerWriter.RatedRow(incoming, ratedUsage, arrival));
                ratedFates.add(fates.size());
                fates.add(new Fate(incoming, ratedUsage, null, false, null));
                rated++;
            } else {
                fates.add(new Fate(incoming, null, (SuspendedUsage) outcome, false, null));
                suspended++;
            }
        }
        // the flat-priced accumulators' records were taken from the first pass, rated from zero in the same order:
        // their quantities are the first pass's
        for (AccumulatorKey key : counts.keySet()) {
            if (!tiered.contains(key)) {
                accumulators.put(key, scratch.quantity(key));
            }
        }
        laps.lap(Stage.RATE);
        // 3b. the flat-priced accumulators were rated from zero: each is added to in one statement, and its total
        // after tells where it stood before the batch, so every record gets the accumulator values and arrival order
        // it would have had if the accumulator had been loaded first
        Map<AccumulatorKey, Long> batchCounts = new HashMap<>();
        counts.forEach((key, count) -> {
            if (!tiered.contains(key)) {
                batchCounts.put(key, count);
            }
        });
        if (!batchCounts.isEmpty()) {
            Map<AccumulatorKey, LedgerWriter.Total> totals = writer.addToAccumulators(batchCounts, accumulators, now);
            for (int i = 0; i < ratedRows.size(); i++) {
                LedgerWriter.RatedRow row = ratedRows.get(i);
                AccumulatorKey key = row.rated().tiers().accumulator();
                LedgerWriter.Total total = totals.get(key);
                if (total == null) {
                    continue;
                }
                long before = total.recordCount() - batchCounts.get(key);
                BigDecimal stood = total.quantity().subtract(accumulators.quantity(key));
                RatedUsage shifted = shifted(row.rated(), stood);
                ratedRows.set(i, new LedgerWriter.RatedRow(row.incoming(), shifted, row.arrivalOrder() + before));
                int fate = ratedFates.get(i);
                fates.set(fate, new Fate(row.incoming(), shifted, null, false, null));
            }
            counts.keySet().removeAll(batchCounts.keySet());
        }
        laps.lap(Stage.ACCUMULATORS);
        // 4. write it all
        writer.writeSuspense(fates, now);
        writer.writeDuplicates(fates, now);
        laps.lap(Stage.WRITE);
        writer.storeAccumulators(accumulators, counts, loadedCounts, now);
        laps.lap(Stage.ACCUMULATORS);
        writer.addRollups(ratedRows, now);
        writer.addCounters(fates, now);
        List<UsageRated> written = writer.writeRated(ratedRows, now);
        laps.lap(Stage.WRITE);
        laps.record();
        int conflicts = 0;
        for (Boolean conflict : conflicting.values()) {
            if (Boolean.TRUE.equals(conflict)) {
                conflicts++;
            }
        }
        metrics.conflictingDuplicatesAfterCommit(conflicts);
        return new Written(new Result(fates, rated, suspended, duplicates.size(), conflicts), written);
    }

    /**
     * Whether each duplicate's content differs from its original's: a copy within the batch is compared with the
     * batch's first occurrence when that one claimed the key, else (the first occurrence is itself a copy) with the
     * marker's; the markers' digests are read only for keys seen before, so a batch without such duplicates costs no
     * query. {@code null}: the marker keeps no digest (written before V98).
     */
    private Map<Incoming, Boolean> conflicting(Set<Incoming> duplicates, Map<String, Incoming> firstByKey,
                                               List<UUID> seenBefore, Set<UUID> claimed) {
        Map<Incoming, Boolean> conflicting = new IdentityHashMap<>();
        if (duplicates.isEmpty()) {
            return conflicting;
        }
        Map<UUID, Long> kept = seenBefore.isEmpty() ? Map.of() : writer.contents(seenBefore);
        for (Incoming duplicate : duplicates) {
            UsageRecord usage = duplicate.usage();
            Incoming first = firstByKey.get(key(usage.source(), usage.usageId()));
            UUID marker = Ids.usageKey(usage.source(), usage.usageId());
            long content = UsageContent.digest(usage);
            if (first != duplicate && claimed.contains(marker)) {
                conflicting.put(duplicate, content != UsageContent.digest(first.usage()));
            } else {
                Long original = kept.get(marker);
                conflicting.put(duplicate, original == null ? null : original != content);
            }
        }
        return conflicting;
    }

    /** The record as rated from an accumulator that stood at {@code stood} instead of zero before the batch. */
    private static RatedUsage shifted(RatedUsage rated, BigDecimal stood) {
        if (stood.signum() == 0) {
            return rated;
        }
        TierUsage tiers = rated.tiers();
        return new RatedUsage(rated.usage(), rated.kind(), rated.billedQuantity(), rated.billedUnit(),
                rated.charge(), rated.parties(), rated.margin(), rated.allocation(), rated.basis(),
                new TierUsage(tiers.mode(), tiers.portions(), tiers.provisional(), tiers.accumulator(),
                        stood.add(tiers.accumulatorBefore()), stood.add(tiers.accumulatorAfter())));
    }

    /**
     * Whether the first pass's outcome is the record's rating: a suspension (its reason is a question of the read
     * models, never of the accumulators), or a rating against an accumulator no tiered price of the batch uses, which
     * both passes advance from zero in the same order. A record of an accumulator that a tiered price uses is rated
     * again from the loaded, locked value.
     */
    private static boolean settledByProbe(RatingOutcome probe, Set<AccumulatorKey> tiered) {
        return probe instanceof SuspendedUsage
                || probe instanceof RatedUsage rated && !tiered.contains(rated.tiers().accumulator());
    }

    /** The engine never throws for a bad record; should it ever fail, the record is suspended rather than lost. */
    private static RatingOutcome rate(RatingEngine engine, Incoming incoming, TierAccumulators accumulators) {
        try {
            return engine.rate(incoming.usage(), accumulators);
        } catch (RuntimeException failure) {
            log.error("Rating usage {}/{} failed; it goes to suspense", incoming.usage().source(),
                    incoming.usage().usageId(), failure);
            return new SuspendedUsage(incoming.usage(), SuspenseReason.INVALID,
                    "rating failed: " + failure.getMessage());
        }
    }

    /**
     * The key of a source + usage id's duplicate marker ({@code usage_key}): a digest, so that the index every record
     * inserts into stays narrow (docs/rating-pipeline.md, "Indexes and column types on the hot tables").
     */
    public static UUID markerKey(String source, String usageId) {
        return Ids.usageKey(source, usageId);
    }

    static String key(String source, String usageId) {
        return source + '\u0000' + usageId;
    }
}
