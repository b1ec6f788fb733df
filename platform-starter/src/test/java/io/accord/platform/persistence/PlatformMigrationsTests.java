package io.accord.platform.persistence;

import io.accord.platform.StarterTestApplication;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.exception.FlywayValidateException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        new PlatformMigrations(null, false).migrate(service);

        long applied = jdbc.sql("select count(*) from " + schema + "." + PlatformMigrations.HISTORY_TABLE
                + " where success and version <> '0'").query(Long.class).single();
        assertThat(applied).isEqualTo(platformScripts());
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = ?"
                + " and table_name in ('outbox_event', 'audit_event')").param(schema).query(Long.class).single())
                .isEqualTo(2);
        jdbc.sql("drop schema " + schema + " cascade").update();
    }

    /**
     * With the migration Job, a replica only validates: it refuses to start while the schema lacks a migration of
     * its release (the Job did not run) and migrates nothing itself; a replica of the previous release still starts
     * on the newer schema (a rollout in progress).
     */
    @Test
    void validatingRefusesAPendingMigrationMigratesNothingAndAcceptsANewerSchema() {
        String schema = "starter_validation_" + UUID.randomUUID().toString().replace("-", "");
        Flyway previousRelease = service(schema, "classpath:db/migrate-only");
        Flyway nextRelease = service(schema, "classpath:db/migrate-only", "classpath:db/migrate-only-next");
        new PlatformMigrations(null, false).migrate(previousRelease);

        assertThatThrownBy(() -> new PlatformMigrations(null, true).migrate(nextRelease))
                .isInstanceOf(FlywayValidateException.class).hasMessageContaining("not applied to database: 2");
        assertThat(authorColumns(schema)).isZero();

        new PlatformMigrations(null, false).migrate(nextRelease);
        assertThat(authorColumns(schema)).isOne();
        new PlatformMigrations(null, true).migrate(nextRelease);
        new PlatformMigrations(null, true).migrate(previousRelease);
        jdbc.sql("drop schema " + schema + " cascade").update();
    }

    private Flyway service(String schema, String... locations) {
        // as the starter's defaults configure a service's Flyway (the starter's tables are there first)
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations(locations)
                .baselineOnMigrate(true).baselineVersion("0").load();
    }

    private long authorColumns(String schema) {
        return jdbc.sql("select count(*) from information_schema.columns where table_schema = ?"
                + " and table_name = 'release_note' and column_name = 'author'").param(schema)
                .query(Long.class).single();
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
