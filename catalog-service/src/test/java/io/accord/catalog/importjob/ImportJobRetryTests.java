package io.accord.catalog.importjob;

import io.accord.catalog.offering.Offerings;
import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.accord.catalog.importjob.ImportFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chunk that fails for a reason other than a bad row (here a fault trigger refuses one offering, as an outage, a
 * deadlock or a defect would) rolls back and the job is run again from its checkpoint after a back-off: FAILED only
 * after the attempts allowed in a row (3 in the tests' config/application.yml, 200 ms doubling to 400 ms apart), with
 * a text that names the kind of error and none of our SQL, and resumed from there by its owner; a fault that passes
 * costs the import nothing.
 */
@AccordServiceTest
class ImportJobRetryTests {

    /** The database AccordTestInitializer gives catalog's tests ({@code test_} and the application's name). */
    private static final String DATABASE = "test_catalog";
    private static final String NEUTRAL_REASON = "database error, SQL state P0001 (details in the catalog service's"
            + " log under this job's id)";

    @LocalServerPort
    int port;

    private final ImportRunner runner;
    private final PartnerView partners;
    private final Offerings offerings;
    private final JdbcClient jdbc;

    ImportJobRetryTests(ImportRunner runner, PartnerView partners, Offerings offerings, JdbcClient jdbc) {
        this.runner = runner;
        this.partners = partners;
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    /**
     * Failed after its attempts, the job is resumed by its owner once the cause is fixed and goes on from its
     * checkpoint: every row imported once. A job that did not fail so is not resumed.
     */
    @Test
    void aChunkThatKeepsFailingFailsTheJobAtItsCheckpointWithANeutralTextAndItIsResumedFromThere() {
        String partner = ImportFixtures.activePartner(partners, "Retry Media");
        TestHttp admin = admin(partner);
        String prefix = "retry-" + UUID.randomUUID();
        String fuse = fuse(prefix + "-450");
        String href;
        UUID job;
        try {
            href = ImportFixtures.upload(admin, "", ImportFixtures.generated(prefix, 1_000), "text/csv")
                    .header("Location");
            job = UUID.fromString(href.substring(href.lastIndexOf('/') + 1));
            assertThat(admin.post(href + "/resume", "").status()).as("running").isEqualTo(409);

            // retried: still running, the failed runs counted and the kind of error shown
            AtomicReference<JsonNode> retried = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                retried.set(admin.get(href).json());
                return retried.get().get("status").asString().equals("Running")
                        && retried.get().get("attempts").asInt() > 0;
            });
            JsonNode failed = ImportFixtures.awaitEnd(admin, href);

            assertThat(retried.get().get("attempts").asInt()).isBetween(1, 2);
            assertThat(retried.get().get("errorLog").asString()).isEqualTo(NEUTRAL_REASON);
            assertThat(failed.get("status").asString()).isEqualTo("Failed");
            assertThat(failed.get("attempts").asInt()).isEqualTo(3);
            assertThat(failed.get("errorLog").asString())
                    .isEqualTo("stopped after 3 failed attempts at row 401: " + NEUTRAL_REASON)
                    .doesNotContainIgnoringCase("insert").doesNotContain("product_offering").doesNotContain("fuse")
                    .doesNotContain(prefix);
            assertThat(failed.get("completionDate")).isNotNull();
            // where it stopped: the two chunks of 200 rows before the failing one, imported once
            assertThat(failed.get("progress").get("phase").asString()).isEqualTo("WRITE");
            assertThat(failed.get("progress").get("rowsDone").asInt()).isEqualTo(400);
            assertThat(failed.get("outcomes").propertyNames()).containsExactly("CREATED");
            assertThat(outcome(failed, "CREATED")).isEqualTo(400);
            assertThat(resultRows(job)).isEqualTo(400);
            assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(400);
        } finally {
            removeFuse(fuse);
        }

        String other = ImportFixtures.activePartner(partners, "Other Retry Media");
        assertThat(admin(other).post(href + "/resume", "").status()).isEqualTo(404);
        TestHttp.Response resumed = admin.post(href + "/resume", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("status").asString()).isEqualTo("Running");
        assertThat(resumed.json().get("attempts").asInt()).isZero();
        JsonNode done = ImportFixtures.awaitEnd(admin, href);
        assertThat(done.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(done, "CREATED")).isEqualTo(1_000);
        assertThat(resultRows(job)).isEqualTo(1_000);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(1_000);
        TestHttp.Response again = admin.post(href + "/resume", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'importJob' and resource_id = :id"
                        + " and action = 'resumed'").param("id", job.toString()).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void aFaultThatPassesCostsTheImportNothing() {
        String partner = ImportFixtures.activePartner(partners, "Passing Fault Media");
        TestHttp admin = admin(partner);
        String prefix = "blip-" + UUID.randomUUID();
        String fuse = fuse(prefix + "-450");
        String href;
        JsonNode afterOneAttempt;
        runner.pause();
        try {
            href = ImportFixtures.upload(admin, "", ImportFixtures.generated(prefix, 1_000), "text/csv")
                    .header("Location");
            // one run, by hand, while the fault is there: it stops at the third chunk
            assertThat(runner.run(UUID.fromString(href.substring(href.lastIndexOf('/') + 1)), Integer.MAX_VALUE))
                    .isTrue();
            afterOneAttempt = admin.get(href).json();
        } finally {
            removeFuse(fuse);
            runner.resume();
        }

        // the scheduled runner takes it again once its back-off has passed, from its checkpoint
        JsonNode done = ImportFixtures.awaitEnd(admin, href);

        assertThat(afterOneAttempt.get("status").asString()).isEqualTo("Running");
        assertThat(afterOneAttempt.get("attempts").asInt()).isEqualTo(1);
        assertThat(afterOneAttempt.get("errorLog").asString()).isEqualTo(NEUTRAL_REASON);
        assertThat(afterOneAttempt.get("progress").get("rowsDone").asInt()).isEqualTo(400);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("Succeeded");
        assertThat(done.get("attempts").asInt()).isZero();
        assertThat(done.has("errorLog")).isFalse();
        assertThat(done.get("outcomes").propertyNames()).containsExactly("CREATED");
        assertThat(outcome(done, "CREATED")).isEqualTo(1_000);
        assertThat(resultRows(UUID.fromString(done.get("id").asString()))).isEqualTo(1_000);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(1_000);
    }

    /**
     * A trigger, created as the database's owner, that refuses the offering with this external id (of this test's
     * file only, so no other test is affected). Its name, to remove it.
     */
    private static String fuse(String externalId) {
        String fuse = "import_fuse_" + UUID.randomUUID().toString().replace("-", "");
        TestInfrastructure.executeAsOwner(DATABASE, """
                create function %s() returns trigger language plpgsql as $$
                begin
                    if new.external_id = '%s' then
                        raise exception 'fuse: offering %% cannot be stored', new.external_id;
                    end if;
                    return new;
                end $$""".formatted(fuse, externalId));
        TestInfrastructure.executeAsOwner(DATABASE, "create trigger " + fuse + " before insert on product_offering"
                + " for each row execute function " + fuse + "()");
        return fuse;
    }

    private static void removeFuse(String fuse) {
        TestInfrastructure.executeAsOwner(DATABASE, "drop trigger if exists " + fuse + " on product_offering");
        TestInfrastructure.executeAsOwner(DATABASE, "drop function if exists " + fuse + "()");
    }

    /** Row results recorded for the job; the key (job, row) makes each row's result one row. */
    private long resultRows(UUID job) {
        return jdbc.sql("select count(*) from import_row_result where job_id = :job").param("job", job)
                .query(Long.class).single();
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("retry-admin", partner, Roles.PARTNER_ADMIN));
    }
}
