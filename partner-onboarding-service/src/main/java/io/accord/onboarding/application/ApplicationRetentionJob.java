package io.accord.onboarding.application;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Erases the contacts and personal documents of applications rejected longer than
 * {@code accord.onboarding.retention.applications.after-rejection} ago, and expires (erasing the same) those waiting
 * for their applicant without a change for longer than {@code after-inactivity}, every {@code interval}. Every replica
 * schedules it; ShedLock lets one run at a time cluster-wide.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApplicationRetentionProperties.class)
class ApplicationRetentionJob {

    /** The job's lock name in the {@code shedlock} table (and its name in {@code job_item_failure}). */
    static final String LOCK = "onboarding-application-retention";
    private static final Logger log = LoggerFactory.getLogger(ApplicationRetentionJob.class);

    private final ApplicationErasure erasure;
    private final Clock clock;

    ApplicationRetentionJob(ApplicationErasure erasure, Clock clock) {
        this.erasure = erasure;
        this.clock = clock;
    }

    /** One scheduled round: how many applications it erased or expired, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.onboarding.retention.applications.interval:1h}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> eraseDue() {
        return Optional.of(runOnce(clock.instant()));
    }

    /** One round at {@code now}, whoever holds the lock. */
    int runOnce(Instant now) {
        int erased = erasure.eraseDue(now);
        if (erased > 0) {
            log.info("Erased the contacts of {} application(s) rejected before the retention", erased);
        }
        int expired = erasure.expireInactive(now);
        if (expired > 0) {
            log.info("Expired {} application(s) left alone by their applicants longer than the retention, their"
                    + " contacts erased", expired);
        }
        return erased + expired;
    }
}
