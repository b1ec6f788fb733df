package io.accord.catalog.importjob;

import io.accord.catalog.offering.Offerings;
import io.accord.platform.partner.PartnerView;
import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class ImportJobApiTests {

    @LocalServerPort
    int port;

    private final PartnerView partners;
    private final JdbcClient jdbc;
    private final Offerings offerings;

    ImportJobApiTests(PartnerView partners, JdbcClient jdbc, Offerings offerings) {
        this.partners = partners;
        this.jdbc = jdbc;
        this.offerings = offerings;
    }

    @Test
    void anotherPartnersJobIsNotFoundAndNotListed() {
        String a = ImportFixtures.activePartner(partners, "Import A");
        String b = ImportFixtures.activePartner(partners, "Import B");
        TestHttp adminA = admin(a);
        TestHttp adminB = admin(b);
        String href = ImportFixtures.upload(adminA, "?dryRun=true", ImportFixtures.generated("a", 2), "text/csv")
                .header("Location");

        assertThat(adminB.get(href).status()).isEqualTo(404);
        assertThat(adminB.get(href + "/rows").status()).isEqualTo(404);
        assertThat(adminB.get(ImportFixtures.IMPORT_JOBS).json().findValuesAsString("id"))
                .doesNotContain(href.substring(href.lastIndexOf('/') + 1));
        assertThat(adminA.get(href).status()).isEqualTo(200);
        assertThat(adminA.get(ImportFixtures.IMPORT_JOBS).header("X-Total-Count")).isEqualTo("1");
        assertThat(adminA.get(ImportFixtures.IMPORT_JOBS + "/not-a-uuid").status()).isEqualTo(404);
        assertThat(adminA.get(ImportFixtures.IMPORT_JOBS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void jobsAreListedByStatus() {
        TestHttp admin = admin(ImportFixtures.activePartner(partners, "Status Filter Import"));
        JsonNode succeeded = ImportFixtures.importAndWait(admin, "?dryRun=true", ImportFixtures.generated("sf", 1),
                "text/csv");
        JsonNode failed = ImportFixtures.importAndWait(admin, "?mode=allOrNothing",
                ImportFixtures.generated("sf", 1).replace(",2.99,", ",x,"), "text/csv");
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("Failed");

        assertThat(admin.get(ImportFixtures.IMPORT_JOBS + "?status=Failed").json())
                .extracting(job -> job.get("id").asString()).containsExactly(failed.get("id").asString());
        assertThat(admin.get(ImportFixtures.IMPORT_JOBS + "?status=succeeded").json())
                .extracting(job -> job.get("id").asString()).containsExactly(succeeded.get("id").asString());
        assertThat(admin.get(ImportFixtures.IMPORT_JOBS + "?status=Failed,Succeeded").header("X-Total-Count"))
                .isEqualTo("2");
        assertThat(admin.get(ImportFixtures.IMPORT_JOBS + "?status=Running").json().size()).isZero();
        TestHttp.Response unknown = admin.get(ImportFixtures.IMPORT_JOBS + "?status=Done");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("violations").get(0).get("field").asString()).isEqualTo("status");
        assertThat(unknown.json().get("detail").asString()).contains("Not Started, Running, Succeeded, Failed");
    }

    @Test
    void anUnknownRowOutcomeIsA400NamingTheParameterAndItsValues() {
        TestHttp admin = admin(ImportFixtures.activePartner(partners, "Outcome Filter Import"));
        String href = ImportFixtures.upload(admin, "?dryRun=true", ImportFixtures.generated("of", 2), "text/csv")
                .header("Location");

        TestHttp.Response unknown = admin.get(href + "/rows?outcome=abc");
        TestHttp.Response known = admin.get(href + "/rows?outcome=invalid");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("violations").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(unknown.body()).contains("CREATED, UPDATED, NEW_VERSION, NEW_PRICE_VERSION, UNCHANGED, INVALID");
        assertThat(known.status()).as(known.body()).isEqualTo(200);
    }

    @Test
    void theRowsTheRunnerImportsAreAuditedUnderTheUploadersNameAndId() {
        String partner = ImportFixtures.activePartner(partners, "Audit Rows");

        JsonNode job = ImportFixtures.importAndWait(admin(partner), "?fileName=rows.csv",
                ImportFixtures.generated("ar", 2), "text/csv");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("Succeeded");
        java.util.List<java.util.Map<String, Object>> entries = jdbc.sql("""
                        select actor, actor_id from audit_event
                        where resource_type <> 'importJob' and partner_id = cast(:partner as uuid)""")
                .param("partner", partner).query().listOfRows();
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo("api-admin");
            // the runner's thread has no token: the id is the uploader's, kept with the job (V42)
            assertThat(entry.get("actor_id")).isEqualTo(UUID.nameUUIDFromBytes("api-admin".getBytes()).toString());
        });
    }

    @Test
    void answersTheJobWithItsLocationAndAuditsItsCreation() {
        String partner = ImportFixtures.activePartner(partners, "Audit Import");

        TestHttp.Response created = ImportFixtures.upload(admin(partner), "?dryRun=true&fileName=cat.csv",
                ImportFixtures.generated("au", 1), "text/csv");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(created.json().get("href").asString());
        assertThat(created.json().get("@type").asString()).isEqualTo("ImportJob");
        assertThat(created.json().get("status").asString()).isIn("Not Started", "Running", "Succeeded");
        assertThat(created.json().get("contentType").asString()).isEqualTo("text/csv");
        assertThat(created.json().get("fileName").asString()).isEqualTo("cat.csv");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'importJob' and resource_id = :id")
                .param("id", created.json().get("id").asString()).query(Long.class).single()).isEqualTo(1);

        // the header's parameters and the client's path are not kept; a name longer than the column is cut at its start
        String longName = "x".repeat(300) + ".csv";
        TestHttp.Response odd = ImportFixtures.upload(admin(partner), "?dryRun=true&fileName=C:%5Cfiles%5C" + longName,
                ImportFixtures.generated("odd", 1), "text/csv; charset=utf-8; note=" + "y".repeat(200));
        assertThat(odd.status()).isEqualTo(201);
        assertThat(odd.json().get("contentType").asString()).isEqualTo("text/csv");
        assertThat(odd.json().get("fileName").asString()).isEqualTo(longName.substring(longName.length() - 255));
    }

    @Test
    void refusesAnEmptyFileAnUnreadableHeaderAndAUrlToFetch() {
        TestHttp admin = admin(ImportFixtures.activePartner(partners, "Refused Import"));

        TestHttp.Response empty = ImportFixtures.upload(admin, "", "  \n", "text/csv");
        TestHttp.Response header = ImportFixtures.upload(admin, "", "id,title\n1,x\n", "text/csv");
        TestHttp.Response url = ImportFixtures.upload(admin, "", "{\"url\":\"https://example.com/c.csv\"}",
                "application/json");
        TestHttp.Response mode = ImportFixtures.upload(admin, "?mode=sometimes", "externalId,name\na,b\n", "text/csv");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("violations").get(0).get("message").asString()).contains("empty");
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("violations").get(0).get("message").asString()).contains("title");
        assertThat(url.status()).isEqualTo(400);
        assertThat(url.json().get("violations").get(0).get("message").asString()).contains("url");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.json().get("violations").get(0).get("field").asString()).isEqualTo("mode");
        assertThat(admin.get(ImportFixtures.IMPORT_JOBS).header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void aMisspeltParameterIsA400NamingItAndNothingIsImported() {
        // dryrun for dryRun: ignored, the file was imported for real (found on 2026-12-07)
        String partner = ImportFixtures.activePartner(partners, "Misspelt Import");
        TestHttp admin = admin(partner);

        TestHttp.Response misspelt = ImportFixtures.upload(admin, "?dryrun=true", ImportFixtures.generated("ms", 2),
                "text/csv");

        assertThat(misspelt.status()).as(misspelt.body()).isEqualTo(400);
        assertThat(misspelt.json().get("violations").get(0).get("field").asString()).isEqualTo("dryrun");
        assertThat(misspelt.json().get("detail").asString()).contains("'dryrun'", "dryRun", "mode", "owner");
        assertThat(admin.get(ImportFixtures.IMPORT_JOBS).header("X-Total-Count")).isEqualTo("0");
        assertThat(ImportFixtures.exported(offerings, partner)).isZero();
    }

    @Test
    void refusesAFileOverTheLimitAndOtherContentTypes() {
        TestHttp admin = admin(ImportFixtures.activePartner(partners, "Big Import"));
        String big = ImportFixtures.generated("big", 60_000);

        TestHttp.Response tooLarge = ImportFixtures.upload(admin, "", big, "text/csv");
        TestHttp.Response xml = ImportFixtures.upload(admin, "", "<offerings/>", "application/xml");

        assertThat(big.length()).isGreaterThan(4 * 1024 * 1024);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(admin.get(ImportFixtures.IMPORT_JOBS).header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void aPartnerUserMayNotImportAndAPartnerTheCatalogDoesNotKnowYetIsToldToTryAgain() {
        String partner = ImportFixtures.activePartner(partners, "Readonly Import");
        TestHttp user = TestHttp.localPort(port).as(TestJwt.partner("reader", partner, Roles.PARTNER_USER));
        TestHttp stranger = admin(UUID.randomUUID().toString());

        assertThat(ImportFixtures.upload(user, "", "externalId,name\na,b\n", "text/csv").status()).isEqualTo(403);
        TestHttp.Response unknown = ImportFixtures.upload(stranger, "", "externalId,name\na,b\n", "text/csv");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("detail").asString()).contains("not known here yet", "partner.events.v1",
                "try again shortly");
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("api-admin", partner, Roles.PARTNER_ADMIN));
    }
}
