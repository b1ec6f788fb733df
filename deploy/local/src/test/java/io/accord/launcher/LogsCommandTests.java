package io.accord.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LogsCommandTests {

    @Test
    void anUnknownNameListsEveryComponentWithALog(@TempDir Path directory) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PlatformConfig config = PlatformConfig.defaults(directory).withWorkDirectory(directory.resolve(".accord"));

        int exit = new LogsCommand(config, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run("nosuch", 10, false);

        assertThat(exit).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("no log for nosuch")
                .contains("postgres", "kafka", "keycloak", "mail", "api-gateway", "partner-onboarding", "catalog",
                        "orchestration", "rating", "settlement", "dispute", "self-care-portal");
    }
}
