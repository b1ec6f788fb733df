package io.accord.testsupport.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.accord.testsupport.TestJwt;

/**
 * A service (or another main class) in its own JVM with the production image's JVM flags, as the service benches run
 * it: output to a log file, stopped with the bench.
 */
public final class BenchJvm {

    private static final Map<Long, Path> LOGS = new ConcurrentHashMap<>();

    private BenchJvm() {
    }

    /**
     * Starts {@code java <productionJvm> <jvmFlags> -cp <classpath> <mainClass> <arguments>}, its output in a
     * temporary log file (named in the bench's output); the JVM dies with the bench.
     */
    public static Process start(List<String> productionJvm, String classpath, List<String> jvmFlags,
                                String mainClass, List<String> arguments, String name) throws IOException {
        return start(productionJvm, Map.of(), classpath, jvmFlags, mainClass, arguments, name);
    }

    /** Like {@link #start(List, String, List, String, List, String)}, with the image's environment variables too. */
    public static Process start(List<String> productionJvm, Map<String, String> productionEnvironment,
                                String classpath, List<String> jvmFlags, String mainClass, List<String> arguments,
                                String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(productionJvm);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(arguments);
        Path log = Files.createTempFile("accord-bench-" + name + "-", ".log");
        BenchLog.say("%s JVM: %s%s (log %s)", name, productionEnvironment.isEmpty() ? ""
                : productionEnvironment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + " ")
                .sorted().reduce("", String::concat), String.join(" ", productionJvm) + (jvmFlags.isEmpty() ? ""
                : " " + String.join(" ", jvmFlags)), log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(productionEnvironment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // the bench stopped: its JVMs too
        LOGS.put(process.pid(), log);
        return process;
    }

    /** Stops the process, forcibly after 30 s. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * What a stuck JVM is doing, for the bench's failure message: the last {@code lines} lines of its log and its
     * threads' stacks ({@code jcmd PID Thread.print}, from the JDK that runs the bench).
     */
    public static String diagnosis(Process process, int lines) {
        StringBuilder text = new StringBuilder();
        Path log = LOGS.get(process.pid());
        if (log != null) {
            try {
                List<String> all = Files.readAllLines(log);
                text.append("last lines of ").append(log).append(":\n")
                        .append(String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())));
            } catch (IOException | RuntimeException unreadable) {
                text.append("log ").append(log).append(" not readable: ").append(unreadable);
            }
        }
        if (process.isAlive()) {
            Path jcmd = ProcessHandle.current().info().command().map(Path::of).map(java -> java.resolveSibling("jcmd"))
                    .orElse(Path.of("jcmd"));
            try {
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                        .redirectErrorStream(true).start();
                String threads = new String(dump.getInputStream().readAllBytes());
                dump.waitFor(30, TimeUnit.SECONDS);
                text.append("\nthreads of ").append(process.pid()).append(":\n").append(threads);
            } catch (IOException | InterruptedException failed) {
                text.append("\nno thread dump: ").append(failed);
            }
        }
        return text.toString();
    }

    /** A port free right now, for the service's HTTP server. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The JVM flag that writes a flight recording to {@code jfr}; none when it is null. */
    public static List<String> flightRecording(Path jfr) {
        return jfr == null ? List.of()
                : List.of("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
    }

    /**
     * The arguments every service bench gives its service: the database (as the admin user), the broker, a consumer
     * group of its own for the read models, tokens of the tests' issuer ({@link TestJwt}) and the HTTP port.
     */
    public static List<String> serviceArguments(BenchInfrastructure infrastructure, String database,
                                                String modelConsumerGroup, int port) {
        return List.of(
                "--spring.datasource.url=" + infrastructure.database(database),
                "--spring.datasource.username=" + infrastructure.user(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrap(),
                "--spring.kafka.consumer.group-id=" + modelConsumerGroup,
                "--accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                "--accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile(),
                "--server.port=" + port);
    }
}
