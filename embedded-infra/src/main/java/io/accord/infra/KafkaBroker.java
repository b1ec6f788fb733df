package io.accord.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) in its own JVM, so Kafka's
 * Scala and log4j jars stay off the caller's classpath. Data lives in {@code dataDirectory} and
 * survives {@link #stop()}, {@link #restart()} and a new {@link #start} on the same directory.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * A directory: the broker's JVM starts from a JDK AOT cache ({@link JvmAotCache}) kept there, trained by the first
     * start and written when that broker stops (JDK 25 or newer; one per JDK, JVM options, classpath and data
     * directory). Unset by default: a broker that lives for one test run would only pay for the training.
     * {@code ./accord up} sets it.
     */
    public static final String STARTUP_CACHE_PROPERTY = "accord.kafka.startup-cache";

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final KafkaBrokerConfig config;
    private final ShutdownHook shutdownHook;
    private volatile Process process;

    private KafkaBroker(KafkaBrokerConfig config) {
        this.config = config;
        this.shutdownHook = ShutdownHook.register("kafka-broker-shutdown-" + config.port(), this::stop);
    }

    /** Formats the directory if it is new and starts the broker; {@code port} 0 picks a free port. */
    public static KafkaBroker start(Path dataDirectory, int port) {
        KafkaBrokerConfig config = new KafkaBrokerConfig(dataDirectory.toAbsolutePath().normalize(),
                port == 0 ? Processes.freePort() : port, Processes.freePort());
        config.writeFiles();
        if (!config.formatted()) {
            format(config);
        }
        KafkaBroker broker = new KafkaBroker(config);
        try {
            broker.launch();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** Stops a broker started by another process (the launcher's {@code down}): controlled shutdown, then kill. */
    public static boolean stopProcess(long pid) {
        return Processes.stop(pid, "TERM", SHUTDOWN_GRACE);
    }

    /**
     * After a broker stopped with {@link #stopProcess}: keeps the start-up cache its JVM completed writing
     * ({@link #STARTUP_CACHE_PROPERTY}), read from that run's log, so that the next start finds it even from an
     * emptied data directory.
     */
    public static void keepStartupCache(Path logFile) {
        JvmAotCache.keepCompletedIn(STARTUP_CACHE_PROPERTY, logFile);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + config.port();
    }

    public int port() {
        return config.port();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return config.logFile();
    }

    /** Stops the broker and keeps its data; {@link #restart()} brings it back. */
    public synchronized void stop() {
        Process running = process;
        if (running != null && running.isAlive()) {
            stopProcess(running.pid());
        }
    }

    /** Starts the broker again on the same ports and data, stopping it first if it runs. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Creates the topics that do not exist yet, replication factor 1. */
    public void createTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // an existing topic is the idempotent case, anything else is a failure
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic creation timed out; broker log " + logFile(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Drops this JVM's shutdown hook: the caller (the launcher) stops the broker itself, in its own order,
     * or leaves it running for another process to stop with {@link #stopProcess(long)}.
     */
    public void detach() {
        shutdownHook.remove();
    }

    @Override
    public void close() {
        stop();
        detach();
    }

    private synchronized void launch() {
        config.rotateLog();
        List<String> cacheOptions = JvmAotCache.startOption(STARTUP_CACHE_PROPERTY, "The Kafka broker", "kafka",
                config.startupCacheKey(), config.previousLogFile()).stream().toList();
        process = run(config.brokerCommand(cacheOptions), config.logFile());
        awaitReady();
        log.info("Kafka broker started on {} (pid {}, data {}, log {})",
                bootstrapServers(), process.pid(), config.dataDirectory(), logFile());
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw failure("Kafka broker exited with code " + process.exitValue() + " during startup", last);
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get();
                    return;
                } catch (ExecutionException e) {
                    last = e;
                }
                EmbeddedPostgres.sleep(Duration.ofMillis(200));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
        stop();
        throw failure("Kafka broker not ready within " + STARTUP_TIMEOUT.toSeconds() + "s", last);
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

    private IllegalStateException failure(String message, Exception cause) {
        return new IllegalStateException(message + "; log " + logFile() + ":" + System.lineSeparator()
                + Processes.tail(logFile(), 30), cause);
    }

    private static void format(KafkaBrokerConfig config) {
        Process formatter = run(config.formatCommand(Uuid.randomUuid().toString()), config.logFile());
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage in " + config.logDirectory()
                        + " failed; log " + config.logFile() + ":" + System.lineSeparator()
                        + Processes.tail(config.logFile(), 30));
            }
        } catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static Process run(List<String> command, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getLast(), e);
        }
    }
}
