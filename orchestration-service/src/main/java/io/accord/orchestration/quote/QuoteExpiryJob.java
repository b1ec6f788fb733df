package io.accord.orchestration.quote;

import io.accord.platform.scheduling.RoundJob;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Expires open quotes whose validity ended; one replica at a time (ShedLock). Each quote in its own transaction
 * ({@link QuoteService#expireDue}): one that cannot be expired is put off alone and the others expire.
 */
@Component
class QuoteExpiryJob extends RoundJob {

    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String LOCK = "quote-expiry";

    QuoteExpiryJob(QuoteService quotes, Clock clock) {
        super(clock, new Step("Expired {} quote(s) whose validity ended", quotes::expireDue));
    }

    /** One scheduled round: how many quotes expired, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.orchestration.quote.expiry-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> expireDue() {
        return scheduledRound();
    }
}
