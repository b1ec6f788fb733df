package io.accord.rating.model;

import io.accord.rating.engine.RatingSnapshot;
import io.accord.rating.model.SnapshotBuilder.Built;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The read models rating rates against, as one immutable {@link RatingSnapshot}: the usage price versions
 * ({@code catalog.events.v1}), agreement versions ({@code partner.events.v1}) and product instances
 * ({@code order.events.v1}) held in rating's tables. Loaded from the tables at start-up and rebuilt off the consumer
 * threads after changes, coalesced: a burst of events makes one rebuild. Changes another replica committed are
 * picked up by polling the tables' revision. docs/rating-read-models.md.
 */
@Service
public class RatingModel {

    private static final Logger log = LoggerFactory.getLogger(RatingModel.class);
    private static final Built EMPTY = new Built(new RatingSnapshot(List.of(), List.of(), List.of()), -1, -1, 0, 0,
            0, 0, List.of());

    private final ModelRows rows;
    private final ModelStore store;
    private final Clock clock;
    private final Duration debounce;
    private final Duration fullBuildEvery;
    private final int maxChangedProducts;
    private final ScheduledExecutorService rebuilds;
    /** The next rebuild, while it has not started, and when it is due ({@link System#nanoTime}); under {@link #rebuilt}. */
    private ScheduledFuture<?> scheduled;
    private long scheduledDue;
    private final Object rebuilt = new Object();
    private volatile Current current;
    /**
     * How long the last full build and the last derivation took: the next of each waits at least as long after a
     * change, so rebuilding takes at most about half a core.
     */
    private volatile Duration lastFullBuild = Duration.ZERO;
    private volatile Duration lastDerivation = Duration.ZERO;

    /**
     * What the model holds now: the snapshot, its number, when and from which revision it was built, and when it or
     * the one it was derived from was built from all rows.
     */
    record Current(Built built, long version, Instant builtAt, Instant fullyBuiltAt) {
    }

