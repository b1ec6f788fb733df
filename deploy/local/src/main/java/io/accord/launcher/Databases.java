package io.accord.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import io.accord.infra.DatabaseRoles;
import io.accord.infra.EmbeddedPostgres;

/**
 * The PostgreSQL server the platform uses: the embedded one or an existing server. Each service database gets an
 * owner role (Flyway migrates with it) and a runtime role without DDL rights (the service runs with it), see
 * {@link DatabaseRoles}; Keycloak's database stays with the server's user.
 */
interface Databases {

    void create(String name);

    String jdbcUrl(String name);

    /** The server's user: creates databases and roles, and runs Keycloak. */
    String user();

    String password();

    /**
     * Creates or repairs the owner and runtime roles of a service's database and hands the database to the owner
     * (idempotent, so data directories from before the roles keep working). A server user that may not do that
     * is warned about, and the service then connects as that user, as before.
     */
    void prepareRoles(String name);

    /** The roles {@link #prepareRoles} set up; empty before, or when the server's user could not. */
    Optional<DatabaseRoles> roles(String name);

    static Databases embedded(EmbeddedPostgres postgres) {
        return new Databases() {
            private final Map<String, DatabaseRoles> roles = new ConcurrentHashMap<>();

            public void create(String name) {
                postgres.createDatabase(name);
            }

            public String jdbcUrl(String name) {
                return postgres.jdbcUrl(name);
            }

            public String user() {
                return postgres.username();
            }

            public String password() {
                return "";
            }

            public void prepareRoles(String name) {
                Databases.prepareRoles(this, name, roles);
            }

            public Optional<DatabaseRoles> roles(String name) {
                return Optional.ofNullable(roles.get(name));
            }
        };
    }

    static Databases external(PlatformConfig.ExternalDatabase server) {
        return new Databases() {
            private final Map<String, DatabaseRoles> roles = new ConcurrentHashMap<>();

            public void create(String name) {
                createIfMissing(server, name);
            }

            public String jdbcUrl(String name) {
                return withDatabase(server.jdbcUrl(), name);
            }

            public String user() {
                return server.user();
            }

            public String password() {
                return server.password();
            }

            public void prepareRoles(String name) {
                Databases.prepareRoles(this, name, roles);
            }

            public Optional<DatabaseRoles> roles(String name) {
                return Optional.ofNullable(roles.get(name));
            }
        };
    }

    /** {@code jdbc:postgresql://host:port/any?params} with the database replaced (or added) and params kept. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher url = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?").matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port][/database] URL: " + jdbcUrl);
        }
        return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
    }

    private static void prepareRoles(Databases server, String name, Map<String, DatabaseRoles> prepared) {
        // passwords derive from the server user's password: stable across runs, never stored
        DatabaseRoles roles = DatabaseRoles.of(name, server.password());
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(name), server.user(), server.password())) {
            roles.apply(admin);
            prepared.put(name, roles);
        } catch (SQLException e) {
            LoggerFactory.getLogger(Databases.class).warn("Cannot set up the roles {} and {} of database {} as {}"
                            + " ({}); the service connects as {} instead, which can alter its audit trail",
                    roles.owner(), roles.runtime(), name, server.user(), e.getMessage(), server.user());
        }
    }

    private static void createIfMissing(PlatformConfig.ExternalDatabase server, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + server.jdbcUrl(), e);
        }
    }
}
