package io.accord.platform.scheduling;

import io.accord.testsupport.TestInfrastructure;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (two application contexts with the starter's scheduling configuration) on one real PostgreSQL:
 * while one runs a {@code @SchedulerLock} job, the other skips it; once it is done, the other may run it.
 */
class ClusterWideJobTests {

    private DataSource dataSource;
    private AnnotationConfigApplicationContext replicaA;
    private AnnotationConfigApplicationContext replicaB;

    @BeforeEach
    void twoReplicas() {
        dataSource = new DriverManagerDataSource(TestInfrastructure.database("platform_scheduling"),
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        replicaA = replica();
        replicaB = replica();
    }

    @AfterEach
    void stop() {
        replicaA.close();
        replicaB.close();
    }

    @Test
    void aJobRunsOnOneReplicaAtATime() throws Exception {
        SlowJob jobOnA = replicaA.getBean(SlowJob.class);
        SlowJob jobOnB = replicaB.getBean(SlowJob.class);
        Progress onA = replicaA.getBean(Progress.class);
        Progress onB = replicaB.getBean(Progress.class);
        CompletableFuture<Optional<String>> runOnA = CompletableFuture.supplyAsync(jobOnA::run);
        assertThat(onA.started.await(10, TimeUnit.SECONDS)).as("A started the job").isTrue();

        assertThat(jobOnB.run()).as("B while A runs").isEmpty();
        assertThat(onB.runs).hasValue(0);
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from shedlock where name = :name"
                + " and lock_until > timezone('utc', now())").param("name", SlowJob.LOCK).query(Long.class).single())
                .isEqualTo(1L);

        onA.release.countDown();
        assertThat(runOnA.get(10, TimeUnit.SECONDS)).contains("done");
        onB.release.countDown();
        assertThat(jobOnB.run()).as("B after A finished").contains("done");
        assertThat(onA.runs).hasValue(1);
        assertThat(onB.runs).hasValue(1);
    }

    private AnnotationConfigApplicationContext replica() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(SchedulingConfiguration.class, Jobs.class);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        Progress progress() {
            return new Progress();
        }

        @Bean
        SlowJob slowJob(Progress progress) {
            return new SlowJob(progress);
        }
    }

    static class Progress {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
    }

    /** Runs until released; returns empty when it was skipped because another replica held the lock. */
    static class SlowJob {

        static final String LOCK = "test-slow-job";

        private final Progress progress;

        SlowJob(Progress progress) {
            this.progress = progress;
        }

        @SchedulerLock(name = LOCK, lockAtMostFor = "PT1M")
        Optional<String> run() {
            progress.runs.incrementAndGet();
            progress.started.countDown();
            try {
                return progress.release.await(10, TimeUnit.SECONDS) ? Optional.of("done") : Optional.of("timed out");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
    }
}
