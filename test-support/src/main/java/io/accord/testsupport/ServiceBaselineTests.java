package io.accord.testsupport;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Accord service answers from day one: public health probes, 401/403 problem+json, its audit trail
 * for auditors, and its API docs. A service's test extends this and names its API base path.
 */
public abstract class ServiceBaselineTests {

    @LocalServerPort
    protected int port;

    /** The service's REST prefix behind the gateway, e.g. {@code /api/rating}. */
    protected abstract String apiBasePath();

    @Test
    void healthProbesArePublicAndUp() {
        TestHttp anonymous = TestHttp.localPort(port);

        assertThat(anonymous.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theApiNeedsAToken() {
        TestHttp.Response response = TestHttp.localPort(port).get(apiBasePath() + "/audit");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void auditorsReadTheAuditTrailAndPartnersMayNot() {
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor", Roles.AUDITOR));
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));

        TestHttp.Response trail = auditor.get(apiBasePath() + "/audit?limit=5");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.header("X-Total-Count")).isNotNull();
        assertThat(partner.get(apiBasePath() + "/audit").status()).isEqualTo(403);
        assertThat(auditor.get(apiBasePath() + "/audit?limit=0").status()).isEqualTo(400);
        assertThat(auditor.get(apiBasePath() + "/audit?partnerId=not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void opsAndAuditorsSeeParkedOutboxEventsAndTheirHealthDetailAndPartnerManagersMayNot() {
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS));
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));

        TestHttp.Response parked = ops.get(apiBasePath() + "/admin/outbox/parked");
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.header("X-Total-Count")).isNotNull();
        assertThat(manager.get(apiBasePath() + "/admin/outbox/parked").status()).isEqualTo(403);
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor", Roles.AUDITOR));
        assertThat(auditor.get(apiBasePath() + "/admin/outbox/parked").status()).as("auditors read everything")
                .isEqualTo(200);
        assertThat(auditor.post(apiBasePath() + "/admin/outbox/parked/" + java.util.UUID.randomUUID() + "/retry", "")
                .status()).as("and change nothing").isEqualTo(403);
        assertThat(ops.get("/actuator/health/outbox").json().get("details").has("parked")).isTrue();
    }

    @Test
    void opsListTheDeadLettersOfItsConsumersAndAuditorsAndPartnerManagersMayNot() {
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS));
        String deadLetters = apiBasePath() + "/admin/dead-letters";

        TestHttp.Response listed = ops.get(deadLetters + "?limit=5");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.header("X-Total-Count")).isNotNull();
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER)).get(deadLetters).status())
                .isEqualTo(403);
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("auditor", Roles.AUDITOR)).get(deadLetters).status())
                .as("a dead letter's payload may carry personal data").isEqualTo(403);
    }

    @Test
    void publishesItsOpenApiDocument() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
    }

    /**
     * The operations an anonymous caller may use, as {@code "POST /path"} with the path template of the API docs:
     * the only ones shown without a lock. None by default.
     */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    @Test
    void apiDocsFollowTheConventions() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(ApiDocsConventionChecks.breaches(docs.json())).isEmpty();
        assertThat(ApiDocsConventionChecks.unlockedOperations(docs.json())).isEqualTo(publicOperations());
        assertThat(docs.json().path("components").path("securitySchemes").path("keycloak").path("flows")
                .path("authorizationCode").path("authorizationUrl").asString())
                .endsWith("/protocol/openid-connect/auth");
    }

    /** Schemas the starter adds to every document itself, from no Java type of the service. */
    private static final Set<String> STARTER_SCHEMAS = Set.of("Problem");

    @Test
    void everySchemaOfTheApiDocsDescribesOneJavaType(@Autowired ApplicationContext context) {
        JsonNode schemas = TestHttp.localPort(port).get("/v3/api-docs").json().path("components").path("schemas");
        Set<String> documented = new TreeSet<>(schemas.propertyNames());
        documented.removeAll(STARTER_SCHEMAS);

        Map<String, Set<String>> typesByName = SchemaNameChecks.typesByName(context);

        assertThat(typesByName.keySet()).as("the schemas the check sees").containsAll(documented);
        assertThat(SchemaNameChecks.shared(typesByName)).as("schema names several Java types share: the docs show one"
                + " shape for all of them; give each its own @Schema(name = ...)").isEmpty();
    }

    /**
     * The service's own busy tables whose every column has the small statistics target of platform migration V14
     * ({@code platform_sample_statistics}), beside the starter's outbox, inbox and audit tables. None by default.
     */
    protected Set<String> sampledTables() {
        return Set.of();
    }

    @Test
    void busyTablesAnalyseASmallSample(@Autowired DataSource dataSource) throws SQLException {
        Set<String> tables = new HashSet<>(Set.of("outbox_event", "inbox_event", "audit_event", "audit_chain_link"));
        tables.addAll(sampledTables());
        Set<String> found = new HashSet<>();
        List<String> defaultSample = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement columns = connection.prepareStatement("""
                     select c.relname, a.attname, a.attstattarget
                     from pg_attribute a join pg_class c on c.oid = a.attrelid
                     where c.relnamespace = current_schema()::regnamespace and c.relname = any(?)
                       and a.attnum > 0 and not a.attisdropped""")) {
            columns.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                    if (rows.getInt(3) != 10) {
                        defaultSample.add(rows.getString(1) + "." + rows.getString(2));
                    }
                }
            }
        }
        assertThat(found).isEqualTo(tables);
        assertThat(defaultSample).as("columns without platform_sample_statistics' target (the largest target decides"
                + " the sample)").isEmpty();
    }

    /**
     * Foreign keys whose referencing columns lead no index: deleting or re-keying a referenced row then makes
     * PostgreSQL read the referencing table whole to check it, and a lookup by the reference does the same. None by
     * default; a service lists one here only with the reason the referencing table stays small.
     */
    protected Set<String> unindexedForeignKeys() {
        return Set.of();
    }

    @Test
    void everyForeignKeyLeadsAnIndex(@Autowired DataSource dataSource) throws SQLException {
        List<String> unindexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement keys = connection.prepareStatement(UNINDEXED_FOREIGN_KEYS);
             ResultSet rows = keys.executeQuery()) {
            while (rows.next()) {
                unindexed.add(rows.getString(1));
            }
        }
        assertThat(unindexed).as("foreign keys (table.constraint(columns)) whose columns lead no index")
                .containsExactlyInAnyOrderElementsOf(unindexedForeignKeys());
    }

    /** Its columns lead an index when they are the index's first ones, in any order; partial indexes do not count. */
    private static final String UNINDEXED_FOREIGN_KEYS = """
            select c.conrelid::regclass::text || '.' || c.conname || '(' || (
                       select string_agg(a.attname, ',' order by k.n) from unnest(c.conkey) with ordinality k(attnum, n)
                       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) || ')'
            from pg_constraint c
            where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
              and not exists (
                  select 1 from pg_index i
                  where i.indrelid = c.conrelid and i.indpred is null
                    and (select array_agg(x order by x)
                         from unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)]) x)
                        = (select array_agg(x order by x) from unnest(c.conkey) x))
            order by 1""";

    @Test
    void unknownPathsAreProblemJsonNotFound() {
        TestHttp.Response response = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS))
                .get(apiBasePath() + "/no-such-resource");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).isEqualTo("No operation answers GET " + apiBasePath()
                + "/no-such-resource; see the API documentation at /swagger-ui.html for the paths there are.");
    }
}
