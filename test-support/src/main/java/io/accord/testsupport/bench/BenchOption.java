package io.accord.testsupport.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One option of a bench's command line, written {@code --name value} or {@code --name=value} (the value split off at
 * the first {@code =}, so {@code --service-arg=--a.b=c} has the value {@code --a.b=c}).
 *
 * @param argument the option as written (for error messages)
 * @param name     {@code --name}
 * @param value    its value; {@code null} when the command line ends after the name
 */
public record BenchOption(String argument, String name, String value) {

    public static List<BenchOption> parse(String[] arguments) {
        List<BenchOption> options = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                options.add(new BenchOption(argument, argument.substring(0, equals), argument.substring(equals + 1)));
            } else {
                options.add(new BenchOption(argument, argument, i + 1 < arguments.length ? arguments[++i] : null));
            }
        }
        return options;
    }
}
