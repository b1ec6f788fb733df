package io.accord.onboarding.agreement;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies due agreement transitions every {@code transition-interval}. Every replica schedules it; the platform's
 * ShedLock lets one run at a time cluster-wide and the others skip that round.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgreementProperties.class)
class AgreementTransitionJob {

    /** The job's lock name in the {@code shedlock} table. */
    static final String LOCK = "onboarding-agreement-transitions";
    private static final Logger log = LoggerFactory.getLogger(AgreementTransitionJob.class);

    private final AgreementService service;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AgreementTransitionJob(AgreementService service, PlatformTransactionManager transactions, Clock clock) {
        this.service = service;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One scheduled round: how many transitions it applied, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.onboarding.agreement.transition-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> applyDueTransitions() {
        return Optional.of(runOnce(clock.instant()));
    }

    /** One round at {@code now} in one transaction, whoever holds the lock: how many transitions it applied. */
    int runOnce(Instant now) {
        Integer applied = transactions.execute(status -> service.applyDueTransitions(now));
        if (applied != null && applied > 0) {
            log.info("Applied {} due agreement transition(s)", applied);
        }
        return applied == null ? 0 : applied;
    }
}
