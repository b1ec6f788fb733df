package io.accord.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The two PostgreSQL roles of one service database: the {@code owner} that Flyway migrates with (it owns the
 * database, its schema and every table) and the {@code runtime} role the application connects as. The runtime role
 * gets no DDL right: the platform starter grants it DML on the tables after each migration, and nothing but
 * SELECT and INSERT on the audit trail.
 *
 * <p>{@link #apply(Connection)} is idempotent and also repairs a database created before the roles existed:
 * missing roles are created, passwords reset, and the database, its schema and every table, view, sequence and
 * function still owned by someone else (the superuser, on old data directories) are handed to the owner.
 *
 * <p>Passwords are derived from a secret the caller already has (the administrator's password), so they are
 * stable across runs without being stored or committed; with the embedded server's trust authentication they
 * are not even checked.
 */
public record DatabaseRoles(String database, String owner, String ownerPassword, String runtime,
                            String runtimePassword) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,50}");

    public DatabaseRoles {
        for (String name : new String[] {database, owner, runtime}) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain lower-case PostgreSQL name: " + name);
            }
        }
    }

    /** {@code <database>_owner} and {@code <database>_app}, with passwords derived from {@code secret}. */
    public static DatabaseRoles of(String database, String secret) {
        String owner = database + "_owner";
        String runtime = database + "_app";
        return new DatabaseRoles(database, owner, derivePassword(secret, owner), runtime,
                derivePassword(secret, runtime));
    }

    /**
     * Creates or repairs both roles and hands the database to the owner. {@code admin} is connected to this
     * database as a user that may create roles and change owners (a superuser; a {@code CREATEROLE} user that is
     * a member of the roles it created, as far as PostgreSQL lets it).
     */
    public void apply(Connection admin) throws SQLException {
        ensureRole(admin, owner, ownerPassword);
        ensureRole(admin, runtime, runtimePassword);
        try (Statement statement = admin.createStatement()) {
            String schema = currentSchema(admin);
            statement.execute("alter database " + database + " owner to " + owner);
            statement.execute("grant connect on database " + database + " to " + runtime);
            statement.execute("alter schema " + schema + " owner to " + owner);
            // only the owner creates objects; the runtime role uses what is there
            statement.execute("revoke create on schema " + schema + " from public");
            statement.execute("grant usage on schema " + schema + " to " + runtime);
            statement.execute(handOverObjects(schema));
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        try (PreparedStatement exists = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet found = exists.executeQuery(); Statement statement = admin.createStatement()) {
                if (!found.next()) {
                    try {
                        statement.execute("create role " + role + " login");
                    } catch (SQLException e) {
                        // 42710 duplicate_object: a concurrent caller created it between our check and our CREATE
                        if (!"42710".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
                // no superuser, no role creation, no bypass of row security: whatever an older setup gave it
                statement.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole nobypassrls"
                        + " password '" + password + "'");
            }
        }
    }

    private static String currentSchema(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement();
             ResultSet schema = statement.executeQuery("select quote_ident(current_schema())")) {
            schema.next();
            return schema.getString(1);
        }
    }

    /**
     * Tables, views, sequences and functions of the schema that someone other than the owner owns. Sequences of
     * serial and identity columns follow their table; members of extensions stay with the extension.
     */
    private String handOverObjects(String schema) {
        return """
                do $$
                declare
                    object record;
                begin
                    for object in
                        select c.oid::regclass as name,
                               case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                              when 'm' then 'materialized view' when 'f' then 'foreign table'
                                              else 'table' end as kind
                        from pg_class c
                        where c.relnamespace = '%1$s'::regnamespace
                          and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                          and c.relowner <> '%2$s'::regrole
                          and not exists (select 1 from pg_depend d
                                          where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                            and d.deptype in ('a', 'i', 'e'))
                    loop
                        execute format('alter %%s %%s owner to %%I', object.kind, object.name, '%2$s');
                    end loop;
                    for object in
                        select p.oid::regprocedure as name
                        from pg_proc p
                        where p.pronamespace = '%1$s'::regnamespace
                          and p.prokind in ('f', 'p')
                          and p.proowner <> '%2$s'::regrole
                          and not exists (select 1 from pg_depend d
                                          where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                                            and d.deptype = 'e')
                    loop
                        execute format('alter routine %%s owner to %%I', object.name, '%2$s');
                    end loop;
                end
                $$
                """.formatted(schema, owner);
    }

    static String derivePassword(String secret, String role) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("accord-db-role:" + role + ":" + (secret == null ? "" : secret))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
