package io.accord.orchestration.quote;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Expires open quotes whose validity ended; one replica at a time (ShedLock). Each quote in its own transaction
 * ({@link QuoteService#expireDue}): one that cannot be expired is put off alone and the others expire.
 */
@Component
class QuoteExpiryJob {

    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String LOCK = "quote-expiry";

    private static final Logger log = LoggerFactory.getLogger(QuoteExpiryJob.class);

    private final QuoteService quotes;
    private final Clock clock;

    QuoteExpiryJob(QuoteService quotes, Clock clock) {
        this.quotes = quotes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.orchestration.quote.expiry-interval:1m}")
    @SchedulerLock(name = LOCK)
    void expireDue() {
        runOnce(clock.instant());
    }

    /** One round at {@code now}: how many quotes expired. */
    int runOnce(Instant now) {
        int expired = quotes.expireDue(now);
        if (expired > 0) {
            log.info("Expired {} quote(s) whose validity ended", expired);
        }
        return expired;
    }
}
