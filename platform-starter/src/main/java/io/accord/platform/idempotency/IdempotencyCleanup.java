package io.accord.platform.idempotency;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes expired keys in small batches, so no transaction holds many locks. One replica at a time (ShedLock):
 * expired keys are only garbage, one replica deletes them as fast as several would.
 */
class IdempotencyCleanup {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyStore store;

    IdempotencyCleanup(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${accord.platform.idempotency.cleanup-interval:5m}",
            initialDelayString = "${accord.platform.idempotency.cleanup-interval:5m}")
    @SchedulerLock(name = "platform-idempotency-cleanup")
    void deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteExpired(BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} expired idempotency keys", total);
        }
    }
}
