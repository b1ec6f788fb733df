package io.accord.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name=value} arguments of a benchmark command, checked against the names it knows; every mistake is
 * an {@link IllegalArgumentException} whose message ends with the command's usage line.
 */
final class Arguments {

    private final Map<String, String> values;
    private final String usage;

    private Arguments(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    static Arguments parse(String[] arguments, Set<String> names, String usage) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unexpected argument " + argument + "; " + usage);
            }
            String name = argument.substring(2, equals);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + argument + "; " + usage);
            }
            values.put(name, argument.substring(equals + 1));
        }
        return new Arguments(values, usage);
    }

    /** A port of {@code ./accord up} on this machine, shifted by {@code ACCORD_PORT_OFFSET} like the launcher's. */
    static URI local(Map<String, String> environment, int port) {
        int offset = Integer.parseInt(environment.getOrDefault("ACCORD_PORT_OFFSET", "0").strip());
        return URI.create("http://localhost:" + (port + offset));
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    URI uri(String name, URI otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : URI.create(value);
    }

    int positive(String name, int otherwise) {
        String text = values.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " expects a positive number, not " + text + "; " + usage);
    }

    /** The value if it is one of {@code allowed}. */
    String oneOf(String name, String otherwise, Set<String> allowed) {
        String value = text(name, otherwise);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("--" + name + " is one of " + String.join(", ", allowed.stream()
                    .sorted().toList()) + ", not " + value + "; " + usage);
        }
        return value;
    }
}
