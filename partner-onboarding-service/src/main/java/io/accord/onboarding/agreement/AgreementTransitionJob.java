package io.accord.onboarding.agreement;

import io.accord.platform.scheduling.RoundJob;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.Optional;

/**
 * Applies due agreement transitions every {@code transition-interval}. Every replica schedules it; the platform's
 * ShedLock lets one run at a time cluster-wide and the others skip that round. Each partner's transitions run in
 * their own transaction ({@link AgreementService#applyDueTransitions}): one partner that cannot be transitioned is
 * put off and listed at {@code GET /api/onboarding/admin/jobs/failures}, the others go on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgreementProperties.class)
class AgreementTransitionJob extends RoundJob {

    /** The job's lock name in the {@code shedlock} table. */
    static final String LOCK = "onboarding-agreement-transitions";

    AgreementTransitionJob(AgreementService service, Clock clock) {
        super(clock, new Step("Applied {} due agreement transition(s)", service::applyDueTransitions));
    }

    /** One scheduled round: how many transitions it applied, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.onboarding.agreement.transition-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> applyDueTransitions() {
        return scheduledRound();
    }
}
