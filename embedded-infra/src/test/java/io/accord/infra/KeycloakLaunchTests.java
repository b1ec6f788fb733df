package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Keycloak imports the realm file only into a database that does not hold the realm yet. */
class KeycloakLaunchTests {

    private final Path home = Path.of("target", "keycloak-launch-tests", UUID.randomUUID().toString());

    @Test
    void importsTheRealmUnlessTheDatabaseHoldsItAlready() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home, 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS)) {
            postgres.createDatabase("keycloak");
            KeycloakLaunch launch = new KeycloakLaunch(home.resolve("dist"), 8180, 8190,
                    postgres.jdbcUrl("keycloak"), "postgres", "");

            assertThat(launch.databaseHolds("accord")).as("a new database, no Keycloak schema").isFalse();
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("keycloak"), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table realm (id varchar(36) primary key, name varchar(255) unique)");
                assertThat(launch.databaseHolds("accord")).as("Keycloak's schema without the realm").isFalse();
                statement.execute("insert into realm values ('r1', 'master'), ('r2', 'accord')");
            }

            assertThat(launch.databaseHolds("accord")).isTrue();
            assertThat(launch.databaseHolds("other")).isFalse();
            assertThat(launch.command()).contains("--import-realm");
            assertThat(launch.withoutRealmImport().command()).doesNotContain("--import-realm")
                    .contains("--db=postgres", "--http-port=8180");
        }
    }

    @Test
    void theDevFileDatabaseAndAnUnreachableOneAlwaysImport() {
        assertThat(new KeycloakLaunch(home, 8180, 8190, null, null, null).databaseHolds("accord")).isFalse();
        assertThat(new KeycloakLaunch(home, 8180, 8190, "jdbc:postgresql://127.0.0.1:1/keycloak", "postgres", "x")
                .databaseHolds("accord")).isFalse();
    }
}
