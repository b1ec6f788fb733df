package io.accord.platform.persistence;

import io.accord.platform.StarterTestApplication;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's migrations run from their own location, whatever the service's Flyway was configured with. */
@StarterTestApplication.Test
class PlatformMigrationsTests {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PlatformMigrationsTests(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * With Spring AOT, Spring Boot gives the service's Flyway a resource provider that lists only the service's
     * scripts; the starter's history must still be migrated from {@code db/platform}.
     */
    @Test
    void migratesTheStarterTablesEvenWhenTheServiceHasItsOwnResourceProvider() {
        String schema = "starter_migrations_" + UUID.randomUUID().toString().replace("-", "");
        Flyway service = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/no-such-service")
                .baselineOnMigrate(true)
                .resourceProvider(new OnlyTheServiceScripts())
                .load();

        new PlatformMigrations(null).migrate(service);

        long applied = jdbc.sql("select count(*) from " + schema + "." + PlatformMigrations.HISTORY_TABLE
                + " where success and version <> '0'").query(Long.class).single();
        assertThat(applied).isEqualTo(platformScripts());
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = ?"
                + " and table_name in ('outbox_event', 'audit_event')").param(schema).query(Long.class).single())
                .isEqualTo(2);
        jdbc.sql("drop schema " + schema + " cascade").update();
    }

    private static long platformScripts() {
        try (var scripts = Files.list(Path.of(PlatformMigrations.class.getResource("/db/platform").toURI()))) {
            return scripts.filter(path -> path.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service without scripts of its own, as Spring Boot's AOT resource provider lists them. */
    private static final class OnlyTheServiceScripts implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return List.of();
        }
    }
}
