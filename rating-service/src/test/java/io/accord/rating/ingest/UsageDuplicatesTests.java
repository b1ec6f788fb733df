package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.contracts.usage.UsageReported;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.call;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.partnerProduct;
import static io.accord.rating.ingest.UsageFixtures.sendUsage;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The duplicates the reconciliation counts, listed (GET /api/rating/duplicates), and copies whose content differs from
 * their original told apart from exact resends: stored, counted within duplicates, metered (docs/rating-pipeline.md,
 * "Duplicates").
 */
@AccordServiceTest
class UsageDuplicatesTests {

    private static final String USAGE = "/tmf-api/usageManagement/v4/usage";
    private static final String DUPLICATES = "/api/rating/duplicates";
    private static final String METER = "accord_rating_ingest_duplicates_conflicting_total";

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();
    private final String time = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString();

    @LocalServerPort
    int port;

    UsageDuplicatesTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    private TestHttp as(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(role + "-1", role));
    }

    private TestHttp partner(String partnerId) {
        return TestHttp.localPort(port).as(TestJwt.partner("user-" + partnerId, partnerId, Roles.PARTNER_USER));
    }

    private String usage(String source, String usageId, String subscriber, String quantity, String usageTime) {
        return """
                {"usageDate": "%s", "usageType": "VOICE", "usageCharacteristic": [
                   {"name": "usageId", "value": "%s"}, %s
                   {"name": "subscriberId", "value": "%s"},
                   {"name": "quantity", "value": "%s"}, {"name": "unit", "value": "S"}]}""".formatted(usageTime,
                usageId, source == null ? "" : "{\"name\": \"source\", \"value\": \"" + source + "\"},", subscriber,
                quantity);
    }

    @Test
    void copiesWithOtherContentAreToldFromExactResendsListedCountedAndMetered() {
        String id = unique();
        String subscriber = "+49173" + id;
        String source = "dups-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        double meterBefore = meter();

        // in one batch: an exact copy of a, a copy of b with another quantity
        String first = "[" + usage(source, "a", subscriber, "60", time) + "," + usage(source, "a", subscriber, "60", time)
                + "," + usage(source, "b", subscriber, "60", time) + "," + usage(source, "b", subscriber, "90", time)
                + "," + usage(source, "c", subscriber, "60", time) + "]";
        JsonNode sent = as(Roles.OPS).post(USAGE + "/batch", first).json();
        assertThat(sent.path("rated").asInt()).as(sent.toString()).isEqualTo(3);
        // in later batches: a's quantity written otherwise (the same value), b at another time, c to another subscriber
        String later = "[" + usage(source, "a", subscriber, "60.000", time) + ","
                + usage(source, "b", subscriber, "60", OffsetDateTime.parse(time).minusMinutes(5).toString()) + ","
                + usage(source, "c", subscriber + "9", "60", time) + "]";
        assertThat(as(Roles.OPS).post(USAGE + "/batch", later).json().path("duplicate").asInt()).isEqualTo(3);
        // the same instant in another offset is the same usage time
        String otherOffset = OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.ofHours(2)).toString();
        as(Roles.OPS).post(USAGE + "/batch", "[" + usage(source, "a", subscriber, "60", otherOffset) + "]");

        TestHttp.Response all = as(Roles.AUDITOR).get(DUPLICATES + "?from=" + today + "&source=" + source);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("6");
        List<String> flags = new ArrayList<>();
        all.json().forEach(item -> flags.add(item.path("usageId").asString() + ":"
                + item.path("conflicting").asBoolean()));
        // oldest first (the copies of one batch in no particular order among themselves)
        assertThat(flags).containsExactlyInAnyOrder("a:false", "b:true", "a:false", "b:true", "c:true", "a:false");
        assertThat(flags.getLast()).isEqualTo("a:false");
        JsonNode firstCopy = all.json().get(0);
        assertThat(firstCopy.path("channel").asString()).isEqualTo("REST");
        assertThat(firstCopy.path("original").path("kind").asString()).isEqualTo("RATED");
        assertThat(firstCopy.path("original").path("id").asString()).isEqualTo(jdbc.sql(
                        "select rated_id::text from usage_rated where source = :source and usage_id = :usageId")
                .param("source", source).param("usageId", firstCopy.path("usageId").asString())
                .query(String.class).single());
        assertThat(firstCopy.path("original").path("receivedAt").isMissingNode()).isFalse();

        TestHttp.Response conflicting = as(Roles.FINANCE).get(DUPLICATES + "?from=" + today + "&source=" + source
                + "&conflicting=true&limit=2");
        assertThat(conflicting.header("X-Total-Count")).isEqualTo("3");
        assertThat(conflicting.json()).hasSize(2);

        JsonNode day = as(Roles.OPS).get("/api/rating/reconciliation?from=" + today + "&source=" + source).json()
                .path("days").get(0);
        assertThat(day.path("duplicates").asLong()).isEqualTo(6L);
        assertThat(day.path("duplicatesConflicting").asLong()).isEqualTo(3L);
        assertThat(day.path("balanced").asBoolean()).isTrue();
        assertThat(day.path("received").asLong()).isEqualTo(9L);
        assertThat(meter() - meterBefore).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void aKafkaCopyIsComparedWithItsOriginalAndAMarkerWithoutContentLeavesItUnknown() {
        String id = unique();
        String subscriber = "+49174" + id;
        String source = "dupk-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        UsageReported original = call(source, "k1", subscriber, 60);
        sendUsage(original);
        await().atMost(Duration.ofSeconds(30)).until(() -> rated(source) == 1);
        sendUsage(original);
        sendUsage(new UsageReported("k1", source, "VOICE", subscriber, original.startTime(), "61", "S",
                original.characteristics(), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(source) == 2);

        JsonNode listed = as(Roles.OPS).get(DUPLICATES + "?from=" + today + "&source=" + source).json();
        assertThat(listed.get(0).path("channel").asString()).isEqualTo("KAFKA");
        assertThat(listed.get(0).path("kafkaOffset").isNumber()).isTrue();
        assertThat(listed.get(0).path("original").path("kind").asString()).isEqualTo("RATED");
        // the exact copy and the one of 61 s may come in one batch: in any order
        assertThat(List.of(listed.get(0).path("conflicting").asBoolean(), listed.get(1).path("conflicting")
                .asBoolean())).containsExactlyInAnyOrder(false, true);

        JsonNode fate = as(Roles.OPS).get("/api/rating/usage/" + source + "/k1").json();
        assertThat(fate.path("duplicates").findValuesAsString("channel")).containsOnly("KAFKA");
        assertThat(fate.path("duplicates").findValues("conflicting").stream().map(JsonNode::asBoolean).toList())
                .containsExactlyInAnyOrder(false, true);

        // a marker written before V98 keeps no content: its copies' comparison is not known, and not counted
        jdbc.sql("update usage_key set content = null where key = :key")
                .param("key", Ids.usageKey(source, "k1")).update();
        sendUsage(new UsageReported("k1", source, "VOICE", subscriber, original.startTime(), "62", "S",
                original.characteristics(), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(source) == 3);
        JsonNode third = as(Roles.OPS).get(DUPLICATES + "?from=" + today + "&source=" + source).json().get(2);
        assertThat(third.path("conflicting").isNull()).as(third.toString()).isTrue();
        assertThat(jdbc.sql("select duplicates_conflicting from usage_source_day where source = :source")
                .param("source", source).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aPartnerListsTheDuplicatesOfItsOwnSourceOnly() {
        String id = unique();
        String subscriber = "+49175" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);
        mine.post(USAGE, usage(null, "p1", subscriber, "60", time));
        assertThat(mine.post(USAGE, usage(null, "p1", subscriber, "120", time)).status()).isEqualTo(409);

        TestHttp.Response own = mine.get(DUPLICATES + "?from=" + today);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json()).hasSize(1);
        assertThat(own.json().get(0).path("source").asString()).isEqualTo(partnerId);
        assertThat(own.json().get(0).path("conflicting").asBoolean()).isTrue();
        assertThat(mine.get(DUPLICATES + "?from=" + today + "&source=mediation-eu").status()).isEqualTo(404);
        assertThat(mine.get(DUPLICATES + "?from=" + today + "&source=" + partnerId).json()).hasSize(1);
        assertThat(as(Roles.OPS).get(DUPLICATES + "?from=" + today + "&source=" + partnerId).json()).hasSize(1);
    }

    @Test
    void badRangesAndSourcesAreA400() {
        assertThat(as(Roles.OPS).get(DUPLICATES).status()).isEqualTo(400);
        assertThat(as(Roles.OPS).get(DUPLICATES + "?from=2026-12-02&to=2026-12-01").status()).isEqualTo(400);
        assertThat(as(Roles.OPS).get(DUPLICATES + "?from=2026-01-01&to=2026-12-01").status()).isEqualTo(400);
        assertThat(as(Roles.OPS).get(DUPLICATES + "?from=not-a-day").status()).isEqualTo(400);
        assertThat(as(Roles.OPS).get(DUPLICATES + "?from=2026-12-01&conflicting=maybe").status()).isEqualTo(400);
        assertThat(as(Roles.OPS).get(DUPLICATES + "?from=2026-12-01&source=" + "s".repeat(201)).status())
                .isEqualTo(400);
        TestHttp.Response problem = as(Roles.OPS).get(DUPLICATES + "?from=2026-12-01&limit=-1");
        assertThat(problem.status()).as(problem.toString()).isEqualTo(400);
    }

    private long rated(String source) {
        return jdbc.sql("select count(*) from usage_rated where source = :source").param("source", source)
                .query(Long.class).single();
    }

    private long duplicates(String source) {
        return jdbc.sql("select count(*) from usage_duplicate where source = :source").param("source", source)
                .query(Long.class).single();
    }

    private double meter() {
        String body = TestHttp.localPort(port).get("/actuator/prometheus").body();
        for (String line : body.split("\n")) {
            if (line.startsWith(METER)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(METER + " is not on /actuator/prometheus");
    }
}
