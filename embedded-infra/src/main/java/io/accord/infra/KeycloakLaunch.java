package io.accord.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How Keycloak is run from an unpacked distribution: {@code bin/kc.sh start-dev --import-realm} (without the import
 * when the database holds the realm already) with its command line and environment, on PostgreSQL when a JDBC URL
 * is given and on Keycloak's dev-file database otherwise.
 */
record KeycloakLaunch(Path dist, int httpPort, int managementPort, String jdbcUrl, String dbUser, String dbPassword,
                      String extraJvmOption, boolean realmImport) {

    KeycloakLaunch(Path dist, int httpPort, int managementPort, String jdbcUrl, String dbUser, String dbPassword) {
        this(dist, httpPort, managementPort, jdbcUrl, dbUser, dbPassword, null, true);
    }

    private static final String DEFAULT_HEAP = "-Xms64m -Xmx512m";
    private static final String DEFAULT_JVM_OPTIONS = "-XX:-UseG1GC -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** The same launch with one more JVM option after the others (the start-up cache's). */
    KeycloakLaunch withJvmOption(String option) {
        return new KeycloakLaunch(dist, httpPort, managementPort, jdbcUrl, dbUser, dbPassword, option, realmImport);
    }

    /**
     * The same launch without {@code --import-realm}, for a database that holds the realm already: Keycloak would
     * read and parse the whole realm file only to skip it (about 4 s of a loaded start-up's wall time).
     */
    KeycloakLaunch withoutRealmImport() {
        return new KeycloakLaunch(dist, httpPort, managementPort, jdbcUrl, dbUser, dbPassword, extraJvmOption, false);
    }

    /** The heap and the other JVM options Keycloak runs with (without {@link #extraJvmOption()}). */
    static String jvmOptions() {
        return heap() + " " + otherJvmOptions();
    }

    private static String heap() {
        return System.getProperty(KeycloakServer.HEAP_PROPERTY, DEFAULT_HEAP);
    }

    private static String otherJvmOptions() {
        return System.getProperty(KeycloakServer.JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS);
    }

    /** Puts the realm file alone into the distribution's {@code data/import/}, which {@code --import-realm} reads. */
    void importRealm(Path realmImportFile) throws IOException {
        Path importDir = dist.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                if (p.getFileName().toString().endsWith(".json")) {
                    Files.delete(p);
                }
            }
        }
        Files.copy(realmImportFile, importDir.resolve(KeycloakServer.REALM + "-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Whether the PostgreSQL database holds the realm already (a row in Keycloak's {@code realm} table). False for
     * the dev-file database, a new database without Keycloak's schema, and a database that cannot be reached (then
     * Keycloak imports the realm, or reports the database itself).
     */
    boolean databaseHolds(String realm) {
        if (!usesPostgres()) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             PreparedStatement query = connection.prepareStatement("select 1 from realm where name = ?")) {
            query.setString(1, realm);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs Keycloak in the distribution directory, output (both streams) to {@code logFile}, no input. */
    ProcessBuilder processBuilder(Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        configure(builder.environment());
        return builder;
    }

    /** What Keycloak's build depends on besides its version: the build-time options of {@link #command()}. */
    String buildKey() {
        return "dev-" + (usesPostgres() ? "postgres" : "dev-file") + "-health";
    }

    /** The database, as the start-up log line names it. */
    String databaseDescription() {
        return usesPostgres() ? jdbcUrl : "dev-file database";
    }

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                dist.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + httpPort,
                "--health-enabled=true"));
        if (realmImport) {
            command.add("--import-realm");
        }
        if (usesPostgres()) {
            command.add("--db=postgres");
            command.add("--db-url=" + jdbcUrl);
            if (dbUser != null) {
                command.add("--db-username=" + dbUser);
            }
        } else {
            command.add("--db=dev-file");
        }
        return command;
    }

    private void configure(Map<String, String> env) {
        // no foreign Keycloak configuration leaks in from the caller's environment
        env.keySet().removeIf(k -> k.startsWith("KC_"));
        env.remove("JAVA_OPTS");
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", heap());
        // small footprint and fast start on a shared dev box: kc.sh selects G1, which is switched off again here
        env.put("JAVA_OPTS_APPEND", extraJvmOption == null ? otherJvmOptions()
                : otherJvmOptions() + " " + extraJvmOption);
        if (usesPostgres() && dbPassword != null) {
            env.put("KC_DB_PASSWORD", dbPassword); // not on the command line, where ps would show it
        }
    }

    boolean usesPostgres() {
        return jdbcUrl != null && !jdbcUrl.isBlank();
    }

    // the password stays out of logs and exception messages
    @Override
    public String toString() {
        return "KeycloakLaunch[" + dist + ", port " + httpPort + ", management port " + managementPort + ", "
                + databaseDescription() + "]";
    }
}
