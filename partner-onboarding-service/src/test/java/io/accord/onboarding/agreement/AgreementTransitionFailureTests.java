package io.accord.onboarding.agreement;

import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner whose due transition fails every time stops no other partner: its transition rolls back alone, it is
 * counted in {@code job_item_failure} and left out of the next runs while it is put off.
 */
@AccordServiceTest
class AgreementTransitionFailureTests {

    @LocalServerPort
    int port;
    private final AgreementTransitionJob job;
    private final JdbcClient jdbc;
    private AgreementApi api;

    AgreementTransitionFailureTests(AgreementTransitionJob job, JdbcClient jdbc) {
        this.job = job;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void aPartnerWhoseTransitionKeepsFailingRollsBackAloneAndIsPutOffWhileTheOthersSwitch() {
        // a week ahead, so that the scheduled round (at the current time) leaves both partners to this test
        Instant effective = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        String healthy = api.newPartner("Punctual Switch GmbH");
        String healthyFirst = api.countersigned(healthy, Instant.now().minusSeconds(60), AgreementFixtures.termsJson());
        String healthyAmendment = api.countersigned(healthy, effective, AgreementFixtures.termsJson());
        String broken = api.newPartner("Hand Edited Dates AG");
        String brokenFirst = api.countersigned(broken, Instant.now().minusSeconds(60), AgreementFixtures.termsJson());
        String brokenAmendment = api.countersigned(broken, effective, AgreementFixtures.termsJson());
        // a hand-made inconsistency: the version in force claims to start after its amendment does, so superseding
        // it at the amendment's start breaks agreement_in_force_period, on every attempt
        Timestamp realStart = jdbc.sql("select in_force_from from agreement where id = cast(:id as uuid)")
                .param("id", brokenFirst).query(Timestamp.class).single();
        setInForceFrom(brokenFirst, Timestamp.from(effective.plus(Duration.ofDays(1))));
        long brokenEventsBefore = lifecycleEvents(broken);
        try {
            assertThat(job.runOnce(effective)).isGreaterThanOrEqualTo(2);

            assertThat(api.status(healthyFirst)).isEqualTo("SUPERSEDED");
            assertThat(api.status(healthyAmendment)).isEqualTo("ACTIVE");
            // nothing of the failed transition stayed: versions, audit, events
            assertThat(api.status(brokenFirst)).isEqualTo("ACTIVE");
            assertThat(api.status(brokenAmendment)).isEqualTo("APPROVED");
            assertThat(api.auditActions(brokenFirst)).doesNotContain("superseded");
            assertThat(api.auditActions(brokenAmendment)).doesNotContain("activated");
            assertThat(lifecycleEvents(broken)).isEqualTo(brokenEventsBefore);
            Map<String, Object> failure = failure(broken);
            assertThat(((Number) failure.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) failure.get("last_error")).contains("agreement_in_force_period");

            // put off: the next round leaves it out instead of failing on it again
            job.runOnce(effective);
            assertThat(((Number) failure(broken).get("attempts")).intValue()).isEqualTo(1);
        } finally {
            setInForceFrom(brokenFirst, realStart);
            jdbc.sql("delete from job_item_failure where job = :job and item_id = :partner")
                    .param("job", AgreementTransitionJob.LOCK).param("partner", broken).update();
        }
    }

    private void setInForceFrom(String agreement, Timestamp start) {
        jdbc.sql("update agreement set in_force_from = :start where id = cast(:id as uuid)")
                .param("start", start).param("id", agreement).update();
    }

    private long lifecycleEvents(String partner) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :partner"
                        + " and event_type in ('AgreementActivated', 'AgreementSuperseded')")
                .param("partner", partner).query(Long.class).single();
    }

    private Map<String, Object> failure(String partner) {
        return jdbc.sql("select attempts, last_error from job_item_failure where job = :job and item_id = :partner")
                .param("job", AgreementTransitionJob.LOCK).param("partner", partner).query().singleRow();
    }
}
