package io.accord.catalog.offering;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Launches approved offerings whose launch date has come, every {@code launch-interval}. Every replica schedules it;
 * ShedLock lets one run at a time cluster-wide.
 */
@Component
class OfferingLaunchJob {

    static final String LOCK = "catalog-offering-launch";
    private static final Logger log = LoggerFactory.getLogger(OfferingLaunchJob.class);

    private final ProductOfferingRepository offerings;
    private final OfferingLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfferingLaunchJob(ProductOfferingRepository offerings, OfferingLifecycle lifecycle,
                      PlatformTransactionManager transactions, Clock clock) {
        this.offerings = offerings;
        this.lifecycle = lifecycle;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.catalog.launch-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> launchDue() {
        return Optional.of(runOnce(clock.instant()));
    }

    /** One round at {@code now}, in one transaction: how many offerings it launched. */
    int runOnce(Instant now) {
        Integer launched = transactions.execute(status -> {
            var due = offerings.findAllById(offerings.dueForLaunch(now));
            due.forEach(offering -> lifecycle.launch(offering, now));
            return due.size();
        });
        if (launched != null && launched > 0) {
            log.info("Launched {} offering(s) whose launch date came", launched);
        }
        return launched == null ? 0 : launched;
    }
}
