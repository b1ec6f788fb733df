package io.accord.catalog.importjob;

import io.accord.catalog.offering.Offerings;
import io.accord.platform.partner.PartnerView;
import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static io.accord.catalog.importjob.ImportFixtures.DEMO_RESELLER;
import static io.accord.catalog.importjob.ImportFixtures.example;
import static io.accord.catalog.importjob.ImportFixtures.importAndWait;
import static io.accord.catalog.importjob.ImportFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AccordServiceTest
class ImportJobTests {

    @LocalServerPort
    int port;

    private final PartnerView partners;
    private final Offerings offerings;

    ImportJobTests(PartnerView partners, Offerings offerings) {
        this.partners = partners;
        this.offerings = offerings;
    }

    @BeforeEach
    void theExamplesCoCreatorIsActive() {
        if (partners.find(UUID.fromString(DEMO_RESELLER)).filter(p -> p.isActive()).isEmpty()) {
            ImportFixtures.activate(partners, DEMO_RESELLER, "Demo Reseller SARL");
        }
    }

    @Test
    void importsTheExampleCsvAndReimportingItChangesNothing() {
        String partner = ImportFixtures.activePartner(partners, "Csv Media");
        TestHttp admin = admin(partner);

        JsonNode first = importAndWait(admin, "", example("offerings-import.csv"), "text/csv");
        JsonNode again = importAndWait(admin, "", example("offerings-import.csv"), "text/csv");

        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("Succeeded");
        assertThat(outcome(first, "CREATED")).as(first.toString()).isEqualTo(6);
        assertThat(first.get("progress").get("totalRows").asInt()).isEqualTo(6);
        assertThat(first.get("progress").get("rowsDone").asInt()).isEqualTo(6);
        assertThat(again.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(again, "UNCHANGED")).as(again.toString()).isEqualTo(6);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(6);
    }

    @Test
    void theJsonExampleIsTheSameCatalogAsTheCsvExample() {
        String partner = ImportFixtures.activePartner(partners, "Json Media");
        TestHttp admin = admin(partner);

        JsonNode json = importAndWait(admin, "", example("offerings-import.json"), "application/json");
        JsonNode csv = importAndWait(admin, "", example("offerings-import.csv"), "text/csv");

        assertThat(outcome(json, "CREATED")).as(json.toString()).isEqualTo(6);
        assertThat(outcome(csv, "UNCHANGED")).as(csv.toString()).isEqualTo(6);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        String partner = ImportFixtures.activePartner(partners, "Dry Media");
        TestHttp admin = admin(partner);

        JsonNode dry = importAndWait(admin, "?dryRun=true", example("offerings-import.csv"), "text/csv");

        assertThat(dry.get("status").asString()).isEqualTo("Succeeded");
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(outcome(dry, "CREATED")).isEqualTo(6);
        assertThat(ImportFixtures.exported(offerings, partner)).isZero();
    }

