package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTests {

    @Test
    void readsUpWithAndWithoutServices() {
        assertThat(CommandLine.parse(List.of("up")).infraOnly()).isFalse();
        assertThat(CommandLine.parse(List.of("up", "--infra-only")))
                .satisfies(line -> {
                    assertThat(line.command()).isEqualTo(CommandLine.Command.UP);
                    assertThat(line.infraOnly()).isTrue();
                });
    }

    @Test
    void readsLogsWithComponentFollowAndLineCount() {
        CommandLine line = CommandLine.parse(List.of("logs", "rating", "-f", "-n", "50"));

        assertThat(line.command()).isEqualTo(CommandLine.Command.LOGS);
        assertThat(line.component()).contains("rating");
        assertThat(line.follow()).isTrue();
        assertThat(line.lines()).isEqualTo(50);
    }

    @Test
    void printsTwoHundredLinesWithoutFollowingByDefault() {
        CommandLine line = CommandLine.parse(List.of("logs", "kafka"));

        assertThat(line.follow()).isFalse();
        assertThat(line.lines()).isEqualTo(200);
    }

    @Test
    void rejectsLogsWithoutAComponent() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("logs", "-f")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component name");
    }

    @Test
    void rejectsUnknownCommandsAndStrayArguments() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("restart"))).hasMessageContaining("unknown command restart");
        assertThatThrownBy(() -> CommandLine.parse(List.of("status", "now"))).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "-f"))).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> CommandLine.parse(List.of())).hasMessageContaining("usage");
    }

    @Test
    void rejectsANonPositiveLineCount() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("logs", "rating", "-n", "0"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> CommandLine.parse(List.of("logs", "rating", "-n", "x"))).hasMessageContaining("positive");
    }

    @Test
    void readsEventsWithTopicFollowAndCount() {
        CommandLine line = CommandLine.parse(List.of("events", "catalog.events.v1", "-n", "5", "-f"));

        assertThat(line.command()).isEqualTo(CommandLine.Command.EVENTS);
        assertThat(line.component()).contains("catalog.events.v1");
        assertThat(line.lines()).isEqualTo(5);
        assertThat(line.follow()).isTrue();
        assertThat(CommandLine.parse(List.of("events", "order.events.v1")).lines()).isEqualTo(20);
        assertThatThrownBy(() -> CommandLine.parse(List.of("events"))).hasMessageContaining("needs a topic");
    }
}
