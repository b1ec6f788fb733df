package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThatThrownBy(() -> CommandLine.parse(List.of("status", "rating", "now")))
                .hasMessageContaining("unexpected argument now for status");
        assertThatThrownBy(() -> CommandLine.parse(List.of("status", "-f"))).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "-f"))).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> CommandLine.parse(List.of())).hasMessageContaining("usage");
    }

    @Test
    void readsStatusOfEverythingOrOfOneComponent() {
        assertThat(CommandLine.parse(List.of("status")).component()).isEmpty();
        CommandLine line = CommandLine.parse(List.of("status", "rating"));
        assertThat(line.command()).isEqualTo(CommandLine.Command.STATUS);
        assertThat(line.component()).contains("rating");
    }

    /**
     * A mistake is answered with the usage of {@code ./accord} as a whole: it named up|status|logs|events|down only,
     * while the script also runs test, bench, smoke, demo and help (found on 2026-12-06).
     */
    @Test
    void answersAMistakeWithTheScriptsWholeUsage() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("accord"))) {
            root = root.getParent();
        }
        Process help = new ProcessBuilder("bash", root.resolve("accord").toString(), "help")
                .redirectErrorStream(true).start();
        String printed = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor()).isZero();

        assertThat(printed.strip()).isEqualTo(CommandLine.USAGE);
        assertThat(CommandLine.USAGE).contains("| status [NAME] |", "| dlt SERVICE [list | show ID | replay ID...] |",
                "| test |", "| bench ", "| smoke ", "| help",
                "./accord demo");
        assertThatThrownBy(() -> CommandLine.parse(List.of("status", "rating", "now")))
                .hasMessageEndingWith(CommandLine.USAGE);
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

    @Test
    void readsDeadLetterActionsWithListAsTheDefault() {
        CommandLine list = CommandLine.parse(List.of("dlt", "settlement"));
        CommandLine replay = CommandLine.parse(List.of("dlt", "rating", "replay", "a.DLT-0@1", "a.DLT-1@2"));

        assertThat(list.command()).isEqualTo(CommandLine.Command.DLT);
        assertThat(list.component()).contains("settlement");
        assertThat(list.operands()).containsExactly("list");
        assertThat(replay.operands()).containsExactly("replay", "a.DLT-0@1", "a.DLT-1@2");
        assertThat(CommandLine.parse(List.of("dlt", "rating", "show", "a.DLT-0@1")).operands())
                .containsExactly("show", "a.DLT-0@1");
        assertThatThrownBy(() -> CommandLine.parse(List.of("dlt"))).hasMessageContaining("needs a service name");
        assertThatThrownBy(() -> CommandLine.parse(List.of("dlt", "rating", "purge")))
                .hasMessageContaining("unknown dlt action purge").hasMessageEndingWith(CommandLine.USAGE);
        assertThatThrownBy(() -> CommandLine.parse(List.of("dlt", "rating", "show")))
                .hasMessageContaining("show needs one dead letter id");
        assertThatThrownBy(() -> CommandLine.parse(List.of("dlt", "rating", "replay")))
                .hasMessageContaining("replay needs dead letter ids");
        assertThatThrownBy(() -> CommandLine.parse(List.of("dlt", "rating", "list", "a.DLT-0@1")))
                .hasMessageContaining("list takes no id");
    }
}
