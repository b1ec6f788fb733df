package io.accord.settlement.period;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periods opened for partners with an agreement in force (one partner that cannot be opened stopping no other), read
 * with tenancy, closed early by finance.
 */
@AccordServiceTest
class PeriodApiTests {

    private static final String PERIODS = "/api/settlement/periods";

    @LocalServerPort
    int port;

    private final SettlementPeriods periods;
    private final SettlementFixtures fixtures;
    private final Clock clock;
    private final JdbcClient jdbc;
    private TestHttp finance;

    PeriodApiTests(SettlementPeriods periods, SettlementFixtures fixtures, Clock clock, JdbcClient jdbc) {
        this.periods = periods;
        this.fixtures = fixtures;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void clients() {
        finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }

    @Test
    void opensTheCurrentCalendarPeriodOfAPartnerWithAnAgreementInForceOnce() {
        Instant now = clock.instant();
        String partnerId = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");

        assertThat(periods.openDuePeriods(now)).isPositive();
        periods.openDuePeriods(now);

        TestHttp.Response listed = finance.get(PERIODS + "?partnerId=" + partnerId);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("X-Total-Count")).isEqualTo("1");
        JsonNode period = listed.json().get(0);
        assertThat(period.get("state").asString()).isEqualTo("OPEN");
        assertThat(period.get("cycle").asString()).isEqualTo("MONTHLY");
        assertThat(Instant.parse(period.get("startAt").asString())).isEqualTo(PeriodCalendar.startOf("MONTHLY", now));
        assertThat(Instant.parse(period.get("endAt").asString())).isEqualTo(PeriodCalendar.endOf("MONTHLY", now));
        assertThat(period.get("href").asString()).isEqualTo(PERIODS + "/" + period.get("id").asString());
        assertThat(finance.get(PERIODS + "?partnerId=" + partnerId + "&state=CLOSED").header("X-Total-Count"))
                .isEqualTo("0");
    }

