package io.accord.platform.persistence;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the starter's own tables (outbox, inbox, audit, idempotency keys) with their own history table, then
 * the service's migrations. Two histories keep the starter's versions independent of each service's
 * {@code V1__...}.
 */
class PlatformMigrations implements FlywayMigrationStrategy {

    static final String LOCATION = "classpath:db/platform";
    static final String HISTORY_TABLE = "platform_schema_history";

    @Override
    public void migrate(Flyway service) {
        Flyway.configure()
                .configuration(service.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        service.migrate();
    }
}