    @Test
    void rowByRowWritesTheValidRowsAndListsTheInvalidOnesByColumnAndLine() {
        String partner = ImportFixtures.activePartner(partners, "Row Media");
        TestHttp admin = admin(partner);
        String csv = """
                externalId,name,category,priceExternalId,priceName,priceType,amount,currency,taxCategory,recurringPeriod,priceValidFrom
                ok-1,Good one,VIDEO,monthly,Monthly,RECURRING,4.99,EUR,STANDARD,MONTH,2026-01-01
                bad-amount,Bad amount,VIDEO,monthly,Monthly,RECURRING,four,EUR,STANDARD,MONTH,2026-01-01
                bad-category,Bad category,NO_SUCH,monthly,Monthly,RECURRING,4.99,EUR,STANDARD,MONTH,2026-01-01
                ok-2,Good two,MUSIC,monthly,Monthly,RECURRING,2.99,EUR,STANDARD,MONTH,2026-01-01
                """;

        JsonNode job = importAndWait(admin, "?mode=rowByRow", csv, "text/csv");
        JsonNode invalid = admin.get(job.get("href").asString() + "/rows?outcome=INVALID").json();

        assertThat(job.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(job, "CREATED")).isEqualTo(2);
        assertThat(outcome(job, "INVALID")).isEqualTo(2);
        assertThat(job.get("errorLog").asString()).contains("2 of 4 rows are invalid");
        assertThat(invalid).hasSize(2);
        assertThat(invalid.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(invalid.get(0).get("externalId").asString()).isEqualTo("bad-amount");
        assertThat(invalid.get(0).get("messages").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(invalid.get(0).get("messages").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(invalid.get(1).get("messages").get(0).get("field").asString()).isEqualTo("category");
        assertThat(invalid.get(1).get("messages").get(0).get("message").asString()).contains("NO_SUCH");
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(2);
    }

    @Test
    void anInvalidRowListsEachOfItsProblemsInCsvAndJsonAndInADryRun() {
        String partner = ImportFixtures.activePartner(partners, "Many Problems Media");
        TestHttp admin = admin(partner);
        String csv = """
                externalId,name,category,priceExternalId,priceName,priceType,amount,currency,taxCategory,unit,usageTypes,priceValidFrom
                far,Far voice,NOPE,voice,Voice,USAGE,0.05,EUR,STANDARD,FURLONG,VOICE,2026-01-01
                """;
        String json = """
                [{"externalId": "far", "name": "Far voice", "category": "NOPE", "prices": [{"priceExternalId": "voice",
                  "priceName": "Voice", "priceType": "USAGE", "amount": "0.05", "currency": "EUR",
                  "taxCategory": "STANDARD", "unit": "FURLONG", "usageTypes": "VOICE",
                  "priceValidFrom": "2026-01-01"}]}]""";

        JsonNode csvRun = importAndWait(admin, "?mode=rowByRow", csv, "text/csv");
        JsonNode jsonDryRun = importAndWait(admin, "?dryRun=true", json, "application/json");

        JsonNode csvRow = admin.get(csvRun.get("href").asString() + "/rows?outcome=INVALID").json().get(0);
        assertThat(csvRow.get("messages")).as(csvRow.toString()).extracting(m -> m.get("field").asString())
                .containsExactlyInAnyOrder("category", "unit");
        assertThat(csvRow.get("messages").toString()).contains("NOPE", "FURLONG");
        JsonNode jsonRow = admin.get(jsonDryRun.get("href").asString() + "/rows?outcome=INVALID").json().get(0);
        assertThat(jsonRow.get("messages")).as(jsonRow.toString()).extracting(m -> m.get("field").asString())
                .containsExactlyInAnyOrder("category", "prices[0].unit");
        assertThat(ImportFixtures.exported(offerings, partner)).isZero();
    }

    @Test
    void aMissingPriceKeyOrNameIsNamedByItsColumnInCsvAndJson() {
        // "externalId is mandatory (externalId)" named no column of the file (found on 2026-12-07)
        TestHttp admin = admin(ImportFixtures.activePartner(partners, "Unnamed Price Media"));
        String csv = """
                externalId,name,category,priceExternalId,priceName,priceType,amount,currency,taxCategory,recurringPeriod,priceValidFrom
                nameless,Nameless,VIDEO,,,RECURRING,1.00,EUR,STANDARD,MONTH,2026-01-01
                """;
        String json = """
                [{"externalId": "nameless", "name": "Nameless", "category": "VIDEO",
                  "prices": [{"priceType": "RECURRING", "amount": "1.00", "currency": "EUR", "taxCategory": "STANDARD", "recurringPeriod": "MONTH",
                  "priceValidFrom": "2026-01-01"}]}]""";

        JsonNode csvRun = importAndWait(admin, "?dryRun=true", csv, "text/csv");
        JsonNode jsonRun = importAndWait(admin, "?dryRun=true", json, "application/json");

        JsonNode csvRow = admin.get(csvRun.get("href").asString() + "/rows?outcome=INVALID").json().get(0);
        assertThat(csvRow.get("messages")).as(csvRow.toString())
                .extracting(m -> m.get("field").asString() + ": " + m.get("message").asString())
                .containsExactlyInAnyOrder("priceExternalId: priceExternalId is mandatory",
                        "priceName: priceName is mandatory");
        JsonNode jsonRow = admin.get(jsonRun.get("href").asString() + "/rows?outcome=INVALID").json().get(0);
        assertThat(jsonRow.get("messages")).as(jsonRow.toString())
                .extracting(m -> m.get("field").asString() + ": " + m.get("message").asString())
                .containsExactlyInAnyOrder("prices[0].priceExternalId: priceExternalId is mandatory",
                        "prices[0].priceName: priceName is mandatory");
    }

    @Test
    void aMinimumChargeFinerThanItsCurrencysMinorUnitMakesTheRowInvalid() {
        String partner = ImportFixtures.activePartner(partners, "Minimum Charge Import Media");
        TestHttp admin = admin(partner);
        String csv = """
                externalId,name,category,priceExternalId,priceName,priceType,amount,currency,taxCategory,unit,usageTypes,minimumCharge,priceValidFrom
                yen-ok,Whole yen,VIDEO,data,Data,USAGE,0.0125,JPY,STANDARD,MB,DATA,150,2026-01-01
                yen-half,Half yen,VIDEO,data,Data,USAGE,0.0125,JPY,STANDARD,MB,DATA,1.5,2026-01-01
                euro-mill,Euro mill,VIDEO,data,Data,USAGE,0.0125,EUR,STANDARD,MB,DATA,0.005,2026-01-01
                """;

        JsonNode job = importAndWait(admin, "?mode=rowByRow", csv, "text/csv");
        JsonNode invalid = admin.get(job.get("href").asString() + "/rows?outcome=INVALID").json();

        assertThat(outcome(job, "CREATED")).as(job.toString()).isEqualTo(1);
        assertThat(invalid).extracting(row -> row.get("externalId").asString())
                .containsExactly("yen-half", "euro-mill");
        for (JsonNode row : invalid) {
            assertThat(row.get("messages")).as(row.toString()).extracting(m -> m.get("field").asString())
                    .containsExactly("minimumCharge");
        }
        assertThat(invalid.get(0).get("messages").get(0).get("message").asString())
                .contains("at most 0 decimals in JPY");
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(1);
    }

    @Test
    void aRowNamingAResourceTypeTheInventoryDoesNotKnowOrOneTwiceIsInvalid() {
        String partner = ImportFixtures.activePartner(partners, "Resource Media");
        TestHttp admin = admin(partner);
        String csv = """
                externalId,name,category,specification,specificationName,resourceTypes,priceExternalId,priceName,priceType,amount,currency,taxCategory,recurringPeriod,priceValidFrom
                sim-ok,Good SIM,VIDEO,sim-ok,SIM,ICCID|MSISDN,monthly,Monthly,RECURRING,4.99,EUR,STANDARD,MONTH,2026-01-01
                sim-banana,Banana SIM,VIDEO,sim-banana,SIM,BANANA,monthly,Monthly,RECURRING,4.99,EUR,STANDARD,MONTH,2026-01-01
                sim-twice,Twice SIM,VIDEO,sim-twice,SIM,MSISDN|MSISDN,monthly,Monthly,RECURRING,4.99,EUR,STANDARD,MONTH,2026-01-01
                """;

        JsonNode job = importAndWait(admin, "?mode=rowByRow", csv, "text/csv");
        JsonNode invalid = admin.get(job.get("href").asString() + "/rows?outcome=INVALID").json();

        assertThat(outcome(job, "CREATED")).as(job.toString()).isEqualTo(1);
        assertThat(invalid).extracting(row -> row.get("externalId").asString())
                .containsExactly("sim-banana", "sim-twice");
        for (JsonNode row : invalid) {
            JsonNode message = row.get("messages").get(0);
            assertThat(message.get("field").asString()).isEqualTo("resourceTypes");
            assertThat(message.get("message").asString()).contains("MSISDN, ICCID, IMSI, LICENCE_KEY");
        }
        assertThat(invalid.get(0).get("messages").get(0).get("message").asString()).contains("'BANANA'");
        assertThat(invalid.get(1).get("messages").get(0).get("message").asString()).contains("listed twice");
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(1);
    }

    @Test
    void aNulCharacterInAJsonFileIsTheRowsErrorNotTheJobs() {
        String partner = ImportFixtures.activePartner(partners, "Nul Media");
        TestHttp admin = admin(partner);
        String row = """
                {"externalId": "%s", "name": "%s", "category": "VIDEO", "prices": [{"priceExternalId": "monthly",
                 "priceName": "Monthly", "priceType": "RECURRING", "amount": "%s", "currency": "EUR",
                 "taxCategory": "STANDARD", "recurringPeriod": "MONTH", "priceValidFrom": "2026-01-01"}]}""";
        String json = "[" + String.join(",", row.formatted("ok-nul", "Good one", "4.99"),
                row.formatted("nul-name", "Bad\\u0000name", "4.99"), row.formatted("nul\\u0000id", "Bad id", "4.99"),
                row.formatted("nul-amount", "Bad amount", "4\\u0000.99")) + "]";

        JsonNode job = importAndWait(admin, "", json, "application/json");
        JsonNode invalid = admin.get(job.get("href").asString() + "/rows?outcome=INVALID").json();

        // the text PostgreSQL cannot store failed the whole job after its attempts (SQL state 22021)
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(outcome(job, "CREATED")).isEqualTo(1);
        assertThat(invalid).hasSize(3);
        assertThat(invalid.get(0).get("messages").get(0).get("field").asString()).isEqualTo("name");
        assertThat(invalid.get(0).get("messages").get(0).get("message").asString()).contains("NUL");
        assertThat(invalid.get(1).get("externalId").asString()).isEqualTo("nul\\u0000id");
        assertThat(invalid.get(2).get("messages").get(0).get("field").asString()).isEqualTo("prices[0].amount");
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(1);
    }

    @Test
    void allOrNothingWritesNothingWhenOneRowIsInvalidAndEverythingWhenAllAreValid() {
        String partner = ImportFixtures.activePartner(partners, "Atomic Media");
        TestHttp admin = admin(partner);
        String broken = example("offerings-import.csv").replace("12.99", "12.x9");

        JsonNode failed = importAndWait(admin, "?mode=allOrNothing", broken, "text/csv");
        JsonNode invalid = admin.get(failed.get("href").asString() + "/rows?outcome=INVALID").json();
        JsonNode fixed = importAndWait(admin, "?mode=allOrNothing", example("offerings-import.csv"), "text/csv");

        assertThat(failed.get("status").asString()).isEqualTo("Failed");
        assertThat(failed.get("errorLog").asString()).contains("nothing was imported");
        // the bundle that contains the broken offering cannot be imported either
        assertThat(invalid).extracting(row -> row.get("externalId").asString())
                .containsExactly("streamo-premium", "entertainment-pack");
        assertThat(invalid.get(0).get("messages").get(0).get("field").asString()).isEqualTo("amount");
        // its valid rows were not written either, and say so (they reported CREATED until 2026-12-07)
        assertThat(failed.get("outcomes").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("SKIPPED", "INVALID");
        assertThat(outcome(failed, "SKIPPED") + outcome(failed, "INVALID"))
                .isEqualTo(failed.get("progress").get("totalRows").asLong()).isEqualTo(6);
        JsonNode skipped = admin.get(failed.get("href").asString() + "/rows?outcome=skipped").json();
        assertThat(skipped).hasSize(4)
                .allSatisfy(row -> assertThat(row.get("outcome").asString()).isEqualTo("SKIPPED"));
        assertThat(fixed.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(fixed, "CREATED")).as("nothing of the failed job was written").isEqualTo(6);
    }

    @Test
    void importsATenThousandRowFile() {
        String partner = ImportFixtures.activePartner(partners, "Bulk Media");

        JsonNode job = importAndWait(admin(partner), "", ImportFixtures.generated("bulk", 10_000), "text/csv");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(outcome(job, "CREATED")).isEqualTo(10_000);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(10_000);
    }

    @Test
    void staffImportForANamedPartnerOrForTheCsp() {
        String partner = ImportFixtures.activePartner(partners, "Staff Named Media");
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm-import", Roles.PARTNER_MANAGER));
        String csp = ImportFixtures.generated("csp-" + UUID.randomUUID(), 3);

        JsonNode forPartner = importAndWait(manager, "?owner=" + partner, ImportFixtures.generated("named", 2),
                "text/csv");
        JsonNode forCsp = importAndWait(manager, "?owner=CSP", csp, "text/csv");
        TestHttp.Response unnamed = ImportFixtures.upload(manager, "", csp, "text/csv");

        assertThat(outcome(forPartner, "CREATED")).isEqualTo(2);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(2);
        assertThat(forCsp.get("relatedParty").get(0).get("id").asString()).isEqualTo("CSP");
        assertThat(outcome(forCsp, "CREATED")).isEqualTo(3);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("violations").get(0).get("field").asString()).isEqualTo("owner");
    }

    /**
     * The job's own transitions after a run that failed (ImportJobRetryTests runs them for real): each failed run is
     * counted at the checkpoint, a chunk done starts the count again, and the run that uses up the attempts fails the
     * job where it stands; an ended job takes no further step.
     */
    @Test
    void failedRunsAreCountedUntilTheAttemptsAllowedThenTheJobFailsAtItsCheckpoint() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        Instant later = now.plusSeconds(60);
        String reason = "database error, SQL state 40P01 (details in the catalog service's log under this job's id)";
        ImportJob writing = ImportJob.submitted(UUID.randomUUID(), null, FileFormat.CSV, ImportMode.rowByRow, false,
                "c.csv", "text/csv", "tester", now).counted(1_000, now).advancedTo(401, now);

        ImportJob once = writing.attemptFailed(reason, 3, now);
        ImportJob movedOn = once.advancedTo(601, now);
        ImportJob twice = once.attemptFailed(reason, 3, now);
        ImportJob failed = twice.attemptFailed(reason, 3, later);

        assertThat(once.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.errorLog()).isEqualTo(reason);
        assertThat(once.nextRow()).isEqualTo(401);
        assertThat(once.completionDate()).isNull();
        assertThat(movedOn.attempts()).isZero();
        assertThat(movedOn.errorLog()).isNull();
        assertThat(movedOn.attemptFailed(reason, 3, now).attempts()).isEqualTo(1);
        assertThat(twice.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(twice.attempts()).isEqualTo(2);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.errorLog()).isEqualTo("stopped after 3 failed attempts at row 401: " + reason);
        assertThat(failed.phase()).isEqualTo(ImportPhase.WRITE);
        assertThat(failed.rowsDone()).isEqualTo(400);
        assertThat(failed.completionDate()).isEqualTo(later);
        assertThatThrownBy(() -> failed.attemptFailed(reason, 3, later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.advancedTo(601, later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.written(0, later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.unreadable("broken quote", later)).isInstanceOf(IllegalStateException.class);
        assertThat(writing.attemptFailed(reason, 1, now).status()).as("one attempt allowed")
                .isEqualTo(JobStatus.FAILED);

        // resumed at its checkpoint, its attempts afresh; a job that ended at its file or rows is not resumed
        assertThat(writing.resumable()).isFalse();
        assertThatThrownBy(() -> writing.resumed(later)).isInstanceOf(IllegalStateException.class);
        ImportJob resumed = failed.resumed(later);
        assertThat(resumed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(resumed.phase()).isEqualTo(ImportPhase.WRITE);
        assertThat(resumed.nextRow()).isEqualTo(401);
        assertThat(resumed.attempts()).isZero();
        assertThat(resumed.errorLog()).isNull();
        assertThat(resumed.completionDate()).isNull();
        assertThat(resumed.advancedTo(601, later).rowsDone()).isEqualTo(600);
        ImportJob unreadable = writing.unreadable("broken quote", later);
        assertThat(unreadable.status()).isEqualTo(JobStatus.FAILED);
        assertThat(unreadable.resumable()).isFalse();
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("import-admin", partner, Roles.PARTNER_ADMIN));
    }
}