    RatingModel(ModelRows rows, ModelStore store, Clock clock, RatingModelProperties properties) {
        this.rows = rows;
        this.store = store;
        this.clock = clock;
        this.debounce = properties.debounce();
        this.fullBuildEvery = properties.fullBuildEvery();
        this.maxChangedProducts = properties.maxChangedProducts();
        this.current = new Current(EMPTY, 0, clock.instant(), clock.instant());
        this.rebuilds = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("rating-model-rebuild").factory());
        rebuild();
        long poll = properties.pollInterval().toMillis();
        rebuilds.scheduleWithFixedDelay(this::pollRevision, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** The current snapshot (never null; empty before anything is known). */
    public RatingSnapshot snapshot() {
        return current.built().snapshot();
    }

    /** Increases with every rebuilt snapshot. */
    public long version() {
        return current.version();
    }

    /**
     * Blocks up to timeout until the snapshot reflects every event committed so far; true if it does. For tests and
     * the pipeline's recycle.
     */
    public boolean awaitCurrent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target;
        try {
            target = store.revision();
        } catch (RuntimeException unavailable) {
            log.warn("Cannot read the rating model's revision: {}", unavailable.getMessage());
            return false;
        }
        synchronized (rebuilt) {
            while (current.built().revision() < target) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                requestRebuild(Duration.ZERO);
                try {
                    TimeUnit.NANOSECONDS.timedWait(rebuilt, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(100)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether rating's read models know the partner: an agreement of it (any version, in force or not) or an offering
     * it owns. Reads the tables, not the snapshot, so that an agreement never in force counts too.
     */
    public boolean knowsPartner(String partnerId) {
        return store.knowsPartner(partnerId);
    }

    /** Whether rating's read models know the offering (its catalog events or a usage price of it). */
    public boolean knowsOffering(String offeringId) {
        return store.knowsOffering(offeringId);
    }

    /** The usage types a usage price version of the offering names (any version, past or present), sorted. */
    public java.util.SortedSet<String> usageTypesPriced(String offeringId) {
        return store.usageTypesPriced(offeringId);
    }

    /** Whether a rebuild is scheduled and has not started yet. */
    boolean rebuildScheduled() {
        synchronized (rebuilt) {
            return scheduled != null;
        }
    }

    /** What the model holds now, for ops. */
    Current current() {
        return current;
    }

    /**
     * A change of prices, offerings or agreements was committed: rebuild soon, once for however many follow within
     * the debounce time (or within the last full build's duration, when that is longer: a large model is rebuilt
     * from all rows less often rather than constantly).
     */
    void changed() {
        requestRebuild(atLeastDebounce(lastFullBuild));
    }

    /**
     * A change of product instances was committed: derive the next snapshot soon, once for however many follow within
     * the debounce time (or the last derivation's duration, when that is longer). This also brings forward a rebuild
     * scheduled later, so that an order's product is rated within about the debounce time.
     */
    void productsChanged() {
        requestRebuild(atLeastDebounce(lastDerivation));
    }

    private Duration atLeastDebounce(Duration last) {
        return last.compareTo(debounce) > 0 ? last : debounce;
    }

    /** Schedules a rebuild after {@code delay}, unless one is due sooner; brings a later one forward. */
    private void requestRebuild(Duration delay) {
        long due = System.nanoTime() + delay.toNanos();
        synchronized (rebuilt) {
            if (scheduled != null) {
                if (due - scheduledDue >= 0 || !scheduled.cancel(false)) {
                    return; // due sooner anyway, or starting now: it reads what is committed by then
                }
            }
            try {
                scheduled = rebuilds.schedule(this::rebuild, delay.toNanos(), TimeUnit.NANOSECONDS);
                scheduledDue = due;
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                scheduled = null;
            }
        }
    }

    private void pollRevision() {
        try {
            ModelRows.Revisions revisions = rows.revisions();
            SnapshotBuilder.Built built = current.built();
            if (revisions.structureRevision() != built.structureRevision()) {
                changed();
            } else if (revisions.revision() != built.revision()) {
                productsChanged();
            }
        } catch (RuntimeException unavailable) {
            log.warn("Cannot read the rating model's revision: {}", unavailable.getMessage());
        }
    }

    /** On the rebuild thread only (and once in the constructor, before that thread has work). */
    private void rebuild() {
        // cleared before reading, so that a change committed during the read schedules the next rebuild
        synchronized (rebuilt) {
            scheduled = null;
        }
        try {
            long started = System.nanoTime();
            Current before = current;
            // events that changed nothing (other types, stale ones) count no revision: no need to read every row
            if (store.revision() != before.built().revision()) {
                Instant now = clock.instant();
                Optional<Built> derived = derive(before, now);
                Built built = derived.orElseGet(() -> SnapshotBuilder.build(rows));
                current = new Current(built, before.version() + 1, now,
                        derived.isPresent() ? before.fullyBuiltAt() : now);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (derived.isPresent()) {
                    lastDerivation = took;
                } else {
                    lastFullBuild = took;
                }
                log.info("Rating snapshot {} {} revision {} in {} ms: {} products, {} prices, {} agreements{}",
                        current.version(), derived.isPresent() ? "derived with the product changes up to"
                                : "built from all rows of", built.revision(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), built.products(),
                        built.prices(), built.agreements(),
                        built.problemCount() == 0 ? "" : ", " + built.problemCount() + " rows left out");
            }
        } catch (RuntimeException failed) {
            log.error("Rebuilding the rating snapshot failed; the previous one stays in use", failed);
        }
        synchronized (rebuilt) {
            rebuilt.notifyAll();
        }
    }

    /**
     * The current snapshot with the product instances changed since, when only those changed, not too many, and the
     * last build from all rows is recent; empty when the snapshot is to be built from all rows.
     */
    private Optional<Built> derive(Current before, Instant now) {
        Built previous = before.built();
        if (previous.revision() < 0 || !now.isBefore(before.fullyBuiltAt().plus(fullBuildEvery))) {
            return Optional.empty();
        }
        try {
            ModelRows.ProductChanges changes = rows.productsChangedAfter(previous.revision(), maxChangedProducts);
            return changes.products() == null ? Optional.empty() : SnapshotBuilder.update(previous, changes);
        } catch (RuntimeException failed) {
            log.warn("Could not apply the changed product instances to the rating snapshot; building it from all "
                    + "rows instead", failed);
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        rebuilds.shutdownNow();
    }
}
