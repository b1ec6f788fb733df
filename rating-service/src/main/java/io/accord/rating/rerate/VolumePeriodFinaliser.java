package io.accord.rating.rerate;

import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.TierUsage;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;
import io.accord.rating.engine.VolumeRerating;
import io.accord.platform.scheduling.JobItems;
import io.accord.rating.model.RatingModel;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes volume tiers final when their tier period has ended (issue 10, Rating 3): per subscriber's accumulator and
 * period, the engine's {@link RatingEngine#rerateVolumePeriod} decides the final tier from the period's total and
 * every current rating charged at another tier is reversed and replaced at the final tier, through the same
 * corrections as re-rate jobs. A period is keyed by the subscriber id its accumulator is kept under, the instance's
 * canonical one ({@link RatedRecords#ACCUMULATOR_SUBSCRIBER}), so usage sent under any of the instance's identifiers
 * is made final in one period, by its one total. Once cluster-wide (ShedLock). A finalised period remembers up to
 * which rated sequence it was made final: usage rated into it later (late usage, a price correction's re-rating) has a
 * higher sequence and makes it be finalised again, previous final records included, so every unit always ends at the
 * final tier.
 * <p>
 * Each run reads only the provisional volume ratings rated since the last one (a cursor over their sequence numbers,
 * which become visible in order without gaps) and notes their periods as pending; a pending period leaves that set in
 * the transaction that makes it final. The ledger's history of provisional ratings, which stay provisional once
 * reversed, is never read again.
 * <p>
 * Each period is made final in its own transaction through {@link JobItems}: one that cannot be (no accumulator row,
 * say) is counted in {@code job_item_failure} with its reason and put off, and a run takes the periods that never
 * failed first, so that periods which keep failing cannot take a run's places from the others.
 */
class VolumePeriodFinaliser {

    private static final Logger log = LoggerFactory.getLogger(VolumePeriodFinaliser.class);
    private static final int PERIODS_PER_ROUND = 1000;
    private static final int SCAN_CHUNK = 10_000;
    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String JOB = "rating-volume-finalisation";
    /** A pending period's id in {@code job_item_failure}, as {@link #itemId} writes it. */
    private static final String ITEM_ID = "subscriber_id || '|' || offering_id || '|' || usage_type || '|' ||"
            + " tier_period || '|' || period_start";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RatingModel model;
    private final RatedRecords records;
    private final Corrections corrections;
    private final RerateProperties properties;
    private final Clock clock;
    private final JobItems jobItems;

    VolumePeriodFinaliser(JdbcClient jdbc, TransactionTemplate transactions, RatingModel model, RatedRecords records,
                          Corrections corrections, RerateProperties properties, Clock clock, JobItems jobItems) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.model = model;
        this.records = records;
        this.corrections = corrections;
        this.properties = properties;
        this.clock = clock;
        this.jobItems = jobItems;
    }

    @Scheduled(fixedDelayString = "${accord.rating.rerate.volume-finalisation:1h}",
            initialDelayString = "${accord.rating.rerate.volume-initial-delay:1m}")
    @SchedulerLock(name = JOB)
    void finaliseEndedPeriods() {
        if (properties.enabled() && model.awaitCurrent(properties.modelWait())) {
            finaliseEndedBefore(clock.instant().minus(properties.volumeGrace()));
        }
    }

    /**
     * Reads up to {@code limit} provisional volume ratings after the cursor; each current one whose period was not made
     * final up to its sequence makes its period pending. The cursor is moved past them in the same transaction.
     */
    static final String SCAN = """
            with chunk as (
                select r.seq, r.rated_id, r.kind, %s as accumulator_id, r.offering_id, r.usage_type,
                       r.tier_period, r.period_start
                from usage_rated r
                where r.provisional and r.tier_mode = 'VOLUME' and r.seq > :after
                order by r.seq
                limit :limit),
            pending as (
                insert into volume_period_pending (subscriber_id, offering_id, usage_type, tier_period, period_start)
                select distinct r.accumulator_id, r.offering_id, r.usage_type, r.tier_period, r.period_start
                from chunk r
                where %s
                  and not exists (select 1 from volume_period_final f where f.subscriber_id = r.accumulator_id
                      and f.offering_id = r.offering_id and f.usage_type = r.usage_type
                      and f.tier_period = r.tier_period and f.period_start = r.period_start and f.last_seq >= r.seq)
                on conflict do nothing)
            select count(*) as rows, coalesce(max(seq), :after) as last from chunk"""
            .formatted(RatedRecords.ACCUMULATOR_SUBSCRIBER, RatedRecords.IS_CURRENT);

    /**
     * The pending periods that have ended (a year that has ended began before this month too) and are not put off
     * after a failure: those that never failed first, each group oldest first.
     */
    static final String ENDED = """
            select subscriber_id, offering_id, usage_type, tier_period, period_start from volume_period_pending
            where period_start < :month and (tier_period = 'CALENDAR_MONTH' or period_start < :year)
              and %s
            order by %s, period_start
            limit :limit""".formatted(JobItems.notPutOff(JOB, ITEM_ID), JobItems.attempts(JOB, ITEM_ID));

    /** A period's volume-tier records, by the subscriber id they were accumulated under. */
    private static final String PERIOD_SELECTION = """
            from usage_rated r
            where %s = :subscriber and r.offering_id = :offering and r.usage_type = :type
              and r.tier_period = :period and r.period_start = :start and r.tier_mode = 'VOLUME'"""
            .formatted(RatedRecords.ACCUMULATOR_SUBSCRIBER);

    /**
     * A period's current volume-tier ratings, in arrival order. Only the volume-tier records are re-rated, and only
     * they are indexed for this ({@code usage_rated_volume_accumulator}, V95): by the subscriber id they were
     * accumulated under, whichever of the instance's identifiers the sender used.
     */
    static final String PERIOD_RATINGS = "select " + RatedRecords.COLUMNS + "\n" + PERIOD_SELECTION
            + " and " + RatedRecords.IS_CURRENT + "\norder by r.arrival_order, r.seq";

    /** Up to which sequence a period is made final: its last volume-tier record's. */
    static final String PERIOD_LAST_SEQ = "select coalesce(max(r.seq), 0)\n" + PERIOD_SELECTION;

    /** Finalises the periods that ended before {@code now}; answers how many records were reversed. */
    int finaliseEndedBefore(Instant now) {
        scanRatedSinceLastRun();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<AccumulatorKey> periods = jdbc.sql(ENDED)
                .param("month", today.withDayOfMonth(1)).param("year", today.withDayOfYear(1))
                .param("limit", PERIODS_PER_ROUND)
                .query((rs, n) -> new AccumulatorKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        TierPeriod.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class))).list();
        int reversed = jobItems.each(JOB, periods, VolumePeriodFinaliser::itemId, this::finalise).changed();
        if (reversed > 0) {
            log.info("Volume tiers made final in {} periods: {} records reversed and rated at their final tier",
                    periods.size(), reversed);
        }
        return reversed;
    }

    /** Moves the cursor over everything rated since the last run, in chunks of their own transaction. */
    private void scanRatedSinceLastRun() {
        long scanned;
        do {
            scanned = transactions.execute(status -> {
                long after = jdbc.sql("select last_seq from volume_finalisation_cursor for update")
                        .query(Long.class).single();
                Map<String, Object> chunk = jdbc.sql(SCAN).param("after", after).param("limit", SCAN_CHUNK)
                        .query().singleRow();
                long last = ((Number) chunk.get("last")).longValue();
                if (last > after) {
                    jdbc.sql("update volume_finalisation_cursor set last_seq = :last").param("last", last).update();
                }
                return ((Number) chunk.get("rows")).longValue();
            });
        } while (scanned == SCAN_CHUNK);
    }

    private int finalise(AccumulatorKey period) {
        // the accumulator row first, as every writer of this subscriber's period does; it holds the period's total
        // over all its current records (whatever their price's tier mode), which decides the final tier
        List<BigDecimal> total = jdbc.sql("""
                        select quantity from tier_accumulator where subscriber_id = :subscriber
                          and offering_id = :offering and usage_type = :type and tier_period = :period
                          and period_start = :start for update""")
                .param("subscriber", period.subscriberId()).param("offering", period.offeringId())
                .param("type", period.usageType()).param("period", period.period().name())
                .param("start", period.periodStart()).query(BigDecimal.class).list();
        if (total.isEmpty()) {
            // every provisional rating moved its accumulator in its own transaction: the rows are inconsistent
            throw new IllegalStateException("the period has no tier accumulator row, so its total is unknown");
        }
        List<CurrentRating> current = jdbc.sql(PERIOD_RATINGS)
                .param("subscriber", period.subscriberId()).param("offering", period.offeringId())
                .param("type", period.usageType()).param("period", period.period().name())
                .param("start", period.periodStart()).query((rs, n) -> records.read(rs)).list();
        Map<String, CurrentRating> byUsage = new HashMap<>();
        List<RatedUsage> asFirstRatings = new ArrayList<>(current.size());
        for (CurrentRating rating : current) {
            byUsage.put(usageKey(rating.rated()), rating);
            asFirstRatings.add(asProvisional(rating.rated()));
        }
        VolumeRerating result = new RatingEngine(model.snapshot(), clock, RerateWorker.ANY_AGE)
                .rerateVolumePeriod(asFirstRatings, total.getFirst());
        List<Corrections.Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < result.reversals().size(); i++) {
            RatedUsage reversal = result.reversals().get(i);
            replacements.add(new Corrections.Replacement(byUsage.get(usageKey(reversal)), reversal,
                    result.finals().get(i)));
        }
        corrections.apply(replacements);
        long lastSeq = jdbc.sql(PERIOD_LAST_SEQ)
                .param("subscriber", period.subscriberId()).param("offering", period.offeringId())
                .param("type", period.usageType()).param("period", period.period().name())
                .param("start", period.periodStart()).query(Long.class).single();
        jdbc.sql("""
                        insert into volume_period_final (subscriber_id, offering_id, usage_type, tier_period,
                                                         period_start, last_seq, reversed, finalised_at)
                        values (:subscriber, :offering, :type, :period, :start, :seq, :reversed, :now)
                        on conflict (subscriber_id, offering_id, usage_type, tier_period, period_start) do update
                        set last_seq = excluded.last_seq, reversed = volume_period_final.reversed + excluded.reversed,
                            finalised_at = excluded.finalised_at""")
                .param("subscriber", period.subscriberId()).param("offering", period.offeringId())
                .param("type", period.usageType()).param("period", period.period().name())
                .param("start", period.periodStart()).param("seq", lastSeq).param("reversed", replacements.size())
                .param("now", Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                        delete from volume_period_pending where subscriber_id = :subscriber and offering_id = :offering
                          and usage_type = :type and tier_period = :period and period_start = :start""")
                .param("subscriber", period.subscriberId()).param("offering", period.offeringId())
                .param("type", period.usageType()).param("period", period.period().name())
                .param("start", period.periodStart()).update();
        return replacements.size();
    }

    /** The period's id in {@code job_item_failure}: its key's columns joined by '|' ({@link #ITEM_ID}). */
    static String itemId(AccumulatorKey period) {
        return String.join("|", period.subscriberId(), period.offeringId(), period.usageType(), period.period().name(),
                period.periodStart().toString());
    }

    /**
     * The engine finalises first ratings of a period; a period's current ratings are those and earlier finals or
     * re-ratings, each of which must end at the final tier too: every volume-priced one is handed over as a
     * provisional first rating (a wholesale-priced one carries no tiers and stays as it is).
     */
    private static RatedUsage asProvisional(RatedUsage rated) {
        TierUsage tiers = rated.tiers();
        boolean tiered = tiers.mode() == TierMode.VOLUME && !tiers.portions().isEmpty();
        return new RatedUsage(rated.usage(), RatedUsage.Kind.RATED, rated.billedQuantity(), rated.billedUnit(),
                rated.charge(), rated.parties(), rated.margin(), rated.allocation(), rated.basis(),
                new TierUsage(tiers.mode(), tiers.portions(), tiered, tiers.accumulator(), tiers.accumulatorBefore(),
                        tiers.accumulatorAfter()));
    }

    private static String usageKey(RatedUsage rated) {
        return rated.usage().source() + '\u0000' + rated.usage().usageId();
    }
}
