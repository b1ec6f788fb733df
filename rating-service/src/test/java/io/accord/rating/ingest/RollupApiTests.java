package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.contracts.Topics;
import io.accord.contracts.usage.UsageReported;
import io.accord.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sellThroughAgreement;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static io.accord.rating.ingest.UsageFixtures.JSON;
import static io.accord.rating.ingest.UsageFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rollup read API (package io.accord.rating.rollup): sums, grouping, partners limited to their own rows. */
@AccordServiceTest
class RollupApiTests {

    private final RatingModel model;
    private final MeterRegistry meters;
    private final JdbcClient jdbc;

    RollupApiTests(RatingModel model, MeterRegistry meters, JdbcClient jdbc) {
        this.model = model;
        this.meters = meters;
        this.jdbc = jdbc;
    }
    @LocalServerPort
    int port;

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("fin-1", Roles.FINANCE));
    }

    @Test
    void rollupsSumRatedUsageAndAPartnerSeesOnlyItsOwn() {
        String id = unique();
        String subscriber = "+49181" + id;
        String partnerId = UUID.randomUUID().toString();
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering("off-" + id, partnerId, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, partnerId);
        awaitRatable(model, subscriber);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        String batch = "[" + UsageApiTests.usage("ru-" + id, "a", subscriber, "60").replaceFirst(
                "\"usageDate\": \"[^\"]+\"", "\"usageDate\": \"" + hour.plusMinutes(5) + "\"") + ","
                + UsageApiTests.usage("ru-" + id, "b", subscriber, "120").replaceFirst(
                "\"usageDate\": \"[^\"]+\"", "\"usageDate\": \"" + hour.plusMinutes(10) + "\"") + "]";
        JsonNode answer = staff().as(TestJwt.staff("ops-1", Roles.OPS))
                .post("/tmf-api/usageManagement/v4/usage/batch", batch).json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(2);

        String query = "/api/rating/rollups?from=" + hour.toInstant() + "&to=" + hour.plusHours(1).toInstant()
                + "&granularity=hour&groupBy=partner,offering";
        JsonNode rows = staff().get(query).json().path("rows");
        JsonNode mine = null;
        for (JsonNode row : rows) {
            if (("off-" + id).equals(row.path("offeringId").asString())) {
                mine = row;
            }
        }
        assertThat(mine).as(rows.toString()).isNotNull();
        assertThat(mine.path("partnerId").asString()).isEqualTo(partnerId);
        assertThat(mine.path("records").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(mine.path("charge").asString())).isEqualByComparingTo("1.80");
        assertThat(new BigDecimal(mine.path("partnerShare").asString())).isEqualByComparingTo("0.54");
        assertThat(new BigDecimal(mine.path("margin").asString())).isEqualByComparingTo("1.26");

        // an hour partly in the range counts whole, at either end (the one holding from was left out)
        for (String partial : List.of("from=" + hour.plusMinutes(30).toInstant() + "&to="
                + hour.plusMinutes(90).toInstant(), "from=" + hour.minusMinutes(30).toInstant() + "&to="
                + hour.plusSeconds(1).toInstant())) {
            JsonNode overlapping = staff().get("/api/rating/rollups?" + partial
                    + "&granularity=hour&groupBy=offering").json().path("rows");
            assertThat(overlapping.valueStream().filter(row -> ("off-" + id).equals(row.path("offeringId")
                    .asString())).map(row -> row.path("records").asLong()).toList()).as(partial).containsExactly(2L);
        }

        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("p", partnerId, Roles.PARTNER_USER));
        JsonNode own = partner.get(query).json().path("rows");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("partnerId").asString()).isEqualTo(partnerId);
        // its share, the charge of its own offering and its wholesale (what it owes) stay; the CSP's margin does not
        assertThat(own.get(0).has("margin")).as(own.toString()).isFalse();
        assertThat(new BigDecimal(own.get(0).path("partnerShare").asString())).isEqualByComparingTo("0.54");
        assertThat(new BigDecimal(own.get(0).path("charge").asString())).isEqualByComparingTo("1.80");
        assertThat(new BigDecimal(own.get(0).path("wholesale").asString())).isEqualByComparingTo("0");
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("q", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(other.get(query).json().path("rows")).isEmpty();

        String day = hour.toLocalDate().toString();
        JsonNode daily = partner.get("/api/rating/rollups?from=" + day + "&to=" + hour.toLocalDate().plusDays(1)
                + "&granularity=day").json().path("rows");
        assertThat(daily.get(0).path("bucket").asString()).isEqualTo(day);
        assertThat(daily.get(0).has("margin")).as(daily.toString()).isFalse();
        assertThat(staff().get("/api/rating/rollups?from=" + day + "&to=" + day + "&granularity=week").status())
                .isEqualTo(400);
        assertThat(staff().get("/api/rating/rollups?from=" + day + "&to=" + day).body()).contains("to");
        assertThat(staff().get("/api/rating/rollups?from=x&to=" + day).status()).isEqualTo(400);
        assertThat(staff().get("/api/rating/rollups?from=" + day + "&to=2027-01-01&groupBy=customer").status())
                .isEqualTo(400);
        // groupBy reads a comma as every list filter does: commas and repeated parameters combine
        JsonNode combined = partner.get(query + "&groupBy=usageType,partner").json();
        assertThat(combined.path("groupBy").valueStream().map(JsonNode::asString).toList())
                .containsExactly("partner", "offering", "usageType");
        assertThat(combined.path("rows").get(0).path("usageType").asString()).as(combined.toString())
                .isEqualTo("VOICE");
        TestHttp.Response unknown = partner.get(query + "&groupBy=usageType,customer");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/violations/0/field").asString()).as(unknown.body()).isEqualTo("groupBy");
        assertThat(unknown.body()).contains("'customer'");
    }

    @Test
    void quantitiesAreAnsweredInOneFormWhateverTheScaleTheirUnitSumsAt() {
        String id = unique();
        String partnerId = UUID.randomUUID().toString();
        // the sums keep the scales of what was added (minutes at 9 decimals, data as sent): as the ledger leaves them
        String[][] rows = {{"VOICE", "MIN", "4.100000000"}, {"DATA", "MB", "1274.5"}, {"SMS", "EVENT", "1000.000"},
                {"ROAMING", "S", "0.000000000"}};
        for (String table : List.of("usage_rollup_hourly", "usage_rollup_daily")) {
            for (String[] row : rows) {
                jdbc.sql("insert into " + table + " (partner_id, offering_id, usage_type, billed_unit, currency,"
                                + " bucket, quantity, charge, partner_share, wholesale, margin, record_count,"
                                + " updated_at) values (:partner, :offering, :type, :unit, 'EUR',"
                                + (table.endsWith("hourly") ? " timestamptz '2021-03-04T05:00:00Z'"
                                : " date '2021-03-04'")
                                + ", cast(:quantity as numeric), 1, 0, 0, 1, 1, now())")
                        .param("partner", partnerId).param("offering", "off-" + id).param("type", row[0])
                        .param("unit", row[1]).param("quantity", row[2]).update();
            }
        }
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("p", partnerId, Roles.PARTNER_USER));
        for (String granularity : List.of("hour", "day")) {
            JsonNode answer = partner.get("/api/rating/rollups?from=2021-03-04&to=2021-03-05&groupBy=usageType"
                    + "&granularity=" + granularity).json().path("rows");
            assertThat(answer.valueStream().map(row -> row.path("usageType").asString() + " "
                    + row.path("quantity").asString()).toList()).as(granularity + " " + answer)
                    .containsExactlyInAnyOrder("VOICE 4.1", "DATA 1274.5", "SMS 1000", "ROAMING 0");
        }
    }

    @Test
    void theLagFromReceiptToRollupIsAMetricPerInputAndReadableByOps() {
        String id = unique();
        String subscriber = "+49182" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        long kafkaBefore = lag("kafka").count();
        long apiBefore = lag("api").count();

        // a record that waited ten minutes before the pipeline saw it (its Kafka timestamp says when it was produced)
        UsageReported late = call("lag-" + id, "k1", subscriber, 60);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.USAGE_RAW, null,
                System.currentTimeMillis() - Duration.ofMinutes(10).toMillis(), subscriber,
                JSON.writeValueAsBytes(late));
        record.headers().add("ce_type", UsageReported.TYPE.getBytes());
        TestKafka.send(record);
        await().atMost(Duration.ofSeconds(60)).until(() -> lag("kafka").count() > kafkaBefore);
        assertThat(lag("kafka").max(TimeUnit.SECONDS)).as("measured from the Kafka timestamp")
                .isGreaterThanOrEqualTo(600);

        JsonNode answer = staff().as(TestJwt.staff("ops-1", Roles.OPS)).post("/tmf-api/usageManagement/v4/usage",
                UsageApiTests.usage("lag-" + id, "a1", subscriber, "60")).json();
        assertThat(answer.path("status").asString()).as(answer.toString()).isEqualTo("rated");
        await().atMost(Duration.ofSeconds(10)).until(() -> lag("api").count() > apiBefore);
        assertThat(lag("api").max(TimeUnit.SECONDS)).as("an API record reaches its rollup at once").isLessThan(60);

        String prometheus = TestHttp.localPort(port).get("/actuator/prometheus").body();
        assertThat(prometheus).contains("accord_rating_rollup_lag_seconds_count{input=\"kafka\"")
                .contains("accord_rating_rollup_lag_last_seconds");
        JsonNode view = staff().get("/api/rating/rollups/lag").json();
        assertThat(view.path("kafka").path("records").asLong()).isGreaterThan(kafkaBefore);
        assertThat(view.path("api").path("records").asLong()).isGreaterThan(apiBefore);
        assertThat(view.path("lastCommitAt").asString()).isNotEmpty();
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("p", UUID.randomUUID().toString(),
                Roles.PARTNER_USER)).get("/api/rating/rollups/lag").status()).isEqualTo(403);
    }

    private io.micrometer.core.instrument.Timer lag(String input) {
        return meters.get("accord.rating.rollup.lag").tag("input", input).timer();
    }
}
