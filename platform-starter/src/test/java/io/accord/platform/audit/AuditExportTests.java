package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.csv.CsvCells;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET <api>/audit/export}: every entry matching the filters as CSV, beyond the query's page cap of 1000,
 * guarded against CSV injection; from and to are required and bounded.
 */
@AuditTestApplication.Test
class AuditExportTests {

    private static final List<String> HEADER = List.of("service", "id", "occurredAt", "actor", "actorId",
            "partnerId", "resourceType", "resourceId", "action", "before", "after", "correlationId");

    private final TestHttp auditor;
    private final TestHttp http;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    AuditExportTests(@LocalServerPort int port, AuditTrail trail, TransactionTemplate transactions, JdbcClient jdbc) {
        this.http = TestHttp.localPort(port);
        this.auditor = http.as(TestJwt.staff("audra", Roles.AUDITOR));
        this.trail = trail;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Test
    void exportsEveryMatchingEntryBeyondTheQuerysPageCapNewestFirst() throws IOException {
        String type = "bulk-" + UUID.randomUUID();
        int written = 1_203;
        transactions.executeWithoutResult(status -> IntStream.range(0, written).forEach(i ->
                trail.record(null, type, "r-" + i, "created", null, Map.of("n", i))));
        transactions.executeWithoutResult(status ->
                trail.record(null, "other-" + type, "r-x", "created", null, Map.of("n", -1)));

        TestHttp.Response response = auditor.header("Accept", "text/csv")
                .get("/api/audit/export?resourceType=" + type + "&from=" + window());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = parse(response.body());
        assertThat(rows.getFirst().toList()).isEqualTo(HEADER);
        List<CSVRecord> entries = rows.subList(1, rows.size());
        assertThat(entries).hasSize(written)
                .allSatisfy(row -> assertThat(row.get(6)).isEqualTo(type))
                .allSatisfy(row -> assertThat(row.get(0)).isEqualTo("platform-audit"));
        List<Long> ids = entries.stream().map(row -> Long.parseLong(row.get(1))).toList();
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(jdbc.sql(
                "select id from audit_event where resource_type = :type").param("type", type).query(Long.class).list());
        // the query answers at most 1000 of them at once
        assertThat(auditor.get("/api/audit?limit=1001&resourceType=" + type).status()).isEqualTo(400);
    }

    @Test
    void writesEveryColumnGuardingTextsASpreadsheetWouldTakeForAFormula() throws IOException {
        String resource = "=HYPERLINK(\"http://evil.example\",\"click\")," + UUID.randomUUID();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", "+49 30 1234, \"Berlin\"\nsecond line");
        UUID partner = UUID.randomUUID();
        transactions.executeWithoutResult(status -> trail.record(PartnerId.of(partner.toString()), "thing", resource,
                "-renamed", Map.of("name", "@old"), after));

        TestHttp.Response response = auditor.get("/api/audit/export?resourceId="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8) + "&from=" + window());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<CSVRecord> rows = parse(response.body());
        assertThat(rows).hasSize(2);
        CSVRecord row = rows.get(1);
        Map<String, Object> stored = jdbc.sql("""
                        select id, occurred_at, actor, before_state::text as before, after_state::text as after
                        from audit_event where resource_id = :resource""")
                .param("resource", resource).query().singleRow();
        assertThat(row.get(HEADER.indexOf("id"))).isEqualTo(stored.get("id").toString());
        assertThat(Instant.parse(row.get(HEADER.indexOf("occurredAt"))))
                .isEqualTo(((java.sql.Timestamp) stored.get("occurred_at")).toInstant());
        assertThat(row.get(HEADER.indexOf("actor"))).isEqualTo(stored.get("actor"));
        assertThat(row.get(HEADER.indexOf("partnerId"))).isEqualTo(partner.toString());
        assertThat(row.get(HEADER.indexOf("resourceType"))).isEqualTo("thing");
        assertThat(row.get(HEADER.indexOf("resourceId"))).isEqualTo("'" + resource);
        assertThat(row.get(HEADER.indexOf("action"))).isEqualTo("'-renamed");
        assertThat(CsvCells.unguard(row.get(HEADER.indexOf("resourceId")))).isEqualTo(resource);
        assertThat(row.get(HEADER.indexOf("before"))).isEqualTo(stored.get("before"));
        assertThat(JsonMapper.shared().readTree(row.get(HEADER.indexOf("after"))).get("name").asString())
                .isEqualTo("+49 30 1234, \"Berlin\"\nsecond line");
        assertThat(row.get(HEADER.indexOf("after"))).isEqualTo(stored.get("after"));
    }

    @Test
    void namesTheFileAfterItsTimes() {
        TestHttp.Response byDate = auditor.get("/api/audit/export?from=2026-11-01&to=2026-12-01");
        assertThat(byDate.status()).isEqualTo(200);
        assertThat(byDate.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"audit-2026-11-01-2026-12-01.csv\"");
        assertThat(parse(byDate.body())).hasSize(1);

        TestHttp.Response byInstant = auditor.get(
                "/api/audit/export?from=2026-11-01T09:30:00Z&to=2026-11-01T11:00:00%2B01:00");
        assertThat(byInstant.status()).as(byInstant.toString()).isEqualTo(200);
        assertThat(byInstant.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"audit-2026-11-01T093000Z-2026-11-01T100000Z.csv\"");
    }

    @Test
    void needsABoundedTimeSoThatAnExportIsNeverTheWholeTrail() {
        assertRefused(auditor.get("/api/audit/export"), "from");
        assertRefused(auditor.get("/api/audit/export?from=2026-11-01"), "to");
        assertRefused(auditor.get("/api/audit/export?to=2026-11-01"), "from");
        assertRefused(auditor.get("/api/audit/export?from=2026-11-02&to=2026-11-01"), "to");
        assertRefused(auditor.get("/api/audit/export?from=yesterday&to=2026-11-01"), "from");
        // 92 days is the longest export: a quarter
        assertThat(auditor.get("/api/audit/export?from=2026-01-01&to=2026-04-03").status()).isEqualTo(200);
        assertRefused(auditor.get("/api/audit/export?from=2026-01-01&to=2026-04-03T00:00:01Z"), "to");
    }

    @Test
    void isForAuditorsAndPlatformAdminsOnly() {
        String query = "/api/audit/export?from=2026-11-01&to=2026-11-02";
        assertThat(http.as(TestJwt.staff("alice", Roles.PARTNER_MANAGER)).get(query).status()).isEqualTo(403);
        assertThat(http.as(TestJwt.partner("pat", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN)).get(query)
                .status()).isEqualTo(403);
        assertThat(http.get(query).status()).isEqualTo(401);
        assertThat(http.as(TestJwt.staff("root", Roles.PLATFORM_ADMIN)).get(query).status()).isEqualTo(200);
    }

    private static void assertRefused(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("violations").get(0).get("field").asString()).isEqualTo(field);
    }

    /** A window around now: from an hour ago to an hour ahead. */
    private static String window() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return now.minus(1, ChronoUnit.HOURS) + "&to=" + now.plus(1, ChronoUnit.HOURS);
    }

    private static List<CSVRecord> parse(String csv) {
        try (var parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
