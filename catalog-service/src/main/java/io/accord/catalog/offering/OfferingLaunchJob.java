package io.accord.catalog.offering;

import io.accord.platform.scheduling.JobItems;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Launches approved offerings whose launch date has come, every {@code launch-interval}. Every replica schedules it;
 * ShedLock lets one run at a time cluster-wide. Each offering launches in its own transaction ({@link JobItems}): one
 * whose launch fails (a definition that cannot be read, a price that cannot be mapped) rolls back alone, is put off
 * and listed at {@code GET /api/catalog/admin/jobs/failures}, and stops no other launch.
 */
@Component
class OfferingLaunchJob {

    static final String LOCK = "catalog-offering-launch";
    private static final Logger log = LoggerFactory.getLogger(OfferingLaunchJob.class);

    private final ProductOfferingRepository offerings;
    private final OfferingLifecycle lifecycle;
    private final JobItems jobItems;
    private final Clock clock;

    OfferingLaunchJob(ProductOfferingRepository offerings, OfferingLifecycle lifecycle, JobItems jobItems,
                      Clock clock) {
        this.offerings = offerings;
        this.lifecycle = lifecycle;
        this.jobItems = jobItems;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.catalog.launch-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> launchDue() {
        return Optional.of(runOnce(clock.instant()));
    }

    /**
     * One round at {@code now}: how many offerings it launched. The due ids are read without a transaction; each
     * offering is then locked, checked again and launched in a transaction of its own.
     */
    int runOnce(Instant now) {
        List<UUID> due = offerings.dueForLaunch(now);
        int launched = jobItems.each(LOCK, due, id -> id, id -> launch(id, now)).changed();
        if (launched > 0) {
            log.info("Launched {} offering(s) whose launch date came", launched);
        }
        return launched;
    }

    /** Launches the offering if it is still due and free: 1 if it launched, 0 if it was left alone. */
    private int launch(UUID id, Instant now) {
        return offerings.lockIfDueForLaunch(id, now).map(offering -> {
            lifecycle.launch(offering, now);
            return 1;
        }).orElse(0);
    }
}
