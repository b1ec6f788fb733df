package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresTests {

    // under target/, which uid 65534 can traverse; JUnit's @TempDir is mode 700 and would force the fallback
    private final Path home = Path.of("target", "embedded-postgres-tests", UUID.randomUUID().toString());

    @Test
    void createsADatabaseThatHoldsTablesAndRows() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home, 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS)) {
            postgres.createDatabase("orders");
            postgres.createDatabase("orders");

            execute(postgres, "orders", "create table partner (id int primary key, name text not null)");
            execute(postgres, "orders", "insert into partner values (1, 'Telco One')");

            assertThat(partnerName(postgres, "orders")).isEqualTo("Telco One");
            assertThat(postgres.jdbcUrl("orders")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/orders");
            assertThat(postgres.logFile()).exists();
        }
    }

    @Test
    void dropAndCreateLeavesAnEmptyDatabase() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home, 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS)) {
            postgres.createDatabase("scratch");
            execute(postgres, "scratch", "create table leftover (id int)");

            postgres.dropAndCreateDatabase("scratch");

            assertThatThrownBy(() -> execute(postgres, "scratch", "select * from leftover"))
                    .hasMessageContaining("leftover");
        }
    }

    @Test
    void keepsItsDataWhenStartedAgainOnTheSameDirectory() throws SQLException {
        long firstPid;
        try (EmbeddedPostgres first = EmbeddedPostgres.start(home, 0)) {
            first.createDatabase("catalog");
            execute(first, "catalog", "create table partner (id int primary key, name text not null)");
            execute(first, "catalog", "insert into partner values (1, 'Telco One')");
            firstPid = first.pid();
            assertThat(EmbeddedPostgres.stopProcess(firstPid)).isTrue();
            assertThat(Processes.isAlive(firstPid)).isFalse();
        }

        try (EmbeddedPostgres second = EmbeddedPostgres.start(home, 0)) {
            assertThat(second.pid()).isNotEqualTo(firstPid);
            assertThat(partnerName(second, "catalog")).isEqualTo("Telco One");
            assertThat(setting(second, "shared_buffers") * 8 / 1024)
                    .isEqualTo(EmbeddedPostgres.sharedBuffersMegabytes(EmbeddedPostgres.physicalMemoryBytes()));
            assertThat(setting(second, "max_wal_size")).isEqualTo(4096);
            assertThat(setting(second, "checkpoint_timeout")).isEqualTo(900);
        }
    }

    @Test
    void givesTheDurableServerAnEighthOfTheMemoryForItsBuffersBetween128MegabytesAndOneGigabyte() {
        long megabyte = 1024L * 1024;
        assertThat(EmbeddedPostgres.sharedBuffersMegabytes(0)).isEqualTo(128);
        assertThat(EmbeddedPostgres.sharedBuffersMegabytes(512 * megabyte)).isEqualTo(128);
        assertThat(EmbeddedPostgres.sharedBuffersMegabytes(2048 * megabyte)).isEqualTo(256);
        assertThat(EmbeddedPostgres.sharedBuffersMegabytes(6000 * megabyte)).isEqualTo(750);
        assertThat(EmbeddedPostgres.sharedBuffersMegabytes(24 * 1024 * megabyte)).isEqualTo(1024);
    }

    @Test
    void usesADirectoryUnderTmpWhenTheServerUserCannotReachTheRequestedOne() throws Exception {
        assumeTrue(ServerUser.current().isRoot(), "only root drops privileges");
        Path locked = Files.createDirectories(home.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));

        Path actualHome;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(locked.resolve("pg"), 0,
                EmbeddedPostgres.Durability.FAST_FOR_TESTS)) {
            actualHome = postgres.logFile().getParent();
            execute(postgres, "postgres", "select 1");
        }
        assertThat(actualHome).startsWithRaw(Path.of(System.getProperty("java.io.tmpdir")))
                .isEqualTo(PostgresCluster.fallbackHome(locked.resolve("pg")));
        assertThat(locked.resolve("pg").resolve(PostgresCluster.LOCATION_NOTE)).content().contains(actualHome.toString());
        PostgresCluster.deleteQuietly(actualHome);
    }

    @Test
    void opensAHomeOnlyItsOwnModeLocksAndDeletesItOnRequest() throws Exception {
        assumeTrue(ServerUser.current().isRoot(), "only root drops privileges");
        // what Files.createTempDirectory makes (rwx------), in the system temporary directory every user can
        // traverse; not below this checkout, whose own parents may be closed (a clone in a root-only directory)
        Path temporary = Files.createTempDirectory("accord-pg-home-test");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temporary))).isEqualTo("rwx------");

        EmbeddedPostgres postgres = EmbeddedPostgres.start(temporary, 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS);
        execute(postgres, "postgres", "select 1");
        assertThat(postgres.home()).isEqualTo(temporary.toAbsolutePath().normalize());
        assertThat(temporary.resolve("pgdata").resolve("PG_VERSION")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temporary))).isEqualTo("rwx-----x");

        postgres.closeAndDelete();
        assertThat(Processes.isAlive(postgres.pid())).isFalse();
        assertThat(temporary).doesNotExist();
    }

    private static void execute(EmbeddedPostgres postgres, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A numeric setting in the unit {@code pg_settings} gives (8 kB pages, MB, seconds). */
    private static long setting(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), "");
             PreparedStatement query = connection.prepareStatement(
                     "select setting::bigint from pg_settings where name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static String partnerName(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
             ResultSet row = connection.createStatement().executeQuery("select name from partner where id = 1")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
