package io.accord.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A test JVM's PostgreSQL and Kafka stop when it ends, and their directories go with them. */
class TestInfrastructureCleanupTests {

    @Test
    void theServersAndTheirDirectoriesAreGoneWhenTheTestJvmEnds() throws Exception {
        Path log = Files.createTempFile("accord-test-infrastructure-child", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TestInfrastructureChild.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("ACCORD_TEST_DB_URL");
        builder.environment().remove("ACCORD_TEST_KAFKA_BOOTSTRAP");
        Process child = builder.start();
        String output;
        try {
            boolean ended = child.waitFor(180, TimeUnit.SECONDS);
            output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the child JVM ends: " + output).isTrue();
        } finally {
            child.destroy();   // SIGTERM: its hooks still stop the servers if it hangs
            Files.deleteIfExists(log);
        }
        assertThat(child.exitValue()).as(output).isZero();

        List<String> lines = output.lines().toList();
        List<Path> directories = lines.stream().filter(line -> line.startsWith("directory "))
                .map(line -> Path.of(line.substring("directory ".length()))).toList();
        assertThat(directories).as(output).hasSizeGreaterThanOrEqualTo(3);
        assertThat(directories).allSatisfy(directory -> assertThat(directory).doesNotExist());
        for (String server : List.of("postgres-pid ", "kafka-pid ")) {
            long pid = lines.stream().filter(line -> line.startsWith(server)).map(line -> line.substring(server.length()))
                    .mapToLong(Long::parseLong).findFirst().orElseThrow(() -> new AssertionError(output));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as(server + output).isNotEqualTo(
                    java.util.Optional.of(true));
        }
    }
}
