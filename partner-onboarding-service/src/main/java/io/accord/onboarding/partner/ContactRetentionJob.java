package io.accord.onboarding.partner;

import io.accord.platform.scheduling.RoundJob;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.Optional;

/**
 * Erases the contacts of partners terminated longer than {@code accord.onboarding.retention.contacts-after-termination}
 * ago, every {@code erasure-interval}. Every replica schedules it; ShedLock lets one run at a time cluster-wide.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class ContactRetentionJob extends RoundJob {

    /** The job's lock name in the {@code shedlock} table (and its name in {@code job_item_failure}). */
    static final String LOCK = "onboarding-contact-retention";

    ContactRetentionJob(ContactErasure erasure, Clock clock) {
        super(clock, new Step("Erased the personal data of {} contact(s) of partners terminated before the retention",
                erasure::eraseDue));
    }

    /** One scheduled round: how many contacts it erased, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.onboarding.retention.erasure-interval:1h}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> eraseDue() {
        return scheduledRound();
    }
}
