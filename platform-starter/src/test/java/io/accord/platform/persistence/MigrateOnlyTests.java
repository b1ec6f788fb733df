package io.accord.platform.persistence;

import io.accord.infra.DatabaseRoles;
import io.accord.testsupport.AccordTestInitializer;
import io.accord.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Helm chart's migration Job runs a service's image with {@code accord.platform.migrations.mode=migrate-only}:
 * the database is migrated as at a normal start, the service itself (web server, consumers, jobs) never starts,
 * and nothing is left running that would keep the process from ending.
 */
class MigrateOnlyTests {

    private static final String DATABASE = "test_migrate_only";

    @Test
    void migratesTheDatabaseAndEndsWithoutStartingTheService() {
        List<String> args = new ArrayList<>(List.of("--accord.platform.migrations.mode=migrate-only",
                "--spring.application.name=migrate-only", "--spring.flyway.locations=classpath:db/migrate-only",
                "--server.port=0", "--spring.kafka.bootstrap-servers=127.0.0.1:1"));
        for (String property : AccordTestInitializer.databaseProperties(DATABASE)) {
            args.add("--" + property);
        }
        // after the test database has started
        Set<Thread> before = liveThreads();

        ConfigurableApplicationContext context = new SpringApplication(Service.class).run(args.toArray(String[]::new));

        assertThat(context.isActive()).as("closed once migrated").isFalse();
        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(Service.Consumer.CREATED).as("the service's consumer").isFalse();
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveThreads())
                .as("threads that would keep the JVM from exiting").isSubsetOf(before));
        DatabaseRoles roles = TestInfrastructure.roles(DATABASE);
        JdbcClient runtime = JdbcClient.create(new DriverManagerDataSource(TestInfrastructure.database(DATABASE),
                roles.runtime(), roles.runtimePassword()));
        // the service's table and the starter's, migrated by the owner and granted to the runtime role
        runtime.sql("insert into release_note (id, text) values (1, 'migrated')").update();
        assertThat(runtime.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
        // the replicas then validate the schema as that role, without the owner's credentials
        new PlatformMigrations(roles.runtime(), true).migrate(Flyway.configure()
                .dataSource(TestInfrastructure.database(DATABASE), roles.runtime(), roles.runtimePassword())
                .locations("classpath:db/migrate-only").load());
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    /** A service as the starter's users write one: auto-configured, with a consumer that starts with it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Service.Consumer.class)
    static class Service {

        /** Stands for a Kafka listener container, the outbox relay, a scheduler: started with the service. */
        static class Consumer implements SmartLifecycle {

            static final AtomicBoolean CREATED = new AtomicBoolean();
            private volatile boolean running;

            Consumer() {
                CREATED.set(true);
            }

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        }
    }
}
