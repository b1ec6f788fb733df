package io.accord.onboarding.agreement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Applies due agreement transitions every {@code transition-interval}. Every replica schedules it; a transaction
 * advisory lock lets one run at a time cluster-wide and the others skip that round.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgreementProperties.class)
class AgreementTransitionJob implements SchedulingConfigurer {

    /** The advisory lock key of this job ("agrmnt" in ASCII); unique among Accord's jobs. */
    static final long LOCK_KEY = 0x6167726d6e74L;
    private static final Logger log = LoggerFactory.getLogger(AgreementTransitionJob.class);

    private final AgreementService service;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgreementProperties properties;
    private final Clock clock = Timestamps.CLOCK;

    AgreementTransitionJob(AgreementService service, JdbcClient jdbc, PlatformTransactionManager transactions,
                           AgreementProperties properties) {
        this.service = service;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> runOnce(clock.instant()), properties.transitionInterval());
    }

    /** One round at {@code now}: how many transitions it applied, or empty if another replica holds the lock. */
    OptionalInt runOnce(Instant now) {
        OptionalInt applied = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                    .query(Boolean.class).single();
            return Boolean.TRUE.equals(locked) ? OptionalInt.of(service.applyDueTransitions(now))
                    : OptionalInt.empty();
        });
        if (applied != null && applied.isPresent() && applied.getAsInt() > 0) {
            log.info("Applied {} due agreement transition(s)", applied.getAsInt());
        }
        return applied == null ? OptionalInt.empty() : applied;
    }
}
