package io.accord.platform.persistence;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Migrates the starter's own tables (outbox, inbox, audit, idempotency keys) with their own history table, then
 * the service's migrations. Two histories keep the starter's versions independent of each service's
 * {@code V1__...}.
 *
 * <p>Both run with Flyway's connection, which is the database owner's when {@code spring.flyway.user} is set.
 * When the application itself connects as another role ({@code spring.datasource.username}, the runtime role),
 * the owner then grants that role DML on every table and sequence of the schema (after every migration, so tables
 * added by a migration are covered and rights lost by an old setup are repaired), but only SELECT and INSERT on
 * the audit trail, and only SELECT on its chain (head, links, sealing queue) and on the history tables. The
 * runtime role owns nothing, so it can neither alter nor drop a table or the audit trail's triggers.
 *
 * <p>When a migration Job migrates before the rollout ({@code accord.platform.migrations.mode=validate}), the
 * service only validates both histories: a pending migration (the Job did not run, or failed) stops the start with
 * Flyway's message instead of letting the service run on an older schema. Migrations newer than the service's own
 * (a rollout in progress, the old replicas restarting) are fine, as with Flyway's default {@code *:future}.
 */
class PlatformMigrations implements FlywayMigrationStrategy {

    static final String LOCATION = "classpath:db/platform";
    static final String HISTORY_TABLE = "platform_schema_history";

    private static final Logger log = LoggerFactory.getLogger(PlatformMigrations.class);

    private final String runtimeRole;
    private final boolean validateOnly;

    /**
     * @param runtimeRole  the role the application connects as; {@code null} when it is not known
     * @param validateOnly validate the schema instead of migrating it (another process migrates)
     */
    PlatformMigrations(String runtimeRole, boolean validateOnly) {
        this.runtimeRole = runtimeRole;
        this.validateOnly = validateOnly;
    }

    @Override
    public void migrate(Flyway service) {
        Flyway platform = Flyway.configure()
                .configuration(service.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // scan LOCATION itself: a resource provider set on the service's configuration (Spring Boot sets one
                // with Spring AOT, listing the service's own scripts) would otherwise be copied along with the rest
                .resourceProvider(null)
                .javaMigrationClassProvider(null)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        if (validateOnly) {
            platform.validate();
            service.validate();
            log.info("Schema validated: no pending migration (migrations run by the migration Job)");
            return;
        }
        platform.migrate();
        service.migrate();
        grantRuntimeRole(service.getConfiguration().getDataSource(), service.getConfiguration().getTable());
    }

    private void grantRuntimeRole(DataSource dataSource, String serviceHistoryTable) {
        if (runtimeRole == null || runtimeRole.isBlank()) {
            return;
        }
        JdbcClient owner = JdbcClient.create(dataSource);
        String migrator = owner.sql("select current_user").query(String.class).single();
        if (migrator.equals(runtimeRole)) {
            log.warn("Flyway and the application both connect as {}: set spring.flyway.user to the database owner"
                    + " and spring.datasource.username to a role without DDL rights", runtimeRole);
            return;
        }
        String role = owner.sql("select quote_ident(:role)").param("role", runtimeRole).query(String.class).single();
        String schema = owner.sql("select quote_ident(current_schema())").query(String.class).single();
        List<String> statements = new ArrayList<>(List.of(
                "grant usage on schema " + schema + " to " + role,
                "grant select, insert, update, delete on all tables in schema " + schema + " to " + role,
                "grant usage, select on all sequences in schema " + schema + " to " + role,
                "revoke truncate, references, trigger on all tables in schema " + schema + " from " + role,
                "revoke update, delete on audit_event from " + role,
                "revoke insert, update, delete on audit_chain_head, audit_chain_link, audit_unsealed from " + role));
        for (String history : List.of(HISTORY_TABLE, serviceHistoryTable)) {
            owner.sql("select quote_ident(relname) from pg_class where oid = to_regclass(quote_ident(:table))")
                    .param("table", history).query(String.class).optional()
                    .ifPresent(table -> statements.add("revoke insert, update, delete on " + table + " from " + role));
        }
        // one transaction: the runtime role never holds, even briefly, more than the end result; serialised
        // because replicas starting together would otherwise fail with "tuple concurrently updated"
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            owner.sql("select pg_advisory_xact_lock(hashtext('accord-platform-grants'))").query().listOfRows();
            statements.forEach(statement -> owner.sql(statement).update());
        });
        log.info("Granted runtime role {} DML on schema {} (audit trail: select and insert only)", runtimeRole, schema);
    }
}
