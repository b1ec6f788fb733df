package io.accord.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * Scheduled jobs that must run on one replica at a time: annotate the {@code @Scheduled} method with
 * {@code @SchedulerLock(name = "...")} (a name unique among the service's jobs). Every replica schedules the job;
 * the one that takes the row of that name in the {@code shedlock} table runs it, the others skip that round.
 *
 * <p>Lock times are the database's ({@code usingDbTime()}), so replicas with skewed clocks still agree. A lock is
 * held at most {@value #DEFAULT_LOCK_AT_MOST_FOR} unless the job says otherwise: long enough for any run, short
 * enough that a replica killed mid-run does not stop the job for long.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = SchedulingConfiguration.DEFAULT_LOCK_AT_MOST_FOR)
public class SchedulingConfiguration {

    public static final String DEFAULT_LOCK_AT_MOST_FOR = "PT10M";

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
