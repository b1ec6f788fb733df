package io.accord.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.accord.infra.EmbeddedPostgres;

/** The PostgreSQL server the platform uses: the embedded one or an existing server. */
interface Databases {

    void create(String name);

    String jdbcUrl(String name);

    String user();

    String password();

    static Databases embedded(EmbeddedPostgres postgres) {
        return new Databases() {
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
        };
    }

    static Databases external(PlatformConfig.ExternalDatabase server) {
        return new Databases() {
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
