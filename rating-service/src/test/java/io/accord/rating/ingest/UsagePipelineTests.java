package io.accord.rating.ingest;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.usage.UsageReported;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.JSON;
import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.call;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sendRaw;
import static io.accord.rating.ingest.UsageFixtures.sendUsage;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kafka pipeline end to end: raw usage in, rated usage, suspense, duplicates, counters and rollups out. */
@AccordServiceTest
class UsagePipelineTests {

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    UsagePipelineTests(RatingModel model, JdbcClient jdbc, MeterRegistry meters) {
        this.model = model;
        this.jdbc = jdbc;
        this.meters = meters;
    }
    @LocalServerPort
    int port;

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
    }

    @Test
    void ratesUsageFromTheTopicAndTellsItsFateAndPublishesIt() {
        String id = unique();
        String subscriber = "+49151" + id;
        launchVoiceOffering("off-" + id, null, "0.01", "REDUCED");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        sendUsage(call("src-" + id, "u1", subscriber, 125));

        JsonNode fate = awaitFate("src-" + id, "u1");
        assertThat(fate.path("fate").asString()).isEqualTo("RATED");
        JsonNode rating = fate.path("ratings").get(0);
        assertThat(rating.path("kind").asString()).isEqualTo("RATED");
        assertThat(rating.path("billedQuantity").asString()).isEqualTo("125");
        assertThat(new BigDecimal(rating.path("charge").asString())).isEqualByComparingTo("1.25");
        assertThat(new BigDecimal(rating.path("margin").asString())).isEqualByComparingTo("1.25");
        assertThat(rating.path("allocation").asString()).isEqualTo("OWN");
        assertThat(rating.path("productInstanceId").asString()).isEqualTo("prod-" + id);
        assertThat(rating.path("priceVersionId").asString()).isEqualTo("off-" + id + "-voice-v1");
        assertThat(rating.path("customerReference").asString()).isEqualTo("customer-prod-" + id);
        assertThat(rating.path("usageTime").asString()).endsWith("+01:00");

        List<ConsumerRecord<String, byte[]>> published = TestKafka.awaitRecords(Topics.USAGE_RATED,
                record -> subscriber.equals(record.key()), 1, Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> event = published.getFirst();
        assertThat(TestKafka.header(event, CloudEventHeaders.TYPE)).isEqualTo("UsageRated");
        assertThat(TestKafka.header(event, CloudEventHeaders.ID)).isEqualTo(rating.path("ratedId").asString());
        assertThat(TestKafka.header(event, CloudEventHeaders.SEQUENCE))
                .isEqualTo(Long.toString(rating.path("sequence").asLong()));
        JsonNode payload = JSON.readTree(TestKafka.value(event));
        assertThat(payload.path("usageId").asString()).isEqualTo("u1");
        assertThat(payload.path("charge").asString()).isEqualTo("1.250000");
        assertThat(payload.path("customerReference").asString()).isEqualTo("customer-prod-" + id);
        assertThat(payload.path("taxCategory").asString()).isEqualTo("REDUCED");

        Map<String, Object> rollup = jdbc.sql("""
                        select sum(quantity) as quantity, sum(charge) as charge, sum(margin) as margin,
                               sum(record_count) as records
                        from usage_rollup_daily where offering_id = :offering and partner_id = ''""")
                .param("offering", "off-" + id).query().singleRow();
        assertThat((BigDecimal) rollup.get("charge")).isEqualByComparingTo("1.25");
        assertThat(((Number) rollup.get("records")).longValue()).isEqualTo(1);
    }

    @Test
    void countsADuplicateOnceAcrossBatchesAndNeverMovesTheAccumulatorTwice() {
        String id = unique();
        String subscriber = "+49152" + id;
        String source = "src-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        sendUsage(call(source, "a", subscriber, 100));
        awaitFate(source, "a");
        sendUsage(call(source, "a", subscriber, 100));
        sendUsage(call(source, "b", subscriber, 30));
        awaitFate(source, "b");

        JsonNode fate = awaitFate(source, "a");
        assertThat(fate.path("ratings")).hasSize(1);
        assertThat(fate.path("duplicates")).hasSize(1);
        assertThat(fate.path("duplicates").get(0).path("duplicateOf").path("id").asString())
                .isEqualTo(fate.path("ratings").get(0).path("ratedId").asString());
        assertThat(counters(source)).containsExactly(3L, 2L, 0L, 1L);
        BigDecimal accumulated = jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single();
        assertThat(accumulated).isEqualByComparingTo("160"); // 100 and 60 (30 s billed as the first 60 s)
        assertThat(jdbc.sql("select arrival_order from usage_rated where source = :source order by seq")
                .param("source", source).query(Long.class).list()).containsExactly(1L, 2L);
        // a flat price's accumulator is added to after rating: its records still carry where it stood, in order
        List<BigDecimal[]> chain = jdbc.sql("select accumulator_before, accumulator_after from usage_rated"
                        + " where source = :source order by seq").param("source", source)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).list();
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0)[0]).isEqualByComparingTo("0");
        assertThat(chain.get(0)[1]).isEqualByComparingTo("100");
        assertThat(chain.get(1)[0]).isEqualByComparingTo("100");
        assertThat(chain.get(1)[1]).isEqualByComparingTo("160");
        // one duplicate marker, under the key V85's SQL computes for the markers it converts (non-ASCII included)
        assertThat(jdbc.sql("select count(*) from usage_key where key = :key")
                .param("key", UsageLedger.markerKey(source, "a")).query(Long.class).single()).isEqualTo(1L);
        // kept with the record's usage time, which decides when the hourly purge deletes it
        assertThat(jdbc.sql("""
                        select k.usage_time = r.usage_time from usage_key k, usage_rated r
                        where k.key = :key and r.source = :source and r.usage_id = 'a'""")
                .param("key", UsageLedger.markerKey(source, "a")).param("source", source).query(Boolean.class)
                .single()).isTrue();
        for (String[] pair : new String[][] {{source, "a"}, {"ab", "c"}, {"a", "bc"}, {"Zürich-☎", "𝄞-1"}}) {
            UUID inSql = jdbc.sql("""
                            select encode(substring(sha256(convert_to(octet_length(:source)::text || ':' || :source
                                                                      || :usageId, 'UTF8')) from 1 for 16), 'hex')::uuid""")
                    .param("source", pair[0]).param("usageId", pair[1]).query(UUID.class).single();
            assertThat(UsageLedger.markerKey(pair[0], pair[1])).as(String.join("/", pair)).isEqualTo(inSql);
        }
        assertThat(UsageLedger.markerKey("ab", "c")).isNotEqualTo(UsageLedger.markerKey("a", "bc"));
    }

    @Test
    void aMalformedRecordGoesToSuspenseWithItsPayloadAndTheRestOfTheBatchIsRated() {
        String id = unique();
        String subscriber = "+49153" + id;
        String source = "src-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        byte[] garbage = ("{\"usageId\": \"bad-" + id + "\", \"source\": \"" + source + "\", oops")
                .getBytes(StandardCharsets.UTF_8);

        sendUsage(call(source, "before", subscriber, 60));
        sendRaw(subscriber, garbage);
        sendUsage(call(source, "after", subscriber, 60));
        sendUsage(new UsageReported("unit", source, "VOICE", subscriber, null, "60", "PARSEC", null, null, null));

        awaitFate(source, "after");
        assertThat(awaitFate(source, "before").path("fate").asString()).isEqualTo("RATED");
        JsonNode badUnit = awaitFate(source, "unit");
        assertThat(badUnit.path("fate").asString()).isEqualTo("SUSPENDED");
        assertThat(badUnit.path("suspense").get(0).path("reason").asString()).isEqualTo("INVALID");
        assertThat(badUnit.path("suspense").get(0).path("detail").asString()).contains("PARSEC");
        Map<String, Object> invalid = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select reason, detail, payload from usage_suspense where payload = :payload""")
                .param("payload", garbage).query().listOfRows(), rows -> rows.size() == 1).getFirst();
        assertThat(invalid.get("reason")).isEqualTo("INVALID");
        assertThat((String) invalid.get("detail")).contains("not valid JSON");
        assertThat((byte[]) invalid.get("payload")).isEqualTo(garbage);
    }

    @Test
    void aRecordTheDatabaseRefusesIsSetAsideAsInvalidWhileItsNeighboursAreRatedAndCanBeRecycledOnceFixed() {
        String id = unique();
        String subscriber = "+49154" + id;
        String source = "src-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        // a value the database refuses although every check passed (a column's limit, say): simulated by a trigger
        TestInfrastructure.RefusedRows refusal = TestInfrastructure.refuseRows(UsageFileJobsTests.DATABASE,
                "usage_rated", "new.source = '%s' and new.usage_id = 'poison'".formatted(source), "22003");
        double setAsideBefore = meters.counter("accord.rating.ingest.set-aside").count();
        JsonNode poison;
        try {
            sendUsage(call(source, "before", subscriber, 60));
            sendUsage(call(source, "poison", subscriber, 60));
            sendUsage(call(source, "after", subscriber, 60));

            assertThat(awaitFate(source, "after").path("fate").asString()).isEqualTo("RATED");
            assertThat(awaitFate(source, "before").path("fate").asString()).isEqualTo("RATED");
            poison = awaitFate(source, "poison");
        } finally {
            refusal.close();
        }
        assertThat(poison.path("fate").asString()).isEqualTo("SUSPENDED");
        JsonNode suspense = poison.path("suspense").get(0);
        assertThat(suspense.path("reason").asString()).isEqualTo("INVALID");
        // the kind of error only: its message names our tables and quotes the row (it is in the log)
        assertThat(suspense.path("detail").asString())
                .startsWith("the database refused the record (database error, SQL state 22003; details in the rating"
                        + " service's log at usage.raw.v1-")
                .doesNotContain("usage_rated", "overflow");
        assertThat(counters(source)).containsExactly(3L, 2L, 1L, 0L);
        assertThat(meters.counter("accord.rating.ingest.set-aside").count()).isEqualTo(setAsideBefore + 1);
        assertThat(jdbc.sql("select arrival_order from usage_rated where source = :source order by seq")
                .param("source", source).query(Long.class).list()).containsExactly(1L, 2L);

        // the cause fixed (the trigger is gone), ops recycle it from its kept payload: rated once
        String suspenseId = jdbc.sql("select suspense_id::text from usage_suspense where source = :source")
                .param("source", source).query(String.class).single();
        TestHttp.Response recycled = staff().post("/api/rating/suspense/recycle",
                "{\"ids\": [\"" + suspenseId + "\"]}");
        assertThat(recycled.status()).as(recycled.toString()).isEqualTo(200);
        assertThat(recycled.json().path("recycled").asInt()).isEqualTo(1);
        assertThat(awaitFate(source, "poison").path("ratings")).hasSize(1);
    }

    /**
     * A sell-through record bought by another partner for its own customer: staff see it whole; each party sees its
     * own entries and agreement only, never the CSP's margin; the owner and the buyer the charge; only the buyer the
     * customer reference. Anyone else (and a record never seen) is the same 404.
     */
    @Test
    void answersNotProcessedForUsageNeverSeenAndHidesOtherPartnersUsage() {
        String id = unique();
        String partner = java.util.UUID.randomUUID().toString();
        String buyer = java.util.UUID.randomUUID().toString();
        String subscriber = "+49154" + id;
        UsageFixtures.sellThroughAgreement(partner, "30");
        UsageFixtures.sellThroughAgreement(buyer, "10");
        launchVoiceOffering("off-" + id, partner, "0.02");
        activate("prod-" + id, subscriber, "off-" + id, partner, buyer);
        awaitRatable(model, subscriber);

        sendUsage(call("src-" + id, "p1", subscriber, 60));
        JsonNode whole = awaitFate("src-" + id, "p1").path("ratings").get(0);
        assertThat(whole.path("margin").asString()).isEqualTo("0.840000");
        assertThat(whole.path("charge").asString()).isEqualTo("1.200000");
        assertThat(whole.path("parties")).extracting(p -> p.path("partnerId").asString() + " "
                + p.path("direction").asString()).containsExactly(partner + " PAYABLE_TO_PARTNER",
                buyer + " OWED_BY_PARTNER");
        assertThat(whole.path("agreements")).extracting(a -> a.path("partnerId").asString())
                .containsExactly(partner, buyer);
        assertThat(whole.path("customerReference").asString()).isEqualTo("customer-prod-" + id);

        TestHttp.Response mine = TestHttp.localPort(port)
                .as(TestJwt.partner("pa", partner, Roles.PARTNER_ADMIN)).get("/api/rating/usage/src-" + id + "/p1");
        assertThat(mine.status()).isEqualTo(200);
        JsonNode owned = mine.json().path("ratings").get(0);
        assertThat(owned.path("parties")).singleElement().satisfies(party -> {
            assertThat(party.path("partnerId").asString()).isEqualTo(partner);
            assertThat(party.path("direction").asString()).isEqualTo("PAYABLE_TO_PARTNER");
            assertThat(party.path("amount").asString()).isEqualTo("0.360000");
        });
        assertThat(owned.has("margin")).as(owned.toString()).isFalse();
        assertThat(owned.path("charge").asString()).isEqualTo("1.200000");
        assertThat(owned.path("agreements")).extracting(a -> a.path("partnerId").asString()).containsExactly(partner);
        assertThat(owned.path("customerReference").isNull()).as(owned.toString()).isTrue();

        JsonNode bought = TestHttp.localPort(port).as(TestJwt.partner("pb", buyer, Roles.PARTNER_USER))
                .get("/api/rating/usage/fate?source=src-" + id + "&usageId=p1").json().path("ratings").get(0);
        assertThat(bought.path("parties")).extracting(p -> p.path("partnerId").asString() + " "
                + p.path("direction").asString() + " " + p.path("amount").asString())
                .containsExactly(buyer + " OWED_BY_PARTNER 1.200000");
        assertThat(bought.has("margin")).as(bought.toString()).isFalse();
        assertThat(bought.path("charge").asString()).isEqualTo("1.200000");
        assertThat(bought.path("agreements")).extracting(a -> a.path("partnerId").asString()).containsExactly(buyer);
        assertThat(bought.path("customerReference").asString()).isEqualTo("customer-prod-" + id);

        TestHttp.Response other = TestHttp.localPort(port).as(TestJwt.partner("pb",
                java.util.UUID.randomUUID().toString(), Roles.PARTNER_ADMIN)).get("/api/rating/usage/src-" + id + "/p1");
        assertThat(other.status()).isEqualTo(404);
        TestHttp.Response never = staff().get("/api/rating/usage/src-" + id + "/never-sent");
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.json().path("type").asString()).endsWith("/usage-not-processed");
        assertThat(never.json().path("detail").asString()).contains("has not been processed");
    }

    @Test
    void reconcilesPerSourceAndDayAndRejectsABackwardsRange() {
        String id = unique();
        String subscriber = "+49155" + id;
        String source = "src-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        sendUsage(call(source, "r1", subscriber, 60));
        sendUsage(call(source, "r1", subscriber, 60));
        sendUsage(call(source, "r2", "+00000" + id, 60)); // no product: suspense
        awaitFate(source, "r2");
        await().atMost(Duration.ofSeconds(30)).until(() -> counters(source)[0] == 3);

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        TestHttp.Response answer = staff().get("/api/rating/reconciliation?from=" + today + "&source=" + source);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode day = answer.json().path("days").get(0);
        assertThat(day.path("received").asLong()).isEqualTo(3);
        assertThat(day.path("rated").asLong()).isEqualTo(1);
        assertThat(day.path("suspended").asLong()).isEqualTo(1);
        assertThat(day.path("duplicates").asLong()).isEqualTo(1);
        assertThat(day.path("balanced").asBoolean()).isTrue();
        assertThat(answer.json().path("pending").path("partitions")).hasSize(3);

        TestHttp.Response backwards = staff().get("/api/rating/reconciliation?from=2026-12-02&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"to\"");
        // a partner reads its own source's counts only (UsageApiTests): a mediation source is not found
        TestHttp.Response partner = TestHttp.localPort(port).as(TestJwt.partner("pa",
                java.util.UUID.randomUUID().toString(), Roles.PARTNER_ADMIN)).get("/api/rating/reconciliation?from="
                + today + "&source=" + source);
        assertThat(partner.status()).isEqualTo(404);
    }

    @Test
    void aBatchWhosePartitionMovedOnMeanwhileIsDroppedAndReadAgainFromTheDatabaseOffset() {
        String id = unique();
        String subscriber = "+49156" + id;
        String source = "src-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        sendUsage(call(source, "probe", subscriber, 60));
        JsonNode probe = awaitFate(source, "probe");
        Map<String, Object> where = jdbc.sql("""
                        select kafka_partition, kafka_offset from usage_rated where source = :source""")
                .param("source", source).query().singleRow();
        int partition = ((Number) where.get("kafka_partition")).intValue();
        long next = ((Number) where.get("kafka_offset")).longValue() + 1;
        double fencedBefore = meters.get("accord.rating.ingest.retries").tag("cause", "fenced").counter().count();
        // another consumer (a zombie the group has not noticed yet) processes the next record of the partition
        assertThat(jdbc.sql("""
                        update usage_offset set next_offset = :moved
                        where consumer_group = 'rating-usage' and topic = :topic and kafka_partition = :partition
                          and next_offset = :next""")
                .param("moved", next + 1).param("topic", Topics.USAGE_RAW).param("partition", partition)
                .param("next", next).update()).isEqualTo(1);

        sendUsage(call(source, "taken-by-the-other", subscriber, 60));
        sendUsage(call(source, "mine", subscriber, 60));

        assertThat(awaitFate(source, "mine").path("ratings")).hasSize(1);
        assertThat(staff().get("/api/rating/usage/" + source + "/taken-by-the-other").status()).isEqualTo(404);
        assertThat(meters.get("accord.rating.ingest.retries").tag("cause", "fenced").counter().count())
                .isGreaterThan(fencedBefore);
        assertThat(counters(source)).containsExactly(2L, 2L, 0L, 0L);
        assertThat(probe.path("fate").asString()).isEqualTo("RATED");
    }

    /** received, rated, suspended, duplicates of a source over all days. */
    Long[] counters(String source) {
        return jdbc.sql("""
                        select coalesce(sum(received), 0), coalesce(sum(rated), 0), coalesce(sum(suspended), 0),
                               coalesce(sum(duplicates), 0) from usage_source_day where source = :source""")
                .param("source", source)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    JsonNode awaitFate(String source, String usageId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> staff().get("/api/rating/usage/" + source + "/"
                + usageId), response -> response.status() == 200).json();
    }
}
