package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The owner and runtime roles of a service database, also on a database the superuser filled before they existed. */
class DatabaseRolesTests {

    private final Path home = Path.of("target", "database-roles-tests", UUID.randomUUID().toString());

    @Test
    void handsAnExistingDatabaseToItsOwnerAndLeavesTheRuntimeRoleWithoutDdlRights() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home, 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS)) {
            postgres.createDatabase("legacy");
            String url = postgres.jdbcUrl("legacy");
            try (Connection superuser = DriverManager.getConnection(url, "postgres", "")) {
                execute(superuser, "create table partner (id bigint generated always as identity primary key, name text)");
                execute(superuser, "create table note (id serial primary key, text text)");
                execute(superuser, "create sequence invoice_number");
                execute(superuser, "create view partner_names as select name from partner");
                execute(superuser, "create function shout(text) returns text language sql as $$ select upper($1) $$");
                execute(superuser, "create extension if not exists btree_gist");
                DatabaseRoles roles = DatabaseRoles.of("legacy", "admin-secret");

                roles.apply(superuser);
                roles.apply(superuser);

                assertThat(strings(superuser, """
                        select distinct pg_get_userbyid(relowner) from pg_class
                        where relnamespace = 'public'::regnamespace and relkind in ('r', 'S', 'v')""")).containsExactly("legacy_owner");
                assertThat(strings(superuser, "select pg_get_userbyid(proowner) from pg_proc where proname = 'shout'"))
                        .containsExactly("legacy_owner");
                assertThat(strings(superuser, "select pg_get_userbyid(datdba) from pg_database where datname = 'legacy'"))
                        .containsExactly("legacy_owner");
                assertThat(strings(superuser, "select rolsuper::text from pg_roles where rolname like 'legacy_%' order by 1"))
                        .containsExactly("false", "false");
            }
            try (Connection owner = DriverManager.getConnection(url, "legacy_owner", "")) {
                execute(owner, "alter table partner add column country text");
                execute(owner, "create table agreement (id int)");
            }
            try (Connection runtime = DriverManager.getConnection(url, "legacy_app", "")) {
                assertThatThrownBy(() -> execute(runtime, "create table sneaky (id int)"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThatThrownBy(() -> execute(runtime, "drop table partner"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void derivesStablePasswordsThatDifferPerRoleAndSecret() {
        DatabaseRoles roles = DatabaseRoles.of("catalog", "secret");

        assertThat(roles.owner()).isEqualTo("catalog_owner");
        assertThat(roles.runtime()).isEqualTo("catalog_app");
        assertThat(roles.ownerPassword()).isEqualTo(DatabaseRoles.of("catalog", "secret").ownerPassword())
                .isNotEqualTo(roles.runtimePassword())
                .isNotEqualTo(DatabaseRoles.of("catalog", "other").ownerPassword())
                .doesNotContain("secret").hasSize(48);
        assertThatThrownBy(() -> DatabaseRoles.of("Robert'); drop", "s")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
