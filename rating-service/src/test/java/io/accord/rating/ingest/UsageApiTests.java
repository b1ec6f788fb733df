package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The TMF635 usage input (package io.accord.rating.usage) over HTTP: single, batch, reads, tenancy. */
@AccordServiceTest
class UsageApiTests {

    static final String USAGE = "/tmf-api/usageManagement/v4/usage";

    private final RatingModel model;
    private final JdbcClient jdbc;

    UsageApiTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }
    @LocalServerPort
    int port;

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
    }

    private TestHttp partner(String partnerId) {
        return TestHttp.localPort(port).as(TestJwt.partner("user-" + partnerId, partnerId, Roles.PARTNER_USER));
    }

    static String usage(String source, String usageId, String subscriber, String quantity) {
        String time = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(1).withNano(0).toString();
        return """
                {"usageDate": "%s", "usageType": "VOICE", "description": "a call",
                 "usageCharacteristic": [
                   {"name": "usageId", "value": "%s"}, %s
                   {"name": "subscriberId", "value": "%s"},
                   {"name": "quantity", "value": %s}, {"name": "unit", "value": "S"},
                   {"name": "destinationZone", "value": "EU"}]}""".formatted(time, usageId,
                source == null ? "" : "{\"name\": \"source\", \"value\": \"" + source + "\"},", subscriber, quantity);
    }

    @Test
    void aSingleRecordIsRatedAnsweredWithLocationReadableAndADuplicateIsAConflict() {
        String id = unique();
        String subscriber = "+49161" + id;
        String source = "rest-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        TestHttp.Response created = staff().post(USAGE, usage(source, "u1", subscriber, "125"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo(USAGE + "/" + body.path("id").asString());
        assertThat(body.path("status").asString()).isEqualTo("rated");
        JsonNode rated = body.path("ratedProductUsage").get(0);
        assertThat(new BigDecimal(rated.path("taxExcludedRatingAmount").path("value").asString()))
                .isEqualByComparingTo("1.25");
        assertThat(rated.path("productRef").path("id").asString()).isEqualTo("prod-" + id);

        TestHttp.Response read = staff().get(created.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("usageType").asString()).isEqualTo("VOICE");
        // the fate API sees the same record: one ledger
        assertThat(staff().get("/api/rating/usage/" + source + "/u1").json().path("fate").asString())
                .isEqualTo("RATED");

        // a usage id with slashes, which no path segment carries: the same fate by query parameters
        assertThat(staff().post(USAGE, usage(source, "u/2026/12/01-1", subscriber, "60")).status()).isEqualTo(201);
        TestHttp.Response slashed = staff().get("/api/rating/usage/fate?source=" + source
                + "&usageId=u%2F2026%2F12%2F01-1");
        assertThat(slashed.status()).as(slashed.toString()).isEqualTo(200);
        assertThat(slashed.json().path("fate").asString()).isEqualTo("RATED");
        assertThat(staff().get("/api/rating/usage/fate?source=" + source + "&usageId=nope").status()).isEqualTo(404);

        TestHttp.Response again = staff().post(USAGE, usage(source, "u1", subscriber, "125"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("usageId").asString()).isEqualTo("u1");
        assertThat(counters(source)).containsExactly(3L, 2L, 0L, 1L);

        // an unreadable record is answered 400 as before, and counted as an unreadable Kafka record is: received and
        // in suspense (INVALID) under its source, on the day it was received, kept as it was sent
        TestHttp.Response invalid = staff().post(USAGE, usage(source, "u2", subscriber, "\"lots\""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("usageCharacteristic.quantity");
        assertThat(counters(source)).containsExactly(4L, 2L, 1L, 1L);
        Map<String, Object> kept = jdbc.sql("""
                        select usage_id, reason, detail, status, received_day, convert_from(payload, 'UTF8') as kept
                        from usage_suspense where source = :source""")
                .param("source", source).query().singleRow();
        assertThat(kept.get("usage_id")).as("its usage id is not claimed").isNull();
        assertThat(kept.get("reason")).isEqualTo("INVALID");
        assertThat(kept.get("status")).isEqualTo("OPEN");
        assertThat((String) kept.get("detail")).startsWith("usage u2: quantity 'lots' is not a decimal number")
                .contains("usageCharacteristic.quantity");
        assertThat(kept.get("received_day").toString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat((String) kept.get("kept")).contains("\\\"lots\\\"", "u2");
        assertThat(reconciled(source)).isTrue();
        // the sender corrects it and sends it again: rated, as before (an unreadable record claims no usage id)
        assertThat(staff().post(USAGE, usage(source, "u2", subscriber, "60")).status()).isEqualTo(201);
        assertThat(counters(source)).containsExactly(5L, 3L, 1L, 1L);
        // and its suspense record is never rated: a recycle reads it as unreadable, it stays OPEN
        UUID suspenseId = jdbc.sql("select suspense_id from usage_suspense where source = :source")
                .param("source", source).query(UUID.class).single();
        TestHttp.Response recycle = staff().post("/api/rating/suspense/recycle",
                "{\"ids\": [\"" + suspenseId + "\"]}");
        assertThat(recycle.status()).as(recycle.toString()).isEqualTo(200);
        assertThat(recycle.json().path("recycled").asInt()).isZero();
        assertThat(recycle.json().path("stillSuspended").get(0).path("detail").asString())
                .contains("could not be read when it was received", "quantity 'lots'");
        assertThat(counters(source)).containsExactly(5L, 3L, 1L, 1L);
        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source and usage_id = 'u2'")
                .param("source", source).query(Long.class).single()).isEqualTo(1L);
        assertThat(reconciled(source)).isTrue();
    }

    /** Whether today's reconciliation of the source balances: received = rated + suspended + duplicates + off. */
    private boolean reconciled(String source) {
        TestHttp.Response answer = staff().get("/api/rating/reconciliation?from="
                + LocalDate.now(ZoneOffset.UTC) + "&source=" + source);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode day = answer.json().path("days").get(0);
        return day.path("balanced").asBoolean() && day.path("received").asLong() == day.path("rated").asLong()
                + day.path("suspended").asLong() + day.path("duplicates").asLong() + day.path("writtenOff").asLong();
    }

    @Test
    void aBatchAnswersEveryRecordAndABadRecordNeverFailsIt() {
        String id = unique();
        String subscriber = "+49162" + id;
        String source = "rest-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        // a record first received over Kafka is a duplicate when it comes again over REST: one duplicate index
        sendUsage(call(source, "k1", subscriber, 60));
        await().until(() -> staff().get("/api/rating/usage/" + source + "/k1").status() == 200);

        String batch = "[" + String.join(",",
                usage(source, "b1", subscriber, "60"),                       // 0 rated
                usage(source, "b2", "+0000" + id, "60"),                      // 1 suspended: no product
                usage(source, "b1", subscriber, "60"),                       // 2 duplicate within the batch
                usage(source, "k1", subscriber, "60"),                       // 3 duplicate of the Kafka record
                usage(source, "b3", subscriber, "60").replace("\"S\"", "\"PARSEC\""), // 4 invalid unit
                "{\"usageType\": \"VOICE-" + id + "\"}",                      // 5 invalid: no usageDate
                usage(source, "b4", subscriber, "120")) + "]";               // 6 rated
        TestHttp.Response answer = staff().post(USAGE + "/batch", batch);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.json().path("results");
        List<String> outcomes = new ArrayList<>();
        results.forEach(result -> outcomes.add(result.path("outcome").asString()));
        assertThat(outcomes).containsExactly("RATED", "SUSPENDED", "DUPLICATE", "DUPLICATE", "INVALID", "INVALID",
                "RATED");
        assertThat(results.get(1).path("reason").asString()).isEqualTo("NO_PRODUCT_INSTANCE");
        assertThat(results.get(4).path("problem").path("field").asString()).isEqualTo("[4].usageCharacteristic.unit");
        assertThat(results.get(5).path("problem").path("field").asString()).isEqualTo("[5].usageDate");
        assertThat(results.get(5).path("problem").path("index").asInt()).isEqualTo(5);
        // an invalid record's usage id when it can be read
        assertThat(results.get(4).path("usageId").asString()).isEqualTo("b3");
        assertThat(results.get(5).has("usageId")).isFalse();
        assertThat(answer.json().path("rated").asInt()).isEqualTo(2);
        assertThat(answer.json().path("invalid").asInt()).isEqualTo(2);

        // Kafka's k1 + the 6 records of the batch whose source could be read: the unreadable one (4) in suspense as
        // INVALID; record 5, whose source cannot be read, under "unknown", as from Kafka
        assertThat(counters(source)).containsExactly(7L, 3L, 2L, 2L);
        assertThat(jdbc.sql("""
                        select detail from usage_suspense where source = 'unknown' and reason = 'INVALID'
                        and position(:sent in convert_from(payload, 'UTF8')) > 0""")
                .param("sent", "VOICE-" + id).query(String.class).list())
                .containsExactly("usageDate is required (ISO-8601 date-time with offset) (usageDate)");
        BigDecimal accumulated = jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single();
        assertThat(accumulated).isEqualByComparingTo("240");
        // the flat-priced accumulator's chain from the Kafka record through this batch: where it stood, in order
        List<String> chain = jdbc.sql("""
                        select usage_id || ' ' || accumulator_before::text || '->' || accumulator_after::text
                               || ' #' || arrival_order from usage_rated where source = :source order by seq""")
                .param("source", source).query(String.class).list();
        assertThat(chain).containsExactly("k1 0->60 #1", "b1 60->120 #2", "b4 120->240 #3");

        TestHttp.Response suspended = staff().get(results.get(1).path("href").asString());
        assertThat(suspended.json().path("status").asString()).isEqualTo("rejected");
        assertThat(suspended.json().path("suspenseReason").asString()).isEqualTo("NO_PRODUCT_INSTANCE");
    }

    @Test
    void usageDatedMoreThanADayAheadIsSuspendedAsInvalid() {
        String id = unique();
        String subscriber = "+49165" + id;
        String source = "rest-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toString();
        String nextYear = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).withNano(0).toString();

        TestHttp.Response soon = staff().post(USAGE, usage(source, "soon", subscriber, "60")
                .replaceFirst("\"usageDate\": \"[^\"]+\"", "\"usageDate\": \"" + later + "\""));
        assertThat(soon.json().path("status").asString()).as(soon.toString()).isEqualTo("rated");
        TestHttp.Response ahead = staff().post(USAGE, usage(source, "ahead", subscriber, "60")
                .replaceFirst("\"usageDate\": \"[^\"]+\"", "\"usageDate\": \"" + nextYear + "\""));
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(201);
        assertThat(ahead.json().path("status").asString()).isEqualTo("rejected");
        assertThat(ahead.json().path("suspenseReason").asString()).isEqualTo("INVALID");
        assertThat(staff().get("/api/rating/usage/" + source + "/ahead").json().path("suspense").get(0)
                .path("detail").asString()).contains("ahead of the rating service's clock");
    }

    @Test
    void aRecordMeasuringMoreThanOneRecordMayIsSuspendedAsInvalidBeforeAnythingMovesAndStaysSoOnRecycle() {
        String id = unique();
        String subscriber = "+49166" + id;
        String source = "rest-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        // the limit itself (7 days, accord.rating.ingest.max-record-duration) is rated
        TestHttp.Response week = staff().post(USAGE, usage(source, "week", subscriber, "604800"));
        assertThat(week.status()).as(week.toString()).isEqualTo(201);
        assertThat(week.json().path("status").asString()).isEqualTo("rated");
        // the reviewer's 31.7 million years: accepted into suspense, answered rejected with its reason
        TestHttp.Response eons = staff().post(USAGE, usage(source, "eons", subscriber, "999999999999999"));
        assertThat(eons.status()).as(eons.toString()).isEqualTo(201);
        assertThat(eons.json().path("status").asString()).isEqualTo("rejected");
        assertThat(eons.json().path("suspenseReason").asString()).isEqualTo("INVALID");
        assertThat(eons.json().path("suspenseDetail").asString()).as(eons.toString())
                .contains("quantity 999999999999999 S", "604800 s", "accord.rating.ingest.max-record-duration");
        assertThat(eons.json().path("ratedProductUsage")).isEmpty();

        TestHttp.Response batch = staff().post(USAGE + "/batch", "[" + usage(source, "b1", subscriber, "60") + ","
                + usage(source, "b2", subscriber, "604801") + "," + usage(source, "b3", subscriber, "60") + "]");
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode results = batch.json().path("results");
        assertThat(results.get(0).path("outcome").asString()).isEqualTo("RATED");
        assertThat(results.get(1).path("outcome").asString()).isEqualTo("SUSPENDED");
        assertThat(results.get(1).path("reason").asString()).isEqualTo("INVALID");
        assertThat(results.get(1).path("detail").asString()).contains("quantity 604801 S", "604800 s",
                "accord.rating.ingest.max-record-duration");
        assertThat(results.get(2).path("outcome").asString()).isEqualTo("RATED");

        // nothing of the refused records was rated or accumulated
        BigDecimal accumulated = jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single();
        assertThat(accumulated).isEqualByComparingTo("604920");
        assertThat(jdbc.sql("select usage_id from usage_rated where source = :source order by arrival_order")
                .param("source", source).query(String.class).list()).containsExactly("week", "b1", "b3");

        // a recycle rates them again under the limit in force: still beyond it, they stay suspended
        List<String> suspended = jdbc.sql("select suspense_id::text from usage_suspense where source = :source")
                .param("source", source).query(String.class).list();
        assertThat(suspended).hasSize(2);
        TestHttp.Response recycled = staff().post("/api/rating/suspense/recycle",
                "{\"ids\": [\"" + String.join("\", \"", suspended) + "\"]}");
        assertThat(recycled.status()).as(recycled.toString()).isEqualTo(200);
        assertThat(recycled.json().path("recycled").asInt()).isZero();
        JsonNode still = recycled.json().path("stillSuspended");
        assertThat(still).hasSize(2);
        still.forEach(record -> {
            assertThat(record.path("reason").asString()).isEqualTo("INVALID");
            assertThat(record.path("detail").asString()).contains("accord.rating.ingest.max-record-duration");
        });
    }

    @Test
    void recordsTheDatabaseRefusesAreSuspendedAsInvalidAndTheRestOfTheirBatchIsRated() {
        String id = unique();
        String subscriber = "+49164" + id;
        String source = "rest-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        // a value the database refuses although every check passed (a column's limit, say): simulated by a trigger
        TestInfrastructure.RefusedRows refusal = TestInfrastructure.refuseRows(UsageFileJobsTests.DATABASE,
                "usage_rated", "new.source = '%s' and new.usage_id like 'poison%%'".formatted(source), "22003");
        TestHttp.Response answer;
        TestHttp.Response single;
        try {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                records.add(usage(source, i == 2 || i == 6 ? "poison" + i : "r" + i, subscriber, "60"));
            }
            answer = staff().post(USAGE + "/batch", "[" + String.join(",", records) + "]");
            single = staff().post(USAGE, usage(source, "poison-single", subscriber, "60"));
        } finally {
            refusal.close();
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.json().path("results");
        List<String> outcomes = new ArrayList<>();
        results.forEach(result -> outcomes.add(result.path("outcome").asString()));
        assertThat(outcomes).containsExactly("RATED", "RATED", "SUSPENDED", "RATED", "RATED", "RATED", "SUSPENDED",
                "RATED", "RATED");
        assertThat(results.get(2).path("reason").asString()).isEqualTo("INVALID");
        // the kind of error only: its message names our tables and quotes the row (it is in the log)
        assertThat(results.get(6).path("detail").asString())
                .startsWith("the database refused the record (database error, SQL state 22003; details in the rating"
                        + " service's log")
                .doesNotContain("usage_rated", "refused by a test");
        assertThat(single.status()).as(single.toString()).isEqualTo(201);
        assertThat(single.json().path("status").asString()).isEqualTo("rejected");
        assertThat(single.json().path("suspenseReason").asString()).isEqualTo("INVALID");

        // nothing of the refused records moved an accumulator or a counter beyond their suspense
        assertThat(counters(source)).containsExactly(10L, 7L, 3L, 0L);
        assertThat(jdbc.sql("select arrival_order from usage_rated where source = :source order by seq")
                .param("source", source).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        // ops recycle them from their kept payloads: one still refused stays OPEN and the others are rated; once its
        // cause is fixed, it is rated too; each exactly once
        List<String> suspended = jdbc.sql("""
                        select suspense_id::text from usage_suspense where source = :source order by usage_id""")
                .param("source", source).query(String.class).list();   // poison-single, poison2, poison6
        assertThat(suspended).hasSize(3);
        String selection = "{\"ids\": [\"" + String.join("\", \"", suspended) + "\"]}";
        TestHttp.Response recycled;
        try (TestInfrastructure.RefusedRows stillRefused = TestInfrastructure.refuseRows(UsageFileJobsTests.DATABASE,
                "usage_rated", "new.source = '%s' and new.usage_id = 'poison6'".formatted(source), "22003")) {
            recycled = staff().post("/api/rating/suspense/recycle", selection);
        }
        assertThat(recycled.status()).as(recycled.toString()).isEqualTo(200);
        assertThat(recycled.json().path("recycled").asInt()).isEqualTo(2);
        JsonNode still = recycled.json().path("stillSuspended");
        assertThat(still).hasSize(1);
        assertThat(still.get(0).path("suspenseId").asString()).isEqualTo(suspended.get(2));
        assertThat(still.get(0).path("reason").asString()).isEqualTo("INVALID");
        assertThat(still.get(0).path("detail").asString()).startsWith("the database refused the record (database"
                + " error, SQL state 22003;");
        TestHttp.Response again = staff().post("/api/rating/suspense/recycle", selection);
        assertThat(again.json().path("recycled").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(again.json().path("notOpen")).hasSize(2);
        assertThat(jdbc.sql("select arrival_order from usage_rated where source = :source order by arrival_order")
                .param("source", source).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                10L);
        assertThat(jdbc.sql("select arrival_order from usage_rated where source = :source and usage_id = 'poison6'")
                .param("source", source).query(Long.class).single()).isEqualTo(10L);
        assertThat(counters(source)).containsExactly(10L, 10L, 0L, 0L);
    }

    @Test
    void aPartnerSubmitsOnlyAsItsOwnSourceAndSeesOnlyItsOwnUsage() {
        String id = unique();
        String subscriber = "+49163" + id;
        String partnerId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        TestHttp.Response own = partner(partnerId).post(USAGE, usage(null, "p1", subscriber, "60"));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().path("usageCharacteristic").toString()).contains(partnerId);
        TestHttp.Response foreign = partner(partnerId).post(USAGE, usage("mediation-eu", "p2", subscriber, "60"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("usageCharacteristic.source");

        assertThat(partner(other).get(own.header("Location")).status()).isEqualTo(404);
        assertThat(partner(partnerId).get(own.header("Location")).status()).isEqualTo(200);
        TestHttp.Response mine = partner(partnerId).get(USAGE + "?limit=5");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("X-Total-Count")).isEqualTo("1");
        assertThat(mine.json().get(0).path("id").asString()).isEqualTo(own.json().path("id").asString());
        assertThat(partner(other).get(USAGE).header("X-Total-Count")).isEqualTo("0");

        // its own submissions' fates, suspended ones included (their source is its partner id); not another's
        TestHttp.Response unknown = partner(partnerId).post(USAGE, usage(null, "p3", "+49163unknown" + id, "60"));
        assertThat(unknown.json().path("status").asString()).as(unknown.toString()).isEqualTo("rejected");
        JsonNode suspended = partner(partnerId).get("/api/rating/usage/fate?source=" + partnerId + "&usageId=p3")
                .json();
        assertThat(suspended.path("fate").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("suspense").get(0).path("reason").asString()).isEqualTo("NO_PRODUCT_INSTANCE");
        TestHttp.Response hidden = partner(other).get("/api/rating/usage/fate?source=" + partnerId + "&usageId=p3");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).contains("/tmf-api/usageManagement/v4/usage").doesNotContain("reconciliation");
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR)).post(USAGE,
                usage("x", "y", subscriber, "1")).status()).isEqualTo(403);

        // usage it reports of a product it co-created: it sees the charge of what it sent (TMF
        // taxExcludedRatingAmount, the fate's charge) and its own share, not the CSP's margin nor the other
        // participant's share; the other participant sees its own share only, neither the charge nor the customer
        // reference; staff see all of it
        String coCreated = "+49164" + id;
        UsageFixtures.sellThroughAgreement(partnerId, "30");
        UsageFixtures.sellThroughAgreement(other, "20");
        launchVoiceOffering("cc-" + id, null, "0.01");
        UsageFixtures.activateCoCreated("prod-cc-" + id, coCreated, "cc-" + id, List.of(
                new OfferingLaunched.Participant(partnerId, "30"), new OfferingLaunched.Participant(other, "20")));
        awaitRatable(model, coCreated);
        TestHttp.Response shared = partner(partnerId).post(USAGE, usage(null, "p4", coCreated, "60"));
        assertThat(shared.json().path("status").asString()).as(shared.toString()).isEqualTo("rated");
        assertThat(new BigDecimal(partner(partnerId).get(shared.header("Location")).json().path("ratedProductUsage")
                .get(0).path("taxExcludedRatingAmount").path("value").asString())).isEqualByComparingTo("0.60");
        assertThat(new BigDecimal(staff().get(shared.header("Location")).json().path("ratedProductUsage").get(0)
                .path("taxExcludedRatingAmount").path("value").asString())).isEqualByComparingTo("0.60");
        JsonNode submitter = partner(partnerId).get("/api/rating/usage/fate?source=" + partnerId + "&usageId=p4")
                .json().path("ratings").get(0);
        assertThat(submitter.has("margin")).as(submitter.toString()).isFalse();
        assertThat(new BigDecimal(submitter.path("charge").asString())).isEqualByComparingTo("0.60");
        assertThat(submitter.path("parties")).extracting(party -> party.path("partnerId").asString() + " "
                + party.path("amount").asString()).containsExactly(partnerId + " 0.180000");
        assertThat(submitter.path("customerReference").asString()).isEqualTo("customer-prod-cc-" + id);
        JsonNode participant = partner(other).get("/api/rating/usage/fate?source=" + partnerId + "&usageId=p4")
                .json().path("ratings").get(0);
        assertThat(participant.has("margin") || participant.has("charge")).as(participant.toString()).isFalse();
        assertThat(participant.path("parties")).extracting(party -> party.path("partnerId").asString() + " "
                + party.path("amount").asString()).containsExactly(other + " 0.120000");
        assertThat(participant.path("customerReference").isNull()).as(participant.toString()).isTrue();
        JsonNode whole = staff().get("/api/rating/usage/fate?source=" + partnerId + "&usageId=p4").json()
                .path("ratings").get(0);
        assertThat(whole.path("margin").asString()).isEqualTo("0.300000");
        assertThat(whole.path("parties")).hasSize(2);
    }

    /**
     * A partner's id is its source: staff submitting under it took the partner's usage ids (the partner's own record
     * was then a duplicate). Any source shaped as a partner id (a UUID, whatever its case) is refused for staff.
     */
    @Test
    void aPartnerReadsTheReconciliationOfItsOwnSourceOnlyWithoutTheSharedTopicsFigures() {
        String id = unique();
        String subscriber = "+49169" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);
        assertThat(mine.post(USAGE, usage(null, "r1", subscriber, "60")).status()).isEqualTo(201);
        assertThat(mine.post(USAGE, usage(null, "r1", subscriber, "60")).status()).isEqualTo(409);
        assertThat(mine.post(USAGE, usage(null, "r2", "+49169unknown" + id, "60")).status()).isEqualTo(201);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "/api/rating/reconciliation?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        for (String query : List.of(range + "&source=" + partnerId, range,
                range + "&source=" + partnerId.toUpperCase())) {
            TestHttp.Response answer = mine.get(query);
            assertThat(answer.status()).as(query + " " + answer).isEqualTo(200);
            long[] sums = new long[4];
            answer.json().path("days").forEach(day -> {
                assertThat(day.path("source").asString()).isEqualTo(partnerId);
                assertThat(day.path("balanced").asBoolean()).as(day.toString()).isTrue();
                sums[0] += day.path("received").asLong();
                sums[1] += day.path("rated").asLong();
                sums[2] += day.path("suspended").asLong();
                sums[3] += day.path("duplicates").asLong();
            });
            assertThat(sums).as(query + " " + answer.body()).containsExactly(3, 1, 1, 1);
            assertThat(answer.json().path("source").asString()).isEqualTo(partnerId);
            // the raw topic is every source's: what waits on it is not a partner's business
            JsonNode pending = answer.json().path("pending");
            assertThat(pending.path("total").isNull()).as(pending.toString()).isTrue();
            assertThat(pending.path("partitions")).isEmpty();
            assertThat(pending.path("unavailable").asString()).contains("staff only");
        }
        // another partner's source or a mediation source: not found, whether it exists or not
        String other = UUID.randomUUID().toString();
        assertThat(partner(other).get(range + "&source=" + partnerId).status()).isEqualTo(404);
        assertThat(mine.get(range + "&source=mediation-eu").status()).isEqualTo(404);
        assertThat(partner(other).get(range).json().path("days")).isEmpty();
        assertThat(mine.get("/api/rating/reconciliation?from=" + today + "&to=" + today.minusDays(1)).status())
                .isEqualTo(400);
        // staff unchanged: any source, the topic's figures
        JsonNode staffView = staff().get(range + "&source=" + partnerId).json();
        assertThat(staffView.path("days").valueStream().mapToLong(day -> day.path("received").asLong()).sum())
                .isEqualTo(3);
        assertThat(staffView.path("pending").path("partitions")).isNotEmpty();
    }

    @Test
    void theListTakesAUsageDateWindowAndUsageIdAndSubscriberFilters() {
        String id = unique();
        String subscriber = "+49170" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);
        JsonNode first = mine.post(USAGE, usage(null, "w1", subscriber, "60")).json();
        JsonNode second = mine.post(USAGE, usage(null, "w2", "+49170unknown" + id, "60")).json();
        java.time.Instant usedAt = OffsetDateTime.parse(first.path("usageDate").asString()).toInstant();
        LocalDate day = usedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        String days = "usageDate.gte=" + day.minusDays(1) + "&usageDate.lt=" + day.plusDays(2);

        assertThat(ids(mine, days)).containsExactlyInAnyOrder(id(first), id(second));
        assertThat(ids(mine, "usageDate.gte=" + usedAt + "&usageDate.lt=" + usedAt.plusMillis(1)))
                .contains(id(first));
        assertThat(ids(mine, "usageDate.gte=" + usedAt.plusSeconds(5) + "&usageDate.lt=" + usedAt.plus(
                java.time.Duration.ofDays(31)))).isEmpty();
        assertThat(ids(mine, "usageDate.gte=" + usedAt.minus(java.time.Duration.ofDays(31)) + "&usageDate.lt="
                + usedAt.minusSeconds(5))).isEmpty();
        // a usage id exactly, alternatives as in every list; a partner's own source is implied
        assertThat(ids(mine, "usageId=w1")).containsExactly(id(first));
        assertThat(ids(mine, "usageId=w1,w2")).containsExactlyInAnyOrder(id(first), id(second));
        assertThat(ids(mine, "usageId=w")).isEmpty();
        assertThat(ids(partner(UUID.randomUUID().toString()), "usageId=w1")).isEmpty();
        assertThat(ids(staff(), "usageId=w2&source=" + partnerId)).containsExactly(id(second));
        // a subscriber within a usage date window (or a usage date)
        assertThat(ids(mine, "subscriberId=" + subscriber.replace("+", "%2B") + "&" + days))
                .containsExactly(id(first));
        assertThat(ids(mine, "subscriberId=" + subscriber.replace("+", "%2B") + "&usageDate=" + day))
                .containsExactly(id(first));
        assertThat(ids(staff(), "subscriberId=%2B49170unknown" + id + "&" + days)).containsExactly(id(second));

        for (String[] refused : new String[][]{
                {"usageDate.gte=" + day, "usageDate.lt"}, {"usageDate.lt=" + day, "usageDate.gte"},
                {"usageDate.gte=" + day + "&usageDate.lt=" + day, "usageDate.lt"},
                {"usageDate.gte=" + day + "&usageDate.lt=" + day.plusDays(32), "usageDate.lt"},
                {"usageDate.gte=garbage&usageDate.lt=" + day, "usageDate.gte"},
                {"usageDate.gte=" + day + "&usageDate.gte=" + day + "&usageDate.lt=" + day.plusDays(1),
                        "usageDate.gte"},
                {"subscriberId=" + subscriber.replace("+", "%2B"), "subscriberId"}}) {
            TestHttp.Response answer = mine.get(USAGE + "?" + refused[0]);
            assertThat(answer.status()).as(refused[0] + " " + answer).isEqualTo(400);
            assertThat(answer.json().at("/violations/0/field").asString()).as(answer.body()).isEqualTo(refused[1]);
        }
        TestHttp.Response sourceless = staff().get(USAGE + "?usageId=w1");
        assertThat(sourceless.status()).isEqualTo(400);
        assertThat(sourceless.json().at("/violations/0/field").asString()).isEqualTo("usageId");
        assertThat(ids(mine, "usageDate.gte=" + day + "&usageDate.lt=" + day.plusDays(31))).contains(id(first));
    }

    @Test
    void staffNeverSubmitsUnderASourceShapedAsAPartnerId() {
        String id = unique();
        String partnerId = UUID.randomUUID().toString();
        for (String source : List.of(partnerId, partnerId.toUpperCase())) {
            TestHttp.Response single = staff().post(USAGE, usage(source, "taken-" + id, "+49168" + id, "60"));
            assertThat(single.status()).as(single.toString()).isEqualTo(400);
            assertThat(single.body()).contains("usageCharacteristic.source", "partner id");
        }
        TestHttp.Response batch = staff().post(USAGE + "/batch", "[" + usage(partnerId, "taken-" + id, "+49168" + id,
                "60") + "," + usage("mediation-" + id, "ok-" + id, "+49168" + id, "60") + "]");
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode results = batch.json().path("results");
        assertThat(results.get(0).path("outcome").asString()).isEqualTo("INVALID");
        assertThat(results.get(0).path("problem").path("field").asString()).isEqualTo("[0].usageCharacteristic.source");
        assertThat(results.get(1).path("outcome").asString()).isEqualTo("SUSPENDED");
        // nor is an unreadable record naming it counted under it (it is not staff's to report)
        TestHttp.Response unreadable = staff().post(USAGE, usage(partnerId, "bad-" + id, "+49168" + id, "\"ten\""));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(counters(partnerId)).containsExactly(0L, 0L, 0L, 0L);

        // the partner's own usage id is still its own
        TestHttp.Response own = partner(partnerId).post(USAGE, usage(null, "taken-" + id, "+49168" + id, "60"));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
    }

    @Test
    void aMemberOutsideTheTmfSchemaIsRefusedNamingItsPathAndABatchAnswersItsRecordInvalid() {
        String id = unique();
        String subscriber = "+49166" + id;
        String source = "rest-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        String typo = usage(source, "t1", subscriber, "60").replace("\"usageType\": \"VOICE\",",
                "\"usageType\": \"VOICE\", \"usageTyp\": \"VOICE\",");
        String value = usage(source, "t2", subscriber, "60").replace("\"value\": \"EU\"}",
                "\"value\": \"EU\", \"valu\": \"x\"}");
        String list = usage(source, "t3", subscriber, "60").replace("usageCharacteristic", "usageCharacteristc");

        TestHttp.Response single = staff().post(USAGE, typo);
        assertThat(single.status()).as(single.toString()).isEqualTo(400);
        assertThat(single.body()).contains("usageTyp", "is not a field of a TMF635 Usage");
        TestHttp.Response characteristic = staff().post(USAGE, value);
        assertThat(characteristic.status()).isEqualTo(400);
        assertThat(characteristic.body()).contains("usageCharacteristic[5].valu");
        TestHttp.Response misspeltList = staff().post(USAGE, list);
        assertThat(misspeltList.status()).isEqualTo(400);
        assertThat(misspeltList.body()).contains("usageCharacteristc").doesNotContain("is required");
        // counted in suspense as INVALID, as from Kafka: the first two under their source, the third (whose source
        // is in the misspelt list) under "unknown"
        assertThat(counters(source)).containsExactly(2L, 0L, 2L, 0L);

        // TMF's own members are taken: a TMF client's usage with its meta members is rated
        TestHttp.Response tmf = staff().post(USAGE, usage(source, "t4", subscriber, "60").replace("{\"usageDate\"",
                "{\"@type\": \"Usage\", \"@baseType\": \"Usage\", \"@schemaLocation\": \"https://x.example/u.json\","
                        + " \"relatedParty\": [{\"id\": \"p\", \"@referredType\": \"Organization\"}],"
                        + " \"usageSpecification\": {\"id\": \"spec\"}, \"usageDate\"")
                .replace("{\"name\": \"unit\", \"value\": \"S\"}",
                        "{\"name\": \"unit\", \"value\": \"S\", \"valueType\": \"string\", \"@type\": \"Characteristic\"}"));
        assertThat(tmf.status()).as(tmf.toString()).isEqualTo(201);
        assertThat(tmf.json().path("status").asString()).isEqualTo("rated");

        TestHttp.Response batch = staff().post(USAGE + "/batch", "[" + String.join(",",
                usage(source, "t5", subscriber, "60"), typo, value, list) + "]");
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode results = batch.json().path("results");
        assertThat(results.get(0).path("outcome").asString()).isEqualTo("RATED");
        assertThat(results.get(1).path("outcome").asString()).isEqualTo("INVALID");
        assertThat(results.get(1).path("problem").path("field").asString()).isEqualTo("[1].usageTyp");
        assertThat(results.get(1).path("usageId").asString()).isEqualTo("t1");
        assertThat(results.get(2).path("problem").path("field").asString())
                .isEqualTo("[2].usageCharacteristic[5].valu");
        assertThat(results.get(2).path("usageId").asString()).isEqualTo("t2");
        assertThat(results.get(3).path("problem").path("field").asString()).isEqualTo("[3].usageCharacteristc");
        assertThat(counters(source)).containsExactly(6L, 2L, 4L, 0L);
    }

    @Test
    void theListIsFilteredByItsAttributesWithPagingFieldsAndTenancy() {
        String id = unique();
        String subscriber = "+49167" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);
        JsonNode rated1 = mine.post(USAGE, usage(null, "f1", subscriber, "60")).json();
        JsonNode rated2 = mine.post(USAGE, usage(null, "f2", subscriber, "60")).json();
        JsonNode noProduct = mine.post(USAGE, usage(null, "f3", "+49167unknown" + id, "60")).json();
        JsonNode data = mine.post(USAGE, usage(null, "f4", subscriber, "60")
                .replace("\"usageType\": \"VOICE\"", "\"usageType\": \"DATA\"")).json();
        assertThat(List.of(rated1, rated2, noProduct, data).stream().map(u -> u.path("status").asString()))
                .as(data.toString()).containsExactly("rated", "rated", "rejected", "rejected");

        assertThat(ids(mine, "status=rejected")).containsExactlyInAnyOrder(id(noProduct), id(data));
        assertThat(ids(mine, "status=rated")).containsExactlyInAnyOrder(id(rated1), id(rated2));
        assertThat(ids(mine, "usageType=DATA")).containsExactly(id(data));
        assertThat(ids(mine, "usageType=VOICE&status=rejected")).containsExactly(id(noProduct));
        assertThat(ids(mine, "suspenseReason=NO_PRODUCT_INSTANCE")).containsExactly(id(noProduct));
        assertThat(ids(mine, "suspenseStatus=OPEN&usageType=VOICE")).containsExactly(id(noProduct));
        assertThat(ids(mine, "id=" + id(rated2) + "&id=" + id(data))).containsExactlyInAnyOrder(id(rated2), id(data));
        assertThat(ids(mine, "usageDate=" + java.net.URLEncoder.encode(rated1.path("usageDate").asString(),
                java.nio.charset.StandardCharsets.UTF_8))).contains(id(rated1));
        // usageDate is compared as an instant (the record was sent at +01:00), a date as its UTC day
        java.time.Instant usedAt = OffsetDateTime.parse(rated1.path("usageDate").asString()).toInstant();
        assertThat(ids(mine, "usageDate=" + usedAt)).contains(id(rated1));
        assertThat(ids(mine, "usageDate=" + java.net.URLEncoder.encode(usedAt.atOffset(ZoneOffset.ofHours(-5))
                .toString(), java.nio.charset.StandardCharsets.UTF_8))).contains(id(rated1));
        assertThat(ids(mine, "usageDate=" + usedAt.plusSeconds(1))).doesNotContain(id(rated1));
        java.time.LocalDate day = usedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(ids(mine, "usageDate=" + day)).contains(id(rated1));
        assertThat(ids(mine, "usageDate=" + day.plusDays(1) + "&usageDate=" + day.minusDays(1)))
                .doesNotContain(id(rated1));
        // and by source: a partner's is its partner id
        assertThat(ids(mine, "source=" + partnerId)).hasSize(4);
        assertThat(ids(mine, "source=mediation-eu")).isEmpty();
        // an attribute the database does not hold is compared on the answer
        assertThat(ids(mine, "submittedAt=" + rated1.path("submittedAt").asString())).containsExactly(id(rated1));

        TestHttp.Response page = mine.get(USAGE + "?status=rated&status=rejected&limit=3&offset=1"
                + "&fields=status,usageType");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("4");
        assertThat(page.json()).hasSize(3);
        List<String> names = new ArrayList<>();
        page.json().get(0).propertyNames().forEach(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "href", "@type", "status", "usageType");
        // fields= is checked against the Usage's attributes, on the list and on one usage alike
        TestHttp.Response unknown = mine.get(USAGE + "?fields=status,source");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().path("violations").get(0).path("field").asString()).isEqualTo("fields");
        assertThat(unknown.json().path("detail").asString()).contains("'source'").contains("usageCharacteristic");
        assertThat(mine.get(USAGE + "/" + id(rated1) + "?fields=bogus").status()).isEqualTo(400);
        assertThat(mine.get(USAGE + "/" + id(rated1) + "?fields=suspenseReason,submittedAt").status())
                .isEqualTo(200);

        // another partner's usage is not listed, whatever the filter
        assertThat(partner(UUID.randomUUID().toString()).get(USAGE + "?status=rated").header("X-Total-Count"))
                .isEqualTo("0");

        for (String[] refused : new String[][]{{"usageTyp=VOICE", "usageTyp"}, {"status=recycled", "rerated"},
                {"usageCharacteristic=x", "structured"}, {"id=nope", "UUID"}, {"sort=usageDate", "sort"},
                {"usageDate=garbage", "usageDate"}, {"usageDate=2026-13-01", "usageDate"}}) {
            TestHttp.Response answer = mine.get(USAGE + "?" + refused[0]);
            assertThat(answer.status()).as(refused[0]).isEqualTo(400);
            assertThat(answer.body()).as(refused[0]).contains(refused[1]);
        }
        assertThat(mine.get(USAGE + "?usageTyp=VOICE").body()).contains("status", "usageType", "usageDate");
    }

    @Test
    void listFiltersTakeTmf630AlternativesCommaSeparatedRepeatedAndEscaped() {
        String id = unique();
        String subscriber = "+49168" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);
        JsonNode voice = mine.post(USAGE, usage(null, "a1", subscriber, "60")).json();
        JsonNode roaming = mine.post(USAGE, usage(null, "a2", subscriber, "60")
                .replace("\"usageType\": \"VOICE\"", "\"usageType\": \"DATA, ROAMING\"")).json();
        JsonNode sms = mine.post(USAGE, usage(null, "a3", subscriber, "60")
                .replace("\"usageType\": \"VOICE\"", "\"usageType\": \"SMS\"")).json();
        assertThat(roaming.path("usageType").asString()).as(roaming.toString()).isEqualTo("DATA, ROAMING");

        // a comma separates alternatives, a repeated parameter adds more, both combine; \, is a comma in a value
        assertThat(ids(mine, "usageType=SMS,VOICE&usageType=DATA%5C,%20ROAMING"))
                .containsExactlyInAnyOrder(id(voice), id(roaming), id(sms));
        assertThat(ids(mine, "usageType=DATA%5C,%20ROAMING")).containsExactly(id(roaming));
        assertThat(ids(mine, "usageType=DATA,%20ROAMING")).as("unescaped, two alternatives").isEmpty();
        assertThat(ids(mine, "usageType=SMS&usageType=VOICE,DATA")).containsExactlyInAnyOrder(id(voice), id(sms));
        assertThat(ids(mine, "status=rated,rerated&status=rejected")).hasSize(3);
        assertThat(ids(mine, "id=" + id(voice) + "," + id(sms) + "&id=" + id(roaming))).hasSize(3);
        assertThat(ids(mine, "source=mediation-eu," + partnerId + "&source=other")).hasSize(3);
        assertThat(ids(mine, "status=")).as("a lone empty filter asks for none, as it always did").hasSize(3);
        for (String[] refused : new String[][]{{"status=rated&status=rejected,bogus", "status", "'bogus'"},
                {"id=" + id(voice) + "&id=" + id(sms) + ",nope", "id", "'nope'"},
                {"usageDate=2026-12-01&usageDate=2026-12-02,garbage", "usageDate", "garbage"}}) {
            TestHttp.Response answer = mine.get(USAGE + "?" + refused[0]);
            assertThat(answer.status()).as(refused[0]).isEqualTo(400);
            assertThat(answer.json().at("/violations/0/field").asString()).as(answer.body()).isEqualTo(refused[1]);
            assertThat(answer.body()).as(refused[0]).contains(refused[2]);
        }
        // read from the request, the database filters are still documented as lists
        JsonNode documented = TestHttp.localPort(port).get("/v3/api-docs").json()
                .at("/paths/~1tmf-api~1usageManagement~1v4~1usage/get/parameters");
        assertThat(documented.valueStream().filter(parameter -> parameter.at("/schema/type").asString()
                .equals("array")).map(parameter -> parameter.path("in").asString() + " " + parameter.path("name")
                .asString())).as(documented.toString()).containsExactlyInAnyOrder("query status", "query id",
                "query usageType", "query usageDate", "query source", "query usageId", "query subscriberId",
                "query suspenseReason", "query suspenseStatus");
    }

    private static String id(JsonNode usage) {
        return usage.path("id").asString();
    }

    private static List<String> ids(TestHttp caller, String query) {
        TestHttp.Response answer = caller.get(USAGE + "?" + query);
        assertThat(answer.status()).as(query + " " + answer).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(usage -> ids.add(usage.path("id").asString()));
        assertThat(answer.header("X-Total-Count")).as(query).isEqualTo(Integer.toString(ids.size()));
        return ids;
    }

    /**
     * What the API docs tell a client generated from them is what the input takes and answers: the documented
     * examples are taken as they are (each usage id made unique), a record holding every documented member is taken,
     * the members the parser knows are exactly the documented ones and the server's, and the answers (201, 409, a
     * batch's RATED, SUSPENDED, DUPLICATE and INVALID results) hold only documented members of documented types.
     */
    @Test
    void theDocumentedShapesAndExamplesAreWhatTheInputTakesAndAnswers() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();
        DocumentedShapes shapes = new DocumentedShapes(docs);
        JsonNode single = docs.at("/paths/~1tmf-api~1usageManagement~1v4~1usage/post");
        JsonNode batch = docs.at("/paths/~1tmf-api~1usageManagement~1v4~1usage~1batch/post");
        JsonNode createSchema = single.at("/requestBody/content/application~1json/schema");
        JsonNode example = withUniqueUsageId(single.at("/requestBody/content/application~1json/example"));
        assertThat(shapes.departures(example, createSchema)).isEmpty();

        TestHttp.Response created = staff().post(USAGE, example.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(shapes.departures(created.json(), single.at("/responses/201/content/application~1json/schema")))
                .isEmpty();
        TestHttp.Response again = staff().post(USAGE, example.toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(shapes.departures(again.json(),
                single.at("/responses/409/content/application~1problem+json/schema"))).isEmpty();

        JsonNode batchSchema = batch.at("/requestBody/content/application~1json/schema");
        ArrayNode records = JsonNodeFactory.instance.arrayNode();
        batch.at("/requestBody/content/application~1json/example")
                .forEach(item -> records.add(withUniqueUsageId(item)));
        assertThat(shapes.departures(records, batchSchema)).isEmpty();
        TestHttp.Response taken = staff().post(USAGE + "/batch", records.toString());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().path("invalid").asInt()).isZero();
        JsonNode batchAnswer = batch.at("/responses/200/content/application~1json/schema");
        assertThat(shapes.departures(taken.json(), batchAnswer)).isEmpty();
        // the same again (DUPLICATE), an unreadable record (INVALID) and a new one (SUSPENDED: nobody's subscriber)
        records.add(JsonNodeFactory.instance.objectNode().put("usageType", "VOICE"));
        records.add(withUniqueUsageId(records.get(0)));
        TestHttp.Response mixed = staff().post(USAGE + "/batch", records.toString());
        List<String> outcomes = new ArrayList<>();
        mixed.json().path("results").forEach(result -> outcomes.add(result.path("outcome").asString()));
        assertThat(outcomes).contains("DUPLICATE", "INVALID", "SUSPENDED");
        assertThat(shapes.departures(mixed.json(), batchAnswer)).isEmpty();

        // every documented member is taken (those the example leaves out hold a value of their type)
        JsonNode createResolved = shapes.resolve(createSchema);
        ObjectNode full = (ObjectNode) withUniqueUsageId(example);
        createResolved.path("properties").properties().forEach(member -> {
            if (!full.has(member.getKey())) {
                full.set(member.getKey(), shapes.sample(member.getValue()));
            }
        });
        JsonNode characteristic = shapes.resolve(createResolved.at("/properties/usageCharacteristic/items"));
        full.path("usageCharacteristic").forEach(item -> characteristic.path("properties").properties()
                .forEach(member -> {
                    if (!item.has(member.getKey())) {
                        ((ObjectNode) item).set(member.getKey(), shapes.sample(member.getValue()));
                    }
                }));
        TestHttp.Response everything = staff().post(USAGE, full.toString());
        assertThat(everything.status()).as(everything.toString()).isEqualTo(201);
        // and nothing else: the parser names the members it knows, the documented ones (and the server's own)
        ObjectNode typo = (ObjectNode) withUniqueUsageId(example);
        typo.put("usageTyp", "VOICE");
        assertThat(knownMembers(staff().post(USAGE, typo.toString()))).containsExactlyInAnyOrderElementsOf(
                union(names(createResolved.path("properties")), "id", "href", "status", "ratedProductUsage"));
        ObjectNode misspelt = (ObjectNode) withUniqueUsageId(example);
        ((ObjectNode) misspelt.path("usageCharacteristic").get(0)).put("valu", "x");
        assertThat(knownMembers(staff().post(USAGE, misspelt.toString())))
                .containsExactlyInAnyOrderElementsOf(names(characteristic.path("properties")));
    }

    /** The record with its usage id made unique (a documented example may have been sent before). */
    private static JsonNode withUniqueUsageId(JsonNode record) {
        JsonNode copy = record.deepCopy();
        copy.path("usageCharacteristic").forEach(characteristic -> {
            if ("usageId".equals(characteristic.path("name").asString())) {
                ((ObjectNode) characteristic).put("value",
                        characteristic.path("value").asString() + "-" + unique());
            }
        });
        return copy;
    }

    /** The members a 400 for an unknown one lists as known ("...; known fields: a, b"). */
    private static List<String> knownMembers(TestHttp.Response refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        String detail = refused.json().path("detail").asString();
        assertThat(detail).contains("known fields: ");
        return List.of(detail.substring(detail.indexOf("known fields: ") + "known fields: ".length()).split(", "));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(member -> names.add(member.getKey()));
        return names;
    }

    private static List<String> union(List<String> names, String... more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aBatchOfMoreThanTenThousandRecordsIsRefusedWhole() {
        String batch = "[" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]";
        TestHttp.Response answer = staff().post(USAGE + "/batch", batch);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("10000");
    }

    Long[] counters(String source) {
        return jdbc.sql("""
                        select coalesce(sum(received), 0), coalesce(sum(rated), 0), coalesce(sum(suspended), 0),
                               coalesce(sum(duplicates), 0) from usage_source_day where source = :source""")
                .param("source", source)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }
}
