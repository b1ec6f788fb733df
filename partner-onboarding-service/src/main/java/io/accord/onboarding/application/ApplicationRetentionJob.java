package io.accord.onboarding.application;

import io.accord.platform.scheduling.RoundJob;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.Optional;

/**
 * Erases the contacts and personal documents of applications rejected longer than
 * {@code accord.onboarding.retention.applications.after-rejection} ago, and expires (erasing the same) those waiting
 * for their applicant without a change for longer than {@code after-inactivity}, every {@code interval}. Every replica
 * schedules it; ShedLock lets one run at a time cluster-wide.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApplicationRetentionProperties.class)
class ApplicationRetentionJob extends RoundJob {

    /** The job's lock name in the {@code shedlock} table (and its name in {@code job_item_failure}). */
    static final String LOCK = "onboarding-application-retention";

    ApplicationRetentionJob(ApplicationErasure erasure, Clock clock) {
        super(clock,
                new Step("Erased the contacts of {} application(s) rejected before the retention", erasure::eraseDue),
                new Step("Expired {} application(s) left alone by their applicants longer than the retention, their"
                        + " contacts erased", erasure::expireInactive));
    }

    /** One scheduled round: how many applications it erased or expired, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.onboarding.retention.applications.interval:1h}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> eraseDue() {
        return scheduledRound();
    }
}
