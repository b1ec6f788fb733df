package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.infra.DatabaseRoles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail is append-only for everyone the application can be: the runtime role may only read and add,
 * and even the owner (who may alter the table) cannot truncate it while the trigger is in place.
 */
@AuditTestApplication.Test
class AuditTrailTests {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final TestHttp staff;
    private final int port;
    private final DatabaseRoles roles = AuditTestApplication.roles();
    private final String url = TestInfrastructure.database(AuditTestApplication.DATABASE);

    AuditTrailTests(@LocalServerPort int port) {
        this.port = port;
        this.staff = TestHttp.localPort(port).as(TestJwt.staff("alice", Roles.PARTNER_MANAGER));
    }

    @Test
    void recordsTheActorsSubjectIdBesideTheUserName() {
        String thing = staff.post("/api/things", "{\"name\":\"first\"}").json().get("id").asString();

        JsonNode entry = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR))
                .get("/api/audit?resourceId=" + thing).json().get(0);

        assertThat(entry.get("actor").asString()).isEqualTo("alice");
        assertThat(entry.get("actorId").asString())
                .isEqualTo(UUID.nameUUIDFromBytes("alice".getBytes()).toString());
    }

    @Test
    void aPagingValueOutOfRangeNamesTheRangeAsOtherListsDo() {
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));
        for (String limit : new String[] {"0", "1001"}) {
            TestHttp.Response response = auditor.get("/api/audit?limit=" + limit);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).isEqualTo("limit must be between 1 and 1000");
            assertThat(response.json().get("violations").get(0).get("field").asString()).isEqualTo("limit");
            assertThat(response.json().get("violations").get(0).get("message").asString())
                    .isEqualTo("limit must be between 1 and 1000");
        }
        assertThat(auditor.get("/api/audit?offset=-1").json().get("detail").asString())
                .isEqualTo("offset must be 0 or more");
    }

    @Test
    void filtersByActorActionAndTime() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        TestHttp bob = TestHttp.localPort(port).as(TestJwt.staff("bob-" + marker, Roles.PARTNER_MANAGER));
        String bobs = bob.post("/api/things", "{\"name\":\"by bob\"}").json().get("id").asString();
        staff.post("/api/things", "{\"name\":\"by alice\"}");
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));

        JsonNode byName = auditor.get("/api/audit?actor=bob-" + marker).json();
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("resourceId").asString()).isEqualTo(bobs);
        String subject = UUID.nameUUIDFromBytes(("bob-" + marker).getBytes()).toString();
        assertThat(auditor.get("/api/audit?actor=" + subject).json()).hasSize(1);
        assertThat(auditor.get("/api/audit?actor=bob-" + marker + "&action=created").json()).hasSize(1);
        assertThat(auditor.get("/api/audit?actor=bob-" + marker + "&action=deleted").json()).isEmpty();

        String occurred = byName.get(0).get("occurredAt").asString();
        assertThat(auditor.get("/api/audit?actor=bob-" + marker + "&from=" + occurred).json())
                .as("from is inclusive").hasSize(1);
        assertThat(auditor.get("/api/audit?actor=bob-" + marker + "&to=" + occurred).json())
                .as("to is exclusive").isEmpty();
        assertThat(auditor.get("/api/audit?actor=bob-" + marker + "&from=2000-01-01&to=2000-01-02").json())
                .isEmpty();

        TestHttp.Response backwards = auditor.get("/api/audit?from=2026-12-02&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("to must be after from");
        TestHttp.Response malformed = auditor.get("/api/audit?from=yesterday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("from is an ISO-8601 date");
    }

    @Test
    void followsOneRequestByItsCorrelationIdInTheQueryAndTheExport() {
        String correlation = "trace-" + UUID.randomUUID();
        String traced = staff.header("X-Correlation-Id", correlation).post("/api/things", "{\"name\":\"traced\"}")
                .json().get("id").asString();
        staff.post("/api/things", "{\"name\":\"untraced\"}");
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));

        JsonNode entries = auditor.get("/api/audit?correlationId=" + correlation).json();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("resourceId").asString()).isEqualTo(traced);
        assertThat(entries.get(0).get("correlationId").asString()).isEqualTo(correlation);
        assertThat(auditor.get("/api/audit?correlationId=no-such-request").json()).isEmpty();

        String csv = auditor.get("/api/audit/export?from=2000-01-01&to=2000-04-01&correlationId=" + correlation).body();
        assertThat(csv.lines()).as("a header only: nothing of that request so long ago").hasSize(1);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        csv = auditor.get("/api/audit/export?from=" + today + "&to=" + tomorrow + "&correlationId=" + correlation)
                .body();
        assertThat(csv.lines().skip(1)).hasSize(1).allMatch(line -> line.contains(traced) && line.endsWith(correlation));
    }

    @Test
    void theApplicationRunsAsARoleThatOwnsNothingAndFlywayAsTheOwner() throws SQLException {
        try (Connection superuser = superuser(); Statement statement = superuser.createStatement()) {
            var owners = statement.executeQuery("""
                    select distinct tableowner from pg_tables where schemaname = 'public'""");
            owners.next();
            assertThat(owners.getString(1)).isEqualTo(roles.owner());
            assertThat(owners.next()).as("every table has the one owner").isFalse();
        }
        staff.post("/api/things", "{\"name\":\"written by the runtime role\"}");
        try (Connection runtime = runtime(); Statement statement = runtime.createStatement()) {
            var user = statement.executeQuery("select current_user");
            user.next();
            assertThat(user.getString(1)).isEqualTo(roles.runtime());
            assertThat(statement.executeQuery("select count(*) from audit_event").next()).isTrue();
        }
    }

    @Test
    void theRuntimeRoleCannotTruncateUpdateDeleteOrDisarmTheAuditTrail() throws SQLException {
        staff.post("/api/things", "{\"name\":\"evidence\"}");
        try (Connection runtime = runtime()) {
            for (String attack : new String[] {
                    "truncate audit_event",
                    "update audit_event set actor = 'someone else'",
                    "delete from audit_event",
                    "drop trigger audit_event_no_update_or_delete on audit_event",
                    "drop trigger audit_event_stamped_on_insert on audit_event",
                    "drop trigger audit_event_queued_for_sealing on audit_event",
                    "insert into audit_chain_link (event_id, chain_seq, previous_hash, entry_hash)"
                            + " values (1, 999999, repeat('0', 64), repeat('0', 64))",
                    "update audit_chain_link set entry_hash = repeat('0', 64)",
                    "delete from audit_chain_link",
                    "truncate audit_chain_link",
                    "delete from audit_unsealed",
                    "insert into audit_unsealed (event_id) values (999999)",
                    "drop trigger audit_chain_link_no_update_or_delete on audit_chain_link",
                    "create or replace function audit_seal(max_entries int default 1000) returns int"
                            + " language sql as 'select 0'",
                    "drop function audit_seal(int)",
                    "alter table audit_event disable trigger all",
                    "drop table audit_event",
                    "update audit_chain_head set last_seq = 0",
                    "delete from platform_schema_history",
                    "create table sneaky (id int)"}) {
                assertThatThrownBy(() -> execute(runtime, attack)).as(attack)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
    }

    @Test
    void noOneTruncatesTheTrailWhileTheTriggerIsInPlaceNotEvenTheOwner() throws SQLException {
        staff.post("/api/things", "{\"name\":\"kept\"}");
        try (Connection owner = DriverManager.getConnection(url, roles.owner(), roles.ownerPassword())) {
            assertThatThrownBy(() -> execute(owner, "truncate audit_event"))
                    .hasMessageContaining("audit_event is append-only");
        }
        try (Connection superuser = superuser()) {
            assertThatThrownBy(() -> execute(superuser, "truncate audit_event"))
                    .hasMessageContaining("audit_event is append-only");
        }
    }

    private Connection runtime() throws SQLException {
        return DriverManager.getConnection(url, roles.runtime(), roles.runtimePassword());
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
