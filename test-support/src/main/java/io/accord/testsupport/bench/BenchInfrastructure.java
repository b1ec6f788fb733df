package io.accord.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.accord.contracts.Topics;
import io.accord.infra.EmbeddedPostgres;
import io.accord.infra.KafkaBroker;

/**
 * Where a service bench ({@code ./accord bench rating|settlement}) runs: a PostgreSQL server (an admin connection) and
 * a Kafka broker, either the embedded servers of {@code ./accord up} ({@link #withEmbedded}) or the tests' own.
 *
 * @param adminUrl  a JDBC URL of a database the bench may create databases from
 * @param user      its user
 * @param password  its password
 * @param bootstrap the broker's bootstrap servers
 */
public record BenchInfrastructure(String adminUrl, String user, String password, String bootstrap) {

    /** What a bench does with the infrastructure. */
    @FunctionalInterface
    public interface Bench<T> {
        T run(BenchInfrastructure infrastructure) throws Exception;
    }

    /**
     * Starts PostgreSQL (durable, as {@code ./accord up}) and a Kafka broker with every topic and dead-letter topic
     * of the contracts ({@code partitions} each) under a fresh temporary directory, runs the bench, then stops both
     * and deletes the directory.
     */
    public static <T> T withEmbedded(String name, int partitions, Bench<T> bench) throws Exception {
        Path home = Files.createTempDirectory("accord-" + name + "-bench");
        BenchLog.say("starting PostgreSQL (durable, as ./accord up) and a Kafka broker under %s", home);
        EmbeddedPostgres postgres = null;
        try {
            postgres = EmbeddedPostgres.start(home.resolve("pg"), 0, EmbeddedPostgres.Durability.DURABLE);
            try (KafkaBroker kafka = KafkaBroker.start(home.resolve("kafka"), 0)) {
                kafka.createTopics(Topics.allWithDeadLetters(), partitions);
                return bench.run(new BenchInfrastructure(postgres.jdbcUrl("postgres"), postgres.username(), "",
                        kafka.bootstrapServers()));
            }
        } finally {
            // the server's data may live outside home (root runs it as another user, in java.io.tmpdir/accord-pg-*):
            // a rating bench of a million records leaves about 2 GB there otherwise
            if (postgres != null) {
                postgres.closeAndDelete();
            }
            deleteQuietly(home);
        }
    }

    /** The JDBC URL of another database on the same server. */
    public String database(String name) {
        return adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(database(database), user, password);
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    /**
     * Creates those of the topics that do not exist yet, each with {@code partitions} partitions, and waits (up to
     * 60 s) until every partition of every one of them has a leader: produce requests sent before meet
     * {@code NOT_LEADER_OR_FOLLOWER} and, from an idempotent producer, then {@code OUT_OF_ORDER_SEQUENCE_NUMBER}
     * until their records expire ({@link Deliveries}).
     */
    public void createTopics(List<String> topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            admin.createTopics(topics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> leaderless = leaderless(admin, topics);
            while (!leaderless.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions without a leader 60 s after creation: " + leaderless);
                }
                TimeUnit.MILLISECONDS.sleep(100); // the broker publishes leadership asynchronously
                leaderless = leaderless(admin, topics);
            }
        }
    }

    /** The partitions of these topics that have no leader yet (a topic not described yet counts as one). */
    private static List<String> leaderless(Admin admin, List<String> topics) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described;
        try {
            described = admin.describeTopics(topics).allTopicNames().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException notYet) {
            return List.of("(not described yet: " + notYet.getCause() + ")");
        }
        described.forEach((topic, description) -> description.partitions().forEach(partition -> {
            if (partition.leader() == null || partition.leader().isEmpty()) {
                found.add(topic + "-" + partition.partition());
            }
        }));
        return found;
    }

    private static void deleteQuietly(Path home) {
        try (var files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind
        }
    }
}
