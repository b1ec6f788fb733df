package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTests {

    @TempDir
    Path directory;

    private final ComponentState postgres = new ComponentState("postgres", ComponentState.Kind.POSTGRES, 4242, 54320,
            Path.of("/work/.accord/postgres/postgres.log"), URI.create("tcp://127.0.0.1:54320"), 1_700_000_000_000L);
    private final ComponentState rating = new ComponentState("rating", ComponentState.Kind.SERVICE, 4343, 8084,
            Path.of("/work/.accord/logs/rating.log"), URI.create("http://localhost:8084/actuator/health/readiness"),
            1_700_000_000_500L);

    @Test
    void readsBackWhatItWrote() {
        Path file = directory.resolve("run/state.properties");
        RunState written = new RunState(99, 1_699_999_999_000L, List.of(postgres, rating));

        written.write(file);

        assertThat(RunState.read(file)).contains(written);
    }

    @Test
    void keepsStartOrderAndReplacesAComponentRecordedTwice() {
        ComponentState restarted = new ComponentState("postgres", ComponentState.Kind.POSTGRES, 5000, 54320,
                postgres.logFile(), postgres.health(), 1_700_000_001_000L);

        RunState state = new RunState(99, 0, List.of()).with(postgres).with(rating).with(restarted);

        assertThat(state.components()).extracting(ComponentState::name).containsExactly("rating", "postgres");
        assertThat(state.component("postgres")).get().extracting(ComponentState::pid).isEqualTo(5000L);
    }

    @Test
    void readsBackAStartInProgressWithTheComponentsStillToCome() {
        Path file = directory.resolve("run/state.properties");
        RunState starting = RunState.starting(99, 1_699_999_999_000L, List.of("postgres", "kafka", "rating"))
                .with(postgres);

        starting.write(file);

        assertThat(RunState.read(file)).contains(starting);
        assertThat(RunState.read(file).orElseThrow().starting()).isTrue();
        assertThat(starting.notStartedYet()).containsExactly("kafka", "rating");
        assertThat(starting.with(rating).started().starting()).isFalse();
    }

    @Test
    void isEmptyWithoutAFile() {
        assertThat(RunState.read(directory.resolve("missing.properties"))).isEmpty();
    }

    @Test
    void doesNotMistakeARecycledPidForOurProcess() {
        long ownPid = ProcessHandle.current().pid();
        long ownStart = ComponentState.startTime(ownPid).orElseThrow();
        ComponentState ours = new ComponentState("x", ComponentState.Kind.SERVICE, ownPid, 1, Path.of("x.log"),
                URI.create("tcp://127.0.0.1:1"), ownStart);
        ComponentState recycled = new ComponentState("x", ComponentState.Kind.SERVICE, ownPid, 1, Path.of("x.log"),
                URI.create("tcp://127.0.0.1:1"), ownStart - 60_000);

        assertThat(ours.isRunning()).isTrue();
        assertThat(recycled.isRunning()).isFalse();
        assertThat(new RunState(ownPid, ownStart, List.of()).launcherRunning()).isTrue();
    }
}
