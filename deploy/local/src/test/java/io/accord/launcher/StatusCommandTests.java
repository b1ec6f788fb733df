package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit code of {@code ./accord status} is what scripts wait on: 0 only once the whole start completed. */
class StatusCommandTests {

    @TempDir
    Path directory;

    private final long ownPid = ProcessHandle.current().pid();
    private final long ownStart = ComponentState.startTime(ownPid).orElseThrow();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PlatformConfig config;
    private ServerSocket listening;
    private ComponentState healthy;
    private ComponentState notAnswering;

    @BeforeEach
    void components() throws IOException {
        config = PlatformConfig.defaults(directory).withWorkDirectory(directory.resolve(".accord"));
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // this test JVM stands in for the launcher and the component processes: it runs, with its own start time
        healthy = component("postgres", URI.create("tcp://127.0.0.1:" + listening.getLocalPort()));
        int closedPort;
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }
        notAnswering = component("rating", URI.create("tcp://127.0.0.1:" + closedPort));
    }

    @AfterEach
    void close() throws IOException {
        listening.close();
    }

    @Test
    void saysStartingWithExitCodeThreeWhileUpIsStillStartingEvenWhenWhatRunsIsHealthy() {
        RunState.starting(ownPid, ownStart, List.of("postgres", "kafka", "rating")).with(healthy).with(notAnswering)
                .write(config.stateFile());

        int exitCode = status();

        assertThat(exitCode).isEqualTo(StatusCommand.STARTING).isEqualTo(3);
        assertThat(printed()).contains("Accord is starting")
                .containsPattern("postgres\\s+healthy")
                .containsPattern("rating\\s+starting")
                .containsPattern("kafka\\s+starting");
    }

    @Test
    void exitsZeroOnceTheStartCompletedAndEverythingIsHealthy() {
        RunState.starting(ownPid, ownStart, List.of("postgres")).with(healthy).started().write(config.stateFile());

        assertThat(status()).isEqualTo(StatusCommand.HEALTHY).isZero();
        assertThat(printed()).containsPattern("postgres\\s+healthy").doesNotContain("starting");
    }

    @Test
    void exitsOneWhenAComponentStopsAnsweringAfterTheStart() {
        RunState.starting(ownPid, ownStart, List.of("postgres", "rating")).with(healthy).with(notAnswering).started()
                .write(config.stateFile());

        assertThat(status()).isEqualTo(StatusCommand.NOT_HEALTHY);
        assertThat(printed()).containsPattern("rating\\s+unhealthy");
    }

    @Test
    void exitsOneWhenTheLauncherDiedBeforeTheStartCompleted() {
        long goneLauncherStart = ownStart - 60_000; // same pid, other start time: not our launcher any more
        RunState.starting(ownPid, goneLauncherStart, List.of("postgres", "kafka")).with(healthy)
                .write(config.stateFile());

        assertThat(status()).isEqualTo(StatusCommand.NOT_HEALTHY);
        assertThat(printed()).contains("gone before the start completed").containsPattern("kafka\\s+missing");
    }

    @Test
    void exitsOneWhenNothingRuns() {
        assertThat(status()).isEqualTo(StatusCommand.NOT_HEALTHY);
        assertThat(printed()).contains("Accord is not running");
    }

    @Test
    void ofOneComponentExitsZeroWhenItIsHealthyEvenWhileOthersStillStart() {
        RunState.starting(ownPid, ownStart, List.of("postgres", "kafka", "rating")).with(healthy).with(notAnswering)
                .write(config.stateFile());

        assertThat(status("postgres")).isEqualTo(StatusCommand.HEALTHY);
        assertThat(printed()).containsPattern("postgres\\s+healthy").doesNotContain("rating");
        assertThat(status("rating")).isEqualTo(StatusCommand.STARTING);
        assertThat(status("kafka")).isEqualTo(StatusCommand.STARTING);
    }

    @Test
    void ofOneComponentExitsOneWhenItIsNotHealthyAndTwoForANameWithoutComponent() {
        RunState.starting(ownPid, ownStart, List.of("postgres", "rating")).with(healthy).with(notAnswering).started()
                .write(config.stateFile());

        assertThat(status("rating")).isEqualTo(StatusCommand.NOT_HEALTHY);
        assertThat(printed()).containsPattern("rating\\s+unhealthy").doesNotContain("postgres ");
        assertThat(status("ratnig")).isEqualTo(StatusCommand.UNKNOWN_COMPONENT).isEqualTo(2);
        assertThat(printed()).contains("no component ratnig in this run; components: postgres, rating");
        assertThat(status("postgres")).isZero();
        assertThat(status("rating-service")).as("named as logs names it: the module too").isEqualTo(1);
    }

    private ComponentState component(String name, URI health) {
        return new ComponentState(name, ComponentState.Kind.SERVICE, ownPid, health.getPort(), Path.of(name + ".log"),
                health, ownStart);
    }

    private int status() {
        return new StatusCommand(config, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    }

    private int status(String component) {
        printed.reset();
        return new StatusCommand(config, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(java.util.Optional.of(component));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
