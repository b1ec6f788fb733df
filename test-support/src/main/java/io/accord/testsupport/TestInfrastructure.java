package io.accord.testsupport;

import io.accord.contracts.Topics;
import io.accord.infra.DatabaseRoles;
import io.accord.infra.EmbeddedPostgres;
import io.accord.infra.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL and the real Kafka broker of a test JVM, started once and shared by its tests.
 * {@code ACCORD_TEST_DB_URL} (+ {@code ACCORD_TEST_DB_USER}, {@code ACCORD_TEST_DB_PASSWORD}) names an existing
 * server instead of the embedded one, {@code ACCORD_TEST_KAFKA_BOOTSTRAP} an existing broker.
 */
public final class TestInfrastructure {

    private static final int PARTITIONS = 3;
    private static volatile EmbeddedPostgres postgres;
    private static volatile Path postgresHome;
    private static volatile KafkaBroker kafka;
    private static volatile Path kafkaHome;
    private static boolean cleanupRegistered;
    private static final Set<String> freshDatabases = new HashSet<>();
    private static final Map<String, DatabaseRoles> roles = new HashMap<>();

    private TestInfrastructure() {
    }

    /** A JDBC url of a database with this name, emptied the first time this JVM asks for it. */
    public static synchronized String database(String name) {
        if (freshDatabases.add(name)) {
            recreate(name);
        }
        return jdbcUrl(name);
    }

    /**
     * The owner and runtime roles of a database from {@link #database}, created (or repaired) the first time this
     * JVM asks, exactly as the launcher does: the owner migrates, the application runs as the runtime role.
     * Their passwords derive from the server user's password (trust authentication on the embedded server).
     */
    public static synchronized DatabaseRoles roles(String database) {
        return roles.computeIfAbsent(database, name -> {
            DatabaseRoles created = DatabaseRoles.of(name, dbPassword());
            try (Connection connection = DriverManager.getConnection(database(name), dbUser(), dbPassword())) {
                created.apply(connection);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the roles of database " + name, e);
            }
            return created;
        });
    }

