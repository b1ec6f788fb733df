package io.accord.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Files and command lines of a single-node KRaft broker (broker and controller in one process).
 * Static voters rather than a dynamic quorum: the controller port is not stored in the metadata log,
 * so the same data directory works after a restart on other ports.
 */
record KafkaBrokerConfig(Path dataDirectory, int port, int controllerPort) {

    static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";

    Path logDirectory() {
        return dataDirectory.resolve("kraft-logs");
    }

    Path logFile() {
        return dataDirectory.resolve("broker.log");
    }

    boolean formatted() {
        return Files.exists(logDirectory().resolve("meta.properties"));
    }

    void writeFiles() {
        try {
            Files.createDirectories(logDirectory());
            Files.writeString(dataDirectory.resolve("server.properties"), serverProperties());
            Files.writeString(dataDirectory.resolve("log4j2.properties"), log4jProperties());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration into " + dataDirectory, e);
        }
    }

    /** Where {@link #rotateLog()} moves the log of the broker's previous run. */
    Path previousLogFile() {
        return dataDirectory.resolve("broker.previous.log");
    }

    /** Keeps the previous run's log as {@link #previousLogFile()}, so that each run's log is its own. */
    void rotateLog() {
        try {
            if (Files.exists(logFile())) {
                Files.move(logFile(), previousLogFile(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the broker's log " + logFile(), e);
        }
    }

    List<String> formatCommand(String clusterId) {
        return java("kafka.tools.StorageTool", List.of(), "format", "-t", clusterId,
                "-c", dataDirectory.resolve("server.properties").toString(), "--ignore-formatted");
    }

    /** The broker's command, with {@code extraJvmOptions} after the others (the start-up cache's). */
    List<String> brokerCommand(List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>(Processes.ownSession());
        command.addAll(java("kafka.Kafka", extraJvmOptions, dataDirectory.resolve("server.properties").toString()));
        return command;
    }

    /** What a JDK AOT cache of the broker's JVM depends on besides the JDK: its options and classpath. */
    String startupCacheKey() {
        return String.join(" ", jvmOptions()) + " -cp " + classpath();
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dataDirectory.resolve("log4j2.properties").toUri(),
                "-Dkafka.logs.dir=" + dataDirectory));
        if (Runtime.version().feature() >= 23) {
            // Kafka unmaps buffers through sun.misc.Unsafe; JDK 23+ warns about it on every start
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    private List<String> java(String mainClass, List<String> extraJvmOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(Arrays.asList(arguments));
        return command;
    }

    private String serverProperties() {
        String listener = "127.0.0.1:" + port;
        String controller = "127.0.0.1:" + controllerPort;
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + listener + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + listener,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirectory(),
                // topics are created explicitly (Topics.allWithDeadLetters()); a typo must not create one
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // one member per group locally: waiting for more only slows every test and restart
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private String log4jProperties() {
        // the broker's stdout goes to broker.log (ProcessBuilder redirect), so console logging is file logging
        return String.join("\n",
                "status = warn",
                // the broker stops on SIGTERM via its own hook; log4j's hook would race it and complain
                "shutdownHook = disable",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.target = SYSTEM_OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "");
    }

    /** The broker's classpath, written at build time by maven-dependency-plugin into this module's jar. */
    static String classpath() {
        try (InputStream in = KafkaBrokerConfig.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from embedded-infra's jar: "
                        + "build it with Maven (./mvnw -pl embedded-infra install)");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("the Kafka broker's classpath names " + entry
                            + ", which is missing: run ./mvnw -pl embedded-infra -am install to fetch it");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
        }
    }
}
