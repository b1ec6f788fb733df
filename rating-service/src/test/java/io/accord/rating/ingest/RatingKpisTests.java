package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sellThroughAgreement;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Rating's KPI endpoint (package io.accord.rating.kpi) over usage rated and suspended through the API. */
@AccordServiceTest
class RatingKpisTests {

    private static final String KPIS = "/api/rating/admin/kpis";

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final int port;

    RatingKpisTests(RatingModel model, JdbcClient jdbc, @LocalServerPort int port) {
        this.model = model;
        this.jdbc = jdbc;
        this.port = port;
    }

    private TestHttp as(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(role + "-kpi", role));
    }

    @Test
    void revenueAndMarginPerPartnerComeFromTheRollupsAndThroughputCountsWhatWasJustRated() {
        String id = unique();
        String subscriber = "+49183" + id;
        String partnerId = UUID.randomUUID().toString();
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering("off-" + id, partnerId, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, partnerId);
        awaitRatable(model, subscriber);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        String batch = "[" + at(UsageApiTests.usage("kpi-" + id, "a", subscriber, "60"), hour.plusMinutes(5)) + ","
                + at(UsageApiTests.usage("kpi-" + id, "b", subscriber, "120"), hour.plusMinutes(10)) + "]";
        JsonNode rated = as(Roles.OPS).post("/tmf-api/usageManagement/v4/usage/batch", batch).json();
        assertThat(rated.path("rated").asInt()).as(rated.toString()).isEqualTo(2);

        String day = hour.toLocalDate().toString();
        TestHttp.Response answer = as(Roles.FINANCE).get(KPIS + "?from=" + day + "&to="
                + hour.toLocalDate().plusDays(1));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode kpis = answer.json();
        assertThat(kpis.at("/period/from").asString()).isEqualTo(day);
        JsonNode mine = null;
        for (JsonNode row : kpis.get("revenueByPartner")) {
            if (partnerId.equals(row.path("partnerId").asString())) {
                mine = row;
            }
        }
        assertThat(mine).as(kpis.toString()).isNotNull();
        assertThat(mine.get("currency").asString()).isEqualTo("EUR");
        assertThat(mine.get("records").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(mine.get("charge").asString())).isEqualByComparingTo("1.80");
        assertThat(new BigDecimal(mine.get("partnerShare").asString())).isEqualByComparingTo("0.54");
        assertThat(new BigDecimal(mine.get("margin").asString())).isEqualByComparingTo("1.26");
        JsonNode throughput = kpis.get("throughput");
        assertThat(throughput.get("windowSeconds").asInt()).isEqualTo(60);
        assertThat(throughput.get("ratedRecords").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(throughput.get("perSecond").decimalValue()).isPositive();
        assertThat(Instant.parse(throughput.get("lastRatedAt").asString()))
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(ratedSince(Instant.now().minusSeconds(3600)))
                .as("the binary search over seq counts what a scan of the last hour counts")
                .isEqualTo(as(Roles.AUDITOR).get(KPIS + "?throughputSeconds=3600").json()
                        .at("/throughput/ratedRecords").asLong());
    }

    @Test
    void openSuspenseIsCountedByReasonAndAge() {
        String id = unique();
        JsonNode before = as(Roles.OPS).get(KPIS).json().get("suspense");

        JsonNode answer = as(Roles.OPS).post("/tmf-api/usageManagement/v4/usage/batch", "["
                + UsageApiTests.usage("kpi-s-" + id, "s1", "+0000" + id, "60") + ","
                + UsageApiTests.usage("kpi-s-" + id, "s2", "+0000" + id, "60") + "]").json();
        assertThat(answer.path("suspended").asInt()).as(answer.toString()).isEqualTo(2);
        jdbc.sql("update usage_suspense set suspended_at = suspended_at - interval '2 days'"
                + " where source = :source and usage_id = 's2'").param("source", "kpi-s-" + id).update();

        JsonNode after = as(Roles.PARTNER_MANAGER).get(KPIS).json().get("suspense");
        JsonNode noProduct = after.at("/byReasonAndAge/NO_PRODUCT_INSTANCE");
        JsonNode noProductBefore = before.at("/byReasonAndAge/NO_PRODUCT_INSTANCE");
        assertThat(after.get("open").asLong()).isGreaterThanOrEqualTo(before.get("open").asLong() + 2);
        assertThat(noProduct.get("<1h").asLong()).isGreaterThanOrEqualTo(noProductBefore.get("<1h").asLong() + 1);
        assertThat(noProduct.get("1d-7d").asLong())
                .isGreaterThanOrEqualTo(noProductBefore.get("1d-7d").asLong() + 1);
        assertThat(after.at("/byReasonAndAge/TOO_OLD").has(">7d")).isTrue();
        assertThat(after.get("byAge").get("1d-7d").asLong())
                .isGreaterThanOrEqualTo(before.get("byAge").get("1d-7d").asLong() + 1);
    }

    @Test
    void refusesPartnersAndBadParametersNamingThem() {
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("p", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        TestHttp.Response slow = as(Roles.OPS).get(KPIS + "?throughputSeconds=0");
        TestHttp.Response long_ = as(Roles.OPS).get(KPIS + "?from=2020-01-01&to=2026-01-01");

        assertThat(partner.get(KPIS).status()).isEqualTo(403);
        assertThat(slow.status()).isEqualTo(400);
        assertThat(slow.json().get("violations").get(0).get("field").asString()).isEqualTo("throughputSeconds");
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().get("violations").get(0).get("field").asString()).isEqualTo("from");
    }

    private long ratedSince(Instant since) {
        return jdbc.sql("select count(*) from usage_rated where rated_at >= :since")
                .param("since", since.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }

    private static String at(String usage, OffsetDateTime time) {
        return usage.replaceFirst("\"usageDate\": \"[^\"]+\"", "\"usageDate\": \"" + time + "\"");
    }
}
