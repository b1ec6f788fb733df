package io.accord.launcher;

import java.util.List;
import java.util.Optional;

/**
 * The launcher's arguments: {@code up [--infra-only] | status [NAME] | logs NAME [-f] [-n LINES]
 * | events TOPIC [-f] [-n COUNT] | dlt SERVICE [list | show ID | replay ID...] | down | is-running}. The
 * {@code accord} script runs the other commands itself ({@code test}, {@code bench}, {@code smoke}, {@code demo}, {@code help}); {@link #USAGE} names them all, the same
 * lines as the script's {@code help}, since a mistake here is answered with it.
 * {@code is-running} (exit code 0 when a platform runs) lets the {@code accord} script refuse a second
 * {@code up} before it rebuilds jars that running services have open.
 */
record CommandLine(Command command, Optional<String> component, boolean follow, int lines, boolean infraOnly,
                   List<String> operands) {

    enum Command { UP, STATUS, LOGS, EVENTS, DLT, DOWN, IS_RUNNING }

    CommandLine {
        operands = List.copyOf(operands);
    }

    static final String USAGE = """
            usage: ./accord up [--infra-only] | status [NAME] | logs NAME [-f] [-n LINES] | events TOPIC [-f] [-n COUNT] \
            | dlt SERVICE [list | show ID | replay ID...] | down | test \
            | bench gateway|import|orders|rating|rating-engine|settlement | smoke [--base-url URL] [--keycloak-url URL] | help
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
            case "dlt" -> Command.DLT;
            case "down" -> Command.DOWN;
            case "is-running" -> Command.IS_RUNNING;
            default -> throw new IllegalArgumentException("unknown command " + arguments.getFirst() + "\n" + USAGE);
        };
        if (command == Command.DLT) {
            return deadLetters(arguments.subList(1, arguments.size()));
        }
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
        return new CommandLine(command, Optional.ofNullable(component), follow, lines, infraOnly, List.of());
    }

    /** {@code dlt SERVICE [list | show ID | replay ID...]}: the operands are the action (list by default) and its ids. */
    private static CommandLine deadLetters(List<String> arguments) {
        if (arguments.isEmpty() || arguments.getFirst().startsWith("-")) {
            throw new IllegalArgumentException("dlt needs a service name, e.g. ./accord dlt settlement list\n" + USAGE);
        }
        List<String> operands = arguments.size() == 1 ? List.of("list") : arguments.subList(1, arguments.size());
        String action = operands.getFirst();
        int ids = operands.size() - 1;
        boolean fits = switch (action) {
            case "list" -> ids == 0;
            case "show" -> ids == 1;
            case "replay" -> ids >= 1;
            default -> throw new IllegalArgumentException("unknown dlt action " + action + " (list, show ID, replay"
                    + " ID...)\n" + USAGE);
        };
        if (!fits) {
            throw new IllegalArgumentException("dlt " + action + (action.equals("list") ? " takes no id"
                    : action.equals("show") ? " needs one dead letter id" : " needs dead letter ids")
                    + ", as list shows them (e.g. settlement.events.v1.DLT-0@12)\n" + USAGE);
        }
        return new CommandLine(Command.DLT, Optional.of(arguments.getFirst()), false, 0, false, operands);
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
