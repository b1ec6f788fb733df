package io.accord.onboarding.agreement;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Never two versions in force: under concurrent requests and jobs (row lock), and in the database itself. */
@AccordServiceTest
class AgreementConcurrencyTests {

    @LocalServerPort
    int port;
    private final AgreementService service;
    private final AgreementTransitionJob job;
    private final JdbcClient jdbc;

    AgreementConcurrencyTests(AgreementService service, AgreementTransitionJob job, JdbcClient jdbc) {
        this.service = service;
        this.job = job;
        this.jdbc = jdbc;
    }

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void concurrentCountersignaturesAndJobRunsActivateTheAmendmentExactlyOnce() throws Exception {
        String partner = api.newPartner("Race Condition GmbH");
        String first = api.countersigned(partner, Instant.now().minusSeconds(60), AgreementFixtures.termsJson());
        String amendment = api.approved(partner, Instant.now().minusSeconds(1), AgreementFixtures.termsJson());
        TestHttp admin = api.partnerAdmin(partner);
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racers.add(() -> admin.post(AGREEMENTS + "/" + amendment + "/countersignature", null).status());
            racers.add(() -> service.applyDueTransitions(Instant.now()));
        }

        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers.size())) {
            for (Future<Object> outcome : pool.invokeAll(racers)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(outcome -> Integer.valueOf(200).equals(outcome)).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> Integer.valueOf(409).equals(outcome)).hasSize(2);
        assertThat(api.status(first)).isEqualTo("SUPERSEDED");
        assertThat(api.status(amendment)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :partner"
                        + " and event_type in ('AgreementActivated', 'AgreementSuperseded')")
                .param("partner", partner).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    void theDatabaseRefusesTwoVersionsInForceAtTheSameInstant() {
        UUID partner = UUID.randomUUID();
        jdbc.sql("insert into agreement_history (partner_id, created_at) values (:partner, now())")
                .param("partner", partner).update();
        insertVersion(partner, 1, "SUPERSEDED", "2027-01-01T00:00:00Z", "2027-03-01T00:00:00Z");

        assertThatThrownBy(() -> insertVersion(partner, 2, "ACTIVE", "2027-02-01T00:00:00Z", null))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("agreement_one_in_force_at_a_time");
        insertVersion(partner, 2, "ACTIVE", "2027-03-01T00:00:00Z", null);
        assertThatThrownBy(() -> insertVersion(partner, 3, "ACTIVE", null, null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theJobRunsOnceClusterWideAndSkipsWhileAnotherReplicaHoldsTheLock(@Autowired DataSource dataSource) {
        LockProvider otherReplica = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
        SimpleLock held = await().atMost(Duration.ofSeconds(10)).until(() -> otherReplica.lock(new LockConfiguration(
                Instant.now(), AgreementTransitionJob.LOCK, Duration.ofMinutes(1), Duration.ZERO)), Optional::isPresent)
                .orElseThrow();

        assertThat(job.applyDueTransitions()).as("while the other replica holds the lock").isEmpty();

        held.unlock();
        await().atMost(Duration.ofSeconds(10)).until(() -> job.applyDueTransitions().isPresent());
    }

    @Test
    void theJobAppliesTransitionsThatAreDue() {
        String partner = api.newPartner("Scheduled Switch AG");
        // finer than PostgreSQL keeps: the stored date must still be due at exactly this instant
        Instant effective = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS).plusNanos(700);
        String first = api.countersigned(partner, Instant.now().minusSeconds(60), AgreementFixtures.termsJson());
        String amendment = api.approved(partner, effective, AgreementFixtures.termsJson());
        assertThat(api.partnerAdmin(partner).post(AGREEMENTS + "/" + amendment + "/countersignature", null)
                .status()).isEqualTo(200);

        assertThat(job.runOnce(effective)).isPositive();

        assertThat(api.status(first)).isEqualTo("SUPERSEDED");
        assertThat(api.status(amendment)).isEqualTo("ACTIVE");
        assertThat(api.auditActions(amendment)).last().isEqualTo("activated");
        assertThat(jdbc.sql("select actor from audit_event where resource_id = :id and action = 'activated'")
                .param("id", amendment).query(String.class).single()).isEqualTo("system");
    }

    private void insertVersion(UUID partner, int version, String status, String from, String until) {
        jdbc.sql("""
                        insert into agreement (id, partner_id, version, name, agreement_type, partner_name, status,
                                               terms, effective_from, in_force_from, in_force_until, created_at,
                                               created_by, updated_at)
                        values (:id, :partner, :version, 'test', 'SELL_THROUGH', 'Test', :status, '{}'::jsonb,
                                '2027-01-01T00:00:00Z', cast(:from as timestamptz), cast(:until as timestamptz),
                                now(), 'test', now())
                        """)
                .param("id", UUID.randomUUID()).param("partner", partner).param("version", version)
                .param("status", status).param("from", from).param("until", until)
                .update();
    }
}