    @Test
    void aPartnerWhosePeriodsCannotBeOpenedStopsNoOtherPartner() {
        Instant now = clock.instant();
        String broken = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(40)), "MONTHLY");
        String healthy = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(40)), "MONTHLY");
        // terms the calendar does not know (a newer onboarding's cycle, say): opening its periods throws
        assertThat(cycle(broken, "FORTNIGHTLY")).isEqualTo(1);
        try {
            periods.openDuePeriods(now);

            assertThat(finance.get(PERIODS + "?partnerId=" + healthy).header("X-Total-Count")).isEqualTo("1");
            assertThat(finance.get(PERIODS + "?partnerId=" + broken).header("X-Total-Count")).isEqualTo("0");
            Map<String, Object> failure = jdbc.sql("select attempts, last_error from job_item_failure"
                            + " where job = :job and item_id = :partner")
                    .param("job", PeriodOpeningJob.LOCK).param("partner", broken).query().singleRow();
            assertThat(((Number) failure.get("attempts")).intValue()).isPositive();
            assertThat((String) failure.get("last_error")).contains("unknown settlement cycle FORTNIGHTLY");
        } finally {
            jdbc.sql("update agreement_view set settlement_cycle = 'MONTHLY' where partner_id = :partner")
                    .param("partner", UUID.fromString(broken)).update();
            jdbc.sql("delete from job_item_failure where item_id = :partner").param("partner", broken).update();
        }
    }

    /** Sets the cycle of the partner's agreement terms as stored; how many agreements changed. */
    private int cycle(String partnerId, String cycle) {
        return jdbc.sql("""
                        update agreement_view set settlement_cycle = :cycle,
                            terms = jsonb_set(terms, '{settlementCycle}', to_jsonb(cast(:cycle as text)))
                        where partner_id = :partner""")
                .param("cycle", cycle).param("partner", UUID.fromString(partnerId)).update();
    }

    @Test
    void aPartnerSeesOnlyItsOwnPeriods() {
        Instant now = clock.instant();
        String mine = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(10)), "QUARTERLY");
        String theirs = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(10)), "MONTHLY");
        periods.periodFor(UUID.fromString(mine), now);
        UUID theirPeriod = periods.periodFor(UUID.fromString(theirs), now).orElseThrow().period().id();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pat", mine, Roles.PARTNER_USER));

        TestHttp.Response own = partner.get(PERIODS);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).isNotEmpty().allSatisfy(period ->
                assertThat(period.get("partnerId").asString()).isEqualTo(mine));
        assertThat(own.json().get(0).get("cycle").asString()).isEqualTo("QUARTERLY");
        assertThat(partner.get(PERIODS + "?partnerId=" + theirs).header("X-Total-Count")).isEqualTo("0");
        assertThat(partner.get(PERIODS + "/" + theirPeriod).status()).isEqualTo(404);
        assertThat(finance.get(PERIODS + "/" + theirPeriod).status()).isEqualTo(200);
        assertThat(partner.post(PERIODS + "/" + theirPeriod + "/early-close", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void financeClosesTheCurrentPeriodEarlyAndTheNextStartsThen() {
        Instant now = clock.instant();
        String partnerId = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(400)), "MONTHLY");
        SettlementPeriods.Period current = periods.periodFor(UUID.fromString(partnerId), now).orElseThrow().period();

        TestHttp.Response closed = finance.post(PERIODS + "/" + current.id() + "/early-close",
                "{\"reason\":\"partner terminated\"}");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode early = closed.json().get(0);
        JsonNode next = closed.json().get(1);
        Instant closedAt = Instant.parse(early.get("endAt").asString());
        assertThat(closedAt).isAfter(now).isBefore(clock.instant().plusSeconds(1));
        assertThat(early.get("closedEarlyBy").asString()).isEqualTo("fiona");
        assertThat(early.get("state").asString()).isEqualTo("OPEN");
        // the partner sees that and when its period was closed early, not which of our staff did it
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pat", partnerId, Roles.PARTNER_USER));
        JsonNode seen = own.get(PERIODS + "/" + current.id()).json();
        assertThat(seen.get("closedEarlyAt").asString()).isEqualTo(early.get("closedEarlyAt").asString());
        assertThat(seen.get("closedEarlyBy").isNull()).isTrue();
        assertThat(own.get(PERIODS).json()).filteredOn(period -> period.get("id").asString()
                .equals(current.id().toString())).singleElement()
                .satisfies(period -> assertThat(period.get("closedEarlyBy").isNull()).isTrue());
        assertThat(finance.get(PERIODS + "/" + current.id()).json().get("closedEarlyBy").asString())
                .isEqualTo("fiona");
        assertThat(Instant.parse(next.get("startAt").asString())).isEqualTo(closedAt);
        assertThat(Instant.parse(next.get("endAt").asString())).isEqualTo(current.endAt());
        assertThat(finance.get(PERIODS + "?partnerId=" + partnerId).header("X-Total-Count")).isEqualTo("2");
        assertThat(periods.periodFor(UUID.fromString(partnerId), clock.instant()).orElseThrow().period().id())
                .hasToString(next.get("id").asString());
        TestHttp.Response again = finance.post(PERIODS + "/" + current.id() + "/early-close",
                "{\"reason\":\"twice\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        // the current period, found by the instant it holds, even once usage opened later periods
        periods.periodFor(UUID.fromString(partnerId), clock.instant().plus(Duration.ofDays(70)));
        assertThat(finance.get(PERIODS + "?partnerId=" + partnerId).header("X-Total-Count")).isEqualTo("4");
        assertThat(finance.get(PERIODS + "?partnerId=" + partnerId + "&state=OPEN&at=now").json()).singleElement()
                .satisfies(period -> assertThat(period.get("id").asString()).isEqualTo(next.get("id").asString()));
        assertThat(finance.get(PERIODS + "?partnerId=" + partnerId + "&at=" + closedAt.minusSeconds(1)).json())
                .singleElement().satisfies(period -> assertThat(period.get("id").asString())
                        .isEqualTo(current.id().toString()));
        assertThat(finance.get(PERIODS + "?partnerId=" + partnerId + "&at=" + closedAt).json()).singleElement()
                .satisfies(period -> assertThat(period.get("id").asString()).isEqualTo(next.get("id").asString()));
    }

    @Test
    void lateUsageOfAClosedPeriodLandsInTheNextOpenPeriodAsAPriorPeriodAdjustment() {
        String partnerId = fixtures.partnerInForceFrom(Instant.parse("2026-01-01T00:00:00Z"), "QUARTERLY");
        UUID partner = UUID.fromString(partnerId);
        SettlementPeriods.Placement february = periods.periodFor(partner, Instant.parse("2026-02-10T08:00:00Z"))
                .orElseThrow();
        assertThat(february.priorPeriodAdjustment()).isFalse();
        assertThat(february.period().startAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(february.period().endAt()).isEqualTo("2026-04-01T00:00:00Z");

        periods.startClosing(february.period().id());
        SettlementPeriods.Period closed = periods.close(february.period().id());
        assertThat(closed.state()).isEqualTo(PeriodState.CLOSED);

        SettlementPeriods.Placement late = periods.periodFor(partner, Instant.parse("2026-03-15T08:00:00Z"))
                .orElseThrow();
        assertThat(late.priorPeriodAdjustment()).isTrue();
        assertThat(late.usagePeriodId()).isEqualTo(february.period().id());
        assertThat(late.period().startAt()).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(late.period().state()).isEqualTo(PeriodState.OPEN);
        assertThat(periods.periodFor(UUID.randomUUID(), clock.instant())).isEmpty();
    }

    @Test
    void badInputIsA400AndNothingCloses() {
        Instant now = clock.instant();
        String partnerId = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(5)), "MONTHLY");
        UUID current = periods.periodFor(UUID.fromString(partnerId), now).orElseThrow().period().id();

        assertThat(finance.get(PERIODS + "?state=HALF_OPEN").status()).isEqualTo(400);
        assertThat(finance.get(PERIODS + "?partnerId=nope").status()).isEqualTo(400);
        TestHttp.Response badInstant = finance.get(PERIODS + "?at=yesterday");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body()).contains("at");
        assertThat(finance.get(PERIODS + "/nope").status()).isEqualTo(400);
        assertThat(finance.get(PERIODS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        TestHttp.Response noReason = finance.post(PERIODS + "/" + current + "/early-close", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(finance.post(PERIODS + "/" + UUID.randomUUID() + "/early-close", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(periods.ofPartner(UUID.fromString(partnerId))).singleElement()
                .satisfies(period -> assertThat(period.closedEarlyAt()).isNull());
    }
}
