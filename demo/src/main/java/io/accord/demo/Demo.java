package io.accord.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./accord demo [--records N] [--gateway URL] [--keycloak URL] [--kafka HOST:PORT] [--mail-api URL]
 * [--documents DIR]}: the whole concept-to-cash journey on a running {@code ./accord up}. Exits 1 when a step
 * fails, 2 on bad options. The last line is the conservation line of issue 13.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] arguments) {
        DemoConfig config;
        try {
            config = parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println("usage: ./accord demo [--records N (default 1000000)] [--gateway URL] [--keycloak URL]"
                    + " [--kafka HOST:PORT] [--mail-api URL] [--documents DIR]");
            System.exit(2);
            return;
        }
        Narrator narrator = Narrator.console();
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "Accord concept to cash: %s, Keycloak %s, Kafka %s, %,d usage records%n",
                config.gateway(), config.keycloak(), config.kafka(), config.records());
        try (ConceptToCash journey = new ConceptToCash(config, narrator)) {
            journey.runAll();
            System.out.println();
            System.out.printf(Locale.ROOT, "done in %s%n", Duration.ofNanos(System.nanoTime() - started)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().substring(2).toLowerCase(Locale.ROOT));
            System.out.println(journey.conservationLine());
        } catch (StepFailed e) {
            System.out.println();
            System.out.println("FAILED: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.out.println();
            System.out.println("FAILED: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.out.println("  caused by: " + cause);
            }
            System.exit(1);
        }
        System.exit(0);
    }

    static DemoConfig parse(String[] arguments) {
        int offset = Integer.parseInt(System.getenv().getOrDefault("ACCORD_PORT_OFFSET", "0"));
        DemoConfig defaults = DemoConfig.local(offset, DemoConfig.DEFAULT_RECORDS, Path.of(".accord", "demo"));
        String gateway = defaults.gateway();
        String keycloak = defaults.keycloak();
        String kafka = defaults.kafka();
        String mail = defaults.mailApi();
        long records = defaults.records();
        Path documents = defaults.documents();
        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i];
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (i + 1 < arguments.length) {
                value = arguments[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--records" -> records = parseCount(value);
                case "--gateway" -> gateway = value;
                case "--keycloak" -> keycloak = value;
                case "--kafka" -> kafka = value;
                case "--mail-api" -> mail = value;
                case "--documents" -> documents = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (records < 100) {
            throw new IllegalArgumentException("--records must be at least 100, not " + records);
        }
        return new DemoConfig(gateway, keycloak, kafka, mail, records, documents.toAbsolutePath());
    }

    private static long parseCount(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        try {
            if (lower.endsWith("m")) {
                return Long.parseLong(lower.substring(0, lower.length() - 1)) * 1_000_000;
            }
            if (lower.endsWith("k")) {
                return Long.parseLong(lower.substring(0, lower.length() - 1)) * 1_000;
            }
            return Long.parseLong(lower);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--records is a count (e.g. 100000, 100k, 1m), not '" + value + "'");
        }
    }
}
