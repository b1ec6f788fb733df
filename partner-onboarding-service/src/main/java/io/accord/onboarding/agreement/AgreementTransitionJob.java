package io.accord.onboarding.agreement;

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
 * Applies due agreement transitions every {@code transition-interval}. Every replica schedules it; the platform's
 * ShedLock lets one run at a time cluster-wide and the others skip that round. Each partner's transitions run in
 * their own transaction ({@link AgreementService#applyDueTransitions}): one partner that cannot be transitioned is
 * put off and listed at {@code GET /api/onboarding/admin/jobs/failures}, the others go on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgreementProperties.class)
class AgreementTransitionJob {

    /** The job's lock name in the {@code shedlock} table. */
    static final String LOCK = "onboarding-agreement-transitions";
    private static final Logger log = LoggerFactory.getLogger(AgreementTransitionJob.class);

    private final AgreementService service;
    private final Clock clock;

    AgreementTransitionJob(AgreementService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** One scheduled round: how many transitions it applied, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.onboarding.agreement.transition-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> applyDueTransitions() {
        return Optional.of(runOnce(clock.instant()));
    }

    /** One round at {@code now}, whoever holds the lock: how many transitions it applied. */
    int runOnce(Instant now) {
        int applied = service.applyDueTransitions(now);
        if (applied > 0) {
            log.info("Applied {} due agreement transition(s)", applied);
        }
        return applied;
    }
}
