package io.accord.catalog.importjob;

import io.accord.catalog.offering.Offerings;
import io.accord.platform.partner.PartnerView;
import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.accord.catalog.importjob.ImportFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job stopped half-way resumes at its checkpoint. The scheduled runner is paused so the test drives the
 * runner's entry point itself: a turn limited to some chunks stops the job as a shutdown would, a held lease stands
 * for a runner that died.
 */
@AccordServiceTest
class ImportJobResumeTests {

    @LocalServerPort
    int port;

    private final ImportRunner runner;
    private final PartnerView partners;
    private final Offerings offerings;
    private final JdbcClient jdbc;

    ImportJobResumeTests(ImportRunner runner, PartnerView partners, Offerings offerings, JdbcClient jdbc) {
        this.runner = runner;
        this.partners = partners;
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void pauseTheScheduledRunner() {
        runner.pause();
    }

    @AfterEach
    void resumeTheScheduledRunner() {
        runner.resume();
    }

    @Test
    void aRunnerStoppedAfterTwoChunksIsResumedAtTheCheckpointAndEachRowIsImportedOnce() {
        String partner = ImportFixtures.activePartner(partners, "Resume Media");
        TestHttp admin = admin(partner);
        String href = ImportFixtures.upload(admin, "", ImportFixtures.generated("resume", 1_000), "text/csv")
                .header("Location");
        UUID job = UUID.fromString(href.substring(href.lastIndexOf('/') + 1));

        assertThat(runner.run(job, 2)).isTrue();
        JsonNode stopped = admin.get(href).json();
        long writtenWhenStopped = ImportFixtures.exported(offerings, partner);
        assertThat(runner.run(job, Integer.MAX_VALUE)).isTrue();
        JsonNode done = admin.get(href).json();
        TestHttp.Response rows = admin.get(href + "/rows?limit=1");

        assertThat(stopped.get("status").asString()).isEqualTo("Running");
        assertThat(stopped.get("progress").get("rowsDone").asInt()).isEqualTo(400);
        assertThat(outcome(stopped, "CREATED")).isEqualTo(400);
        assertThat(writtenWhenStopped).isEqualTo(400);
        assertThat(done.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(done, "CREATED")).as(done.toString()).isEqualTo(1_000);
        assertThat(rows.header("X-Total-Count")).isEqualTo("1000");
        assertThat(distinctRowNumbers(job)).isEqualTo(1_000);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(1_000);
    }

    @Test
    void aJobHeldByADeadRunnerIsTakenOverOnlyWhenItsLeaseHasExpired() {
        String partner = ImportFixtures.activePartner(partners, "Lease Media");
        TestHttp admin = admin(partner);
        String href = ImportFixtures.upload(admin, "", ImportFixtures.generated("lease", 500), "text/csv")
                .header("Location");
        UUID job = UUID.fromString(href.substring(href.lastIndexOf('/') + 1));
        assertThat(runner.run(job, 1)).isTrue();
        // a runner that took the job and died: its lease stands until it expires
        jdbc.sql("update import_job set lease_owner = :dead, lease_until = now() + interval '1 hour' where id = :id")
                .param("dead", UUID.randomUUID()).param("id", job).update();

        boolean takenWhileLeased = runner.run(job, Integer.MAX_VALUE);
        jdbc.sql("update import_job set lease_until = now() - interval '1 second' where id = :id")
                .param("id", job).update();
        boolean takenAfterExpiry = runner.run(job, Integer.MAX_VALUE);

        assertThat(takenWhileLeased).isFalse();
        assertThat(takenAfterExpiry).isTrue();
        JsonNode done = admin.get(href).json();
        assertThat(done.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(done, "CREATED")).isEqualTo(500);
        assertThat(ImportFixtures.exported(offerings, partner)).isEqualTo(500);
    }

    @Test
    void theScheduledRunnerFinishesAJobLeftHalfWay() {
        String partner = ImportFixtures.activePartner(partners, "Half Media");
        TestHttp admin = admin(partner);
        String href = ImportFixtures.upload(admin, "", ImportFixtures.generated("half", 600), "text/csv")
                .header("Location");
        runner.run(UUID.fromString(href.substring(href.lastIndexOf('/') + 1)), 1);

        runner.resume();
        JsonNode done = ImportFixtures.awaitEnd(admin, href);

        assertThat(done.get("status").asString()).isEqualTo("Succeeded");
        assertThat(outcome(done, "CREATED")).isEqualTo(600);
    }

    private long distinctRowNumbers(UUID job) {
        return jdbc.sql("select count(distinct row_number) from import_row_result where job_id = :job")
                .param("job", job).query(Long.class).single();
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("resume-admin", partner, Roles.PARTNER_ADMIN));
    }
}