    /**
     * Runs DDL the application's runtime role may not (a test's fault trigger, say) as the database's owner role,
     * the role its migrations run as.
     */
    public static void executeAsOwner(String database, String sql) {
        DatabaseRoles owner = roles(database);
        try (Connection connection = DriverManager.getConnection(database(database), owner.owner(),
                owner.ownerPassword()); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    /**
     * Makes the database refuse the rows inserted into {@code table} that match {@code condition} (a boolean SQL
     * expression over {@code new}), raising {@code sqlState} (e.g. {@code P0001}, {@code 22003}): a value the database
     * refuses although every check of ours passed, as a column's limit or a defect would. A trigger created as the
     * owner role; {@link RefusedRows#close} drops it.
     */
    public static RefusedRows refuseRows(String database, String table, String condition, String sqlState) {
        String name = "test_refusal_" + java.util.UUID.randomUUID().toString().replace("-", "");
        executeAsOwner(database, """
                create function %s() returns trigger language plpgsql as $$
                begin
                    if %s then
                        raise exception 'refused by a test' using errcode = '%s';
                    end if;
                    return new;
                end $$""".formatted(name, condition, sqlState));
        executeAsOwner(database, "create trigger " + name + " before insert on " + table
                + " for each row execute function " + name + "()");
        return new RefusedRows(database, table, name);
    }

    /** A trigger of {@link #refuseRows}; closing drops it. */
    public record RefusedRows(String database, String table, String name) implements AutoCloseable {
        @Override
        public void close() {
            executeAsOwner(database, "drop trigger if exists " + name + " on " + table);
            executeAsOwner(database, "drop function if exists " + name + "()");
        }
    }

    public static String dbUser() {
        return externalDb() != null ? env("ACCORD_TEST_DB_USER", "postgres") : postgres().username();
    }

    public static String dbPassword() {
        return externalDb() != null ? env("ACCORD_TEST_DB_PASSWORD", "") : "";
    }

    /** Bootstrap servers of the test broker; every Accord topic and its DLT exist on it. */
    public static synchronized String kafkaBootstrap() {
        String external = System.getenv("ACCORD_TEST_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return embeddedKafka().bootstrapServers();
    }

    /** The embedded broker itself, for tests that stop and restart it; absent with an external broker. */
    public static synchronized KafkaBroker embeddedKafka() {
        if (kafka == null) {
            try {
                registerCleanup();
                kafkaHome = Files.createTempDirectory("accord-test-kafka");
                kafka = KafkaBroker.start(kafkaHome, 0);
                createTopics(kafka.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }
        return kafka;
    }

    private static void createTopics(String bootstrap) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.allWithDeadLetters().stream().filter(t -> !existing.contains(t))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                registerCleanup();
                postgresHome = Files.createTempDirectory("accord-test-pg");
                postgres = EmbeddedPostgres.start(postgresHome, 0, EmbeddedPostgres.Durability.FAST_FOR_TESTS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test PostgreSQL", e);
            }
        }
        return postgres;
    }

    /**
     * When the test JVM ends, its servers stop and their directories go: every test run used to leave its
     * PostgreSQL cluster and Kafka log in the temporary directory (1.4 GB after a day of runs).
     */
    private static synchronized void registerCleanup() {
        if (!cleanupRegistered) {
            Runtime.getRuntime().addShutdownHook(
                    new Thread(TestInfrastructure::cleanUp, "accord-test-infrastructure-cleanup"));
            cleanupRegistered = true;
        }
    }

    /**
     * Stops the embedded PostgreSQL (a fast shutdown: sessions are cut, committed data stays), runs
     * {@code whileDown}, and starts it again on the same port and data: for tests of a database restart under load.
     * Every pool of the JVM's contexts reconnects by itself. With an external server ({@code ACCORD_TEST_DB_URL})
     * there is nothing this JVM may restart: it answers {@code false} and runs nothing.
     */
    public static synchronized boolean restartEmbeddedPostgres(Runnable whileDown) {
        if (externalDb() != null) {
            return false;
        }
        EmbeddedPostgres running = postgres();
        int port = running.port();
        Path home = running.home();
        running.close();
        try {
            whileDown.run();
        } finally {
            postgres = EmbeddedPostgres.start(home, port, EmbeddedPostgres.Durability.FAST_FOR_TESTS);
        }
        return true;
    }

    static long embeddedPostgresPid() {
        return postgres().pid();
    }

    /** The directories of the embedded servers this JVM started (for the test of their removal). */
    static List<Path> serverDirectories() {
        List<Path> directories = new java.util.ArrayList<>();
        EmbeddedPostgres server = postgres;
        if (server != null) {
            directories.add(postgresHome);
            directories.add(server.home());
        }
        if (kafkaHome != null) {
            directories.add(kafkaHome);
        }
        return directories;
    }

    static void cleanUp() {
        EmbeddedPostgres server = postgres;
        if (server != null) {
            server.closeAndDelete();
        }
        deleteTree(postgresHome);
        KafkaBroker broker = kafka;
        if (broker != null) {
            broker.close();
        }
        deleteTree(kafkaHome);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            LoggerFactory.getLogger(TestInfrastructure.class).warn("cannot delete {}", root, e);
        }
    }

    private static String jdbcUrl(String database) {
        String external = externalDb();
        if (external == null) {
            return postgres().jdbcUrl(database);
        }
        int slash = external.lastIndexOf('/');
        int query = external.indexOf('?', slash);
        return external.substring(0, slash + 1) + database + (query < 0 ? "" : external.substring(query));
    }

    private static void recreate(String name) {
        if (externalDb() == null) {
            postgres().dropAndCreateDatabase(name);
            return;
        }
        try (Connection connection = DriverManager.getConnection(externalDb(), dbUser(), dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + name + "\" with (force)");
            statement.execute("create database \"" + name + "\"");
        } catch (Exception e) {
            throw new IllegalStateException("cannot recreate database " + name + " on " + externalDb(), e);
        }
    }

    private static String externalDb() {
        String url = System.getenv("ACCORD_TEST_DB_URL");
        return url == null || url.isBlank() ? null : url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static Path tempFile(String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a temp file", e);
        }
    }
}
