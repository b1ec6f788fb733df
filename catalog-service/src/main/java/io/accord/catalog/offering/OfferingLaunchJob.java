package io.accord.catalog.offering;

import io.accord.platform.scheduling.JobItems;
import io.accord.platform.scheduling.RoundJob;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Launches approved offerings whose launch date has come, every {@code launch-interval}. Every replica schedules it;
 * ShedLock lets one run at a time cluster-wide. The due ids are read without a transaction; each offering is then
 * locked, checked again and launched in a transaction of its own ({@link JobItems}): one whose launch fails (a
 * definition that cannot be read, a price that cannot be mapped) rolls back alone, is put off and listed at
 * {@code GET /api/catalog/admin/jobs/failures}, and stops no other launch.
 */
@Component
class OfferingLaunchJob extends RoundJob {

    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String LOCK = "catalog-offering-launch";

    OfferingLaunchJob(ProductOfferingRepository offerings, OfferingLifecycle lifecycle, JobItems jobItems,
                      Clock clock) {
        super(clock, new Step("Launched {} offering(s) whose launch date came", now -> jobItems.each(LOCK,
                offerings.dueForLaunch(now), id -> id, id -> launch(offerings, lifecycle, id, now)).changed()));
    }

    /** One scheduled round: how many offerings it launched, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.catalog.launch-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> launchDue() {
        return scheduledRound();
    }

    /** Launches the offering if it is still due and free: 1 if it launched, 0 if it was left alone. */
    private static int launch(ProductOfferingRepository offerings, OfferingLifecycle lifecycle, UUID id,
                              Instant now) {
        return offerings.lockIfDueForLaunch(id, now).map(offering -> {
            lifecycle.launch(offering, now);
            return 1;
        }).orElse(0);
    }
}
