package io.accord.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import io.accord.infra.KeycloakServer;

/**
 * Entry point of the launcher jar, run by the {@code accord} script from the project root
 * ({@code -Daccord.root} names it otherwise).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] arguments) {
        CommandLine line;
        try {
            line = CommandLine.parse(Arrays.asList(arguments));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("accord.root", "")).toAbsolutePath();
        PlatformConfig config = PlatformConfig.fromEnvironment(root, System.getenv());
        if (System.getenv(PlatformConfig.HEALTH_TIMEOUT_VARIABLE) != null
                && System.getProperty(KeycloakServer.STARTUP_TIMEOUT_PROPERTY) == null) {
            // the longer timeout of a busy machine holds for Keycloak's start too
            System.setProperty(KeycloakServer.STARTUP_TIMEOUT_PROPERTY,
                    Long.toString(config.healthTimeout().toSeconds()));
        }
        int exitCode = switch (line.command()) {
            case UP -> new UpCommand(line.infraOnly() ? config.withoutServices() : config, System.out).run();
            case STATUS -> new StatusCommand(config, System.out).run(line.component());
            case LOGS -> new LogsCommand(config, System.out).run(line.component().orElseThrow(), line.lines(),
                    line.follow());
            case EVENTS -> new EventsCommand("localhost:" + config.kafkaPort(), System.out).run(line.component().orElseThrow(), line.lines(),
                    line.follow());
            case DLT -> deadLetters(config, line);
            case DOWN -> new DownCommand(config, System.out).run();
            case IS_RUNNING -> RunState.read(config.stateFile()).filter(RunState::anythingRunning).isPresent() ? 0 : 1;
        };
        System.exit(exitCode);
    }

    private static int deadLetters(PlatformConfig config, CommandLine line) {
        OpsApi.Settings settings;
        try {
            settings = OpsApi.Settings.from(config, System.getenv());
        } catch (OpsApi.LoginFailed noPassword) {
            System.out.println(noPassword.getMessage());
            return 1;
        }
        return new DeadLettersCommand(new OpsApi(settings), System.out, Clock.systemUTC())
                .run(line.component().orElseThrow(), line.operands());
    }
}
