package io.accord.launcher;

import java.util.List;
import java.util.Optional;

/**
 * The launcher's arguments: {@code up [--infra-only] | status [NAME] | logs NAME [-f] [-n LINES]
 * | events TOPIC [-f] [-n COUNT] | down | is-running}. The {@code accord} script runs the other commands itself
 * ({@code test}, {@code bench}, {@code smoke}, {@code demo}, {@code help}); {@link #USAGE} names them all, the same
 * lines as the script's {@code help}, since a mistake here is answered with it.
 * {@code is-running} (exit code 0 when a platform runs) lets the {@code accord} script refuse a second
 * {@code up} before it rebuilds jars that running services have open.
 */
record CommandLine(Command command, Optional<String> component, boolean follow, int lines, boolean infraOnly) {

    enum Command { UP, STATUS, LOGS, EVENTS, DOWN, IS_RUNNING }

    static final String USAGE = """
            usage: ./accord up [--infra-only] | status [NAME] | logs NAME [-f] [-n LINES] | events TOPIC [-f] [-n COUNT] \
            | down | test | bench gateway|import|orders|rating|rating-engine|settlement \
            | smoke [--base-url URL] [--keycloak-url URL] | help
                   ./accord demo [--records N (default 1000000)] [--documents DIR]   (on a running ./accord up)""";

    static CommandLine parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        Command command = switch (arguments.getFirst()) {
            case "up" -> Command.UP;
            case "status" -> Command.STATUS;
            case "logs" -> Command.LOGS;
            case "events" -> Command.EVENTS;
            case "down" -> Command.DOWN;
            case "is-running" -> Command.IS_RUNNING;
            default -> throw new IllegalArgumentException("unknown command " + arguments.getFirst() + "\n" + USAGE);
        };
        String component = null;
        boolean follow = false;
        boolean infraOnly = false;
        int lines = command == Command.EVENTS ? 20 : 200;
        boolean named = command == Command.LOGS || command == Command.EVENTS;
        // status NAME: that one component's health; follow and -n mean nothing there
        boolean nameOnly = command == Command.STATUS;
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (named && (argument.equals("-f") || argument.equals("--follow"))) {
                follow = true;
            } else if (named && argument.equals("-n") && i + 1 < arguments.size()) {
                lines = positive(arguments.get(++i));
            } else if (command == Command.UP && argument.equals("--infra-only")) {
                infraOnly = true;
            } else if ((named || nameOnly) && component == null && !argument.startsWith("-")) {
                component = argument;
            } else {
                throw new IllegalArgumentException("unexpected argument " + argument + " for " + arguments.getFirst()
                        + "\n" + USAGE);
            }
        }
        if (command == Command.LOGS && component == null) {
            throw new IllegalArgumentException("logs needs a component name\n" + USAGE);
        }
        if (command == Command.EVENTS && component == null) {
            throw new IllegalArgumentException("events needs a topic, e.g. catalog.events.v1\n" + USAGE);
        }
        return new CommandLine(command, Optional.ofNullable(component), follow, lines, infraOnly);
    }

    private static int positive(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-n needs a positive number, not " + text, e);
        }
        throw new IllegalArgumentException("-n needs a positive number, not " + text);
    }
}
