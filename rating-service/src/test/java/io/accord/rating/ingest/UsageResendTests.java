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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.partnerProduct;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage sent again over TMF635 (docs/rating-usage-api.md, "Sending a record again"): a corrected copy of a record held
 * in suspense replaces it, counted once; any other copy is a duplicate that says what became of the earlier one.
 */
@AccordServiceTest
class UsageResendTests {

    private static final String USAGE = "/tmf-api/usageManagement/v4/usage";

    private final RatingModel model;
    private final JdbcClient jdbc;

    @LocalServerPort
    int port;

    UsageResendTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
    }

    private TestHttp partner(String partnerId) {
        return TestHttp.localPort(port).as(TestJwt.partner("user-" + partnerId, partnerId, Roles.PARTNER_USER));
    }

    /** One usage time for all records of a test: a copy sent again is the same record. */
    private final String time = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString();

    private String usage(String source, String usageId, String usageType, String subscriber, String quantity,
                                String unit, String productId) {
        return """
                {"usageDate": "%s", "usageType": "%s", "usageCharacteristic": [
                   {"name": "usageId", "value": "%s"}, %s %s
                   {"name": "subscriberId", "value": "%s"},
                   {"name": "quantity", "value": "%s"}, {"name": "unit", "value": "%s"}]}""".formatted(time,
                usageType, usageId, source == null ? "" : "{\"name\": \"source\", \"value\": \"" + source + "\"},",
                productId == null ? "" : "{\"name\": \"productId\", \"value\": \"" + productId + "\"},", subscriber,
                quantity, unit);
    }

    @Test
    void aPartnersCorrectedCopyReplacesItsSuspendedRecordOnceAndARatedOneStaysADuplicate() {
        String id = unique();
        String subscriber = "+49171" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);

        TestHttp.Response first = mine.post(USAGE, usage(null, "c1", "FAX", subscriber, "60", "S", null));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("suspenseReason").asString()).isEqualTo("NO_PRICE");
        String submission = first.json().path("id").asString();
        assertThat(counters(partnerId)).containsExactly(1L, 0L, 1L, 0L, 0L, 0L);

        // the same record again: a duplicate that names the earlier copy, its fate, and what to do
        TestHttp.Response same = mine.post(USAGE, usage(null, "c1", "FAX", subscriber, "60", "S", null));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().path("id").asString()).isEqualTo(submission);
        assertThat(same.json().path("href").asString()).isEqualTo(USAGE + "/" + submission);
        assertThat(same.json().path("originalOutcome").asString()).isEqualTo("suspended");
        assertThat(same.json().path("detail").asString()).contains("is suspended (NO_PRICE", "corrected copy");
        assertThat(counters(partnerId)).containsExactly(2L, 0L, 1L, 1L, 0L, 0L);

        // corrected: it replaces the suspended record, under the same submission, rated once
        TestHttp.Response corrected = mine.post(USAGE, usage(null, "c1", "VOICE", subscriber, "60", "S", null));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.json().path("status").asString()).isEqualTo("rated");
        assertThat(corrected.json().path("id").asString()).isEqualTo(submission);
        assertThat(corrected.json().has("suspenseStatus")).isFalse();
        // the replaced copy counts as replaced on its day, not as written off (nothing was given up: it is rated
        // through its copy), the new one as received and rated: each once
        assertThat(counters(partnerId)).containsExactly(3L, 1L, 0L, 1L, 0L, 1L);
        assertThat(reconciled(partnerId)).isTrue();
        Map<String, Object> replaced = jdbc.sql("""
                        select suspense_id, status, resolution, resolved_by from usage_suspense
                        where source = :source and usage_id = 'c1'""")
                .param("source", partnerId).query().singleRow();
        assertThat(replaced.get("status")).isEqualTo("REPLACED");
        assertThat((String) replaced.get("resolution")).startsWith("replaced");
        assertThat(replaced.get("resolved_by")).isEqualTo("user-" + partnerId);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where resource_type = 'UsageSuspense'
                        and resource_id = :id and action = 'REPLACE'""")
                .param("id", replaced.get("suspense_id").toString()).query(Long.class).single()).isEqualTo(1L);
        // in the partner's own audit trail, naming the usage it replaced
        JsonNode replaceEntry = TestHttp.localPort(port).as(TestJwt.staff("aud-1", Roles.AUDITOR))
                .get("/api/rating/audit?action=REPLACE&partnerId=" + partnerId).json();
        assertThat(replaceEntry).hasSize(1);
        assertThat(replaceEntry.get(0).path("resourceId").asString()).isEqualTo(replaced.get("suspense_id").toString());
        assertThat(replaceEntry.get(0).path("after").path("source").asString()).isEqualTo(partnerId);
        assertThat(replaceEntry.get(0).path("after").path("usageId").asString()).isEqualTo("c1");
        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source and usage_id = 'c1'")
                .param("source", partnerId).query(Long.class).single()).isEqualTo(1L);
        JsonNode listed = mine.get(USAGE + "?status=rated").json();
        assertThat(listed).hasSize(1);
        assertThat(mine.get(USAGE + "?suspenseStatus=WRITTEN_OFF").json()).as("the replaced copy is no fate of it")
                .isEmpty();
        // staff: listed and summed as REPLACED, never among the written-off records
        JsonNode reconciliation = staff().get("/api/rating/reconciliation?from=" + LocalDate.now(ZoneOffset.UTC)
                + "&source=" + partnerId).json().path("days").get(0);
        assertThat(reconciliation.path("writtenOff").asLong()).isZero();
        assertThat(reconciliation.path("replaced").asLong()).isEqualTo(1L);
        assertThat(staff().get("/api/rating/suspense/summary?status=WRITTEN_OFF&source=" + partnerId).json()
                .path("total").asLong()).isZero();
        assertThat(staff().get("/api/rating/suspense/summary?status=REPLACED&source=" + partnerId).json()
                .path("total").asLong()).isEqualTo(1L);
        JsonNode listedReplaced = staff().get("/api/rating/suspense?status=REPLACED&source=" + partnerId).json();
        assertThat(listedReplaced).hasSize(1);
        assertThat(listedReplaced.get(0).path("resolvedBy").asString()).isEqualTo("user-" + partnerId);
        // its fate names the replaced copy with who replaced it, as the suspense list does
        JsonNode fate = staff().get("/api/rating/usage/" + partnerId + "/c1").json();
        assertThat(fate.path("fate").asString()).isEqualTo("RATED");
        assertThat(fate.path("suspense").get(0).path("status").asString()).isEqualTo("REPLACED");
        assertThat(fate.path("suspense").get(0).path("resolvedBy").asString()).isEqualTo("user-" + partnerId);
        assertThat(fate.path("suspense").get(0).path("resolution").asString()).startsWith("replaced");

        // a rated record is not replaced: sent again, corrected or not, a duplicate that says it was rated
        TestHttp.Response again = mine.post(USAGE, usage(null, "c1", "VOICE", subscriber, "120", "S", null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("originalOutcome").asString()).isEqualTo("rated");
        assertThat(again.json().path("detail").asString()).contains("rated", "re-rating");
        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source and usage_id = 'c1'")
                .param("source", partnerId).query(Long.class).single()).isEqualTo(1L);
        assertThat(counters(partnerId)).containsExactly(4L, 1L, 0L, 2L, 0L, 1L);
        assertThat(reconciled(partnerId)).isTrue();
    }

    @Test
    void aResentBatchAnswersEachDuplicateWithItsEarlierCopyAndReplacesWhatWasSuspended() {
        String id = unique();
        String subscriber = "+49172" + id;
        String source = "resend-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        String batch = "[" + usage(source, "a", "VOICE", subscriber, "60", "S", null) + ","
                + usage(source, "a", "VOICE", subscriber, "60", "S", null) + ","
                + usage(source, "b", "FAX", subscriber, "60", "S", null) + "]";
        JsonNode sent = staff().post(USAGE + "/batch", batch).json();
        assertThat(sent.path("rated").asInt()).as(sent.toString()).isEqualTo(1);
        JsonNode inBatch = sent.path("results").get(1);
        assertThat(inBatch.path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(inBatch.path("originalIndex").asInt()).isZero();
        assertThat(inBatch.path("detail").asString()).contains("sent twice in the same batch", "is record 0");
        String a = sent.path("results").get(0).path("id").asString();
        String b = sent.path("results").get(2).path("id").asString();

        String resent = "[" + usage(source, "a", "VOICE", subscriber, "60", "S", null) + ","
                + usage(source, "b", "VOICE", subscriber, "30", "S", null) + "]";
        JsonNode answer = staff().post(USAGE + "/batch", resent).json();
        JsonNode duplicate = answer.path("results").get(0);
        assertThat(duplicate.path("outcome").asString()).as(answer.toString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("id").asString()).isEqualTo(a);
        assertThat(duplicate.path("href").asString()).isEqualTo(USAGE + "/" + a);
        assertThat(duplicate.path("originalOutcome").asString()).isEqualTo("rated");
        JsonNode replacing = answer.path("results").get(1);
        assertThat(replacing.path("outcome").asString()).isEqualTo("RATED");
        assertThat(replacing.path("replaced").asBoolean()).isTrue();
        assertThat(replacing.path("id").asString()).isEqualTo(b);
        assertThat(counters(source)).containsExactly(5L, 2L, 0L, 2L, 0L, 1L);
        assertThat(reconciled(source)).isTrue();
        assertThat(jdbc.sql("select count(*) from usage_submission where source = :source")
                .param("source", source).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aRecordIsCheckedForWhatNoRatingCanUseAndASubscriberNotMatchingItsProductIsSaid() {
        String id = unique();
        String subscriber = "Cust-" + id;
        String source = "checks-" + id;
        String product = UUID.randomUUID().toString();
        launchVoiceOffering("off-" + id, null, "0.01");
        activate(product, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);

        String batch = "[" + usage(source, "v1", "voice", subscriber, "60", "s", product) + ","
                + usage(source, "v2", "VOICE", subscriber.toLowerCase(), "60", "S", product) + ","
                + usage(source, "v3", "VOICE", subscriber, "60", "S", "not-a-uuid") + ","
                + usage(source, "v4", "VOICE", subscriber, "1e3", "S", product) + ","
                + usage(source, "v5", "SMS", subscriber, "1.5", "MESSAGE", null) + "]";
        JsonNode results = staff().post(USAGE + "/batch", batch).json().path("results");
        assertThat(results.get(0).path("outcome").asString()).as(results.toString()).isEqualTo("RATED");
        assertThat(results.get(1).path("outcome").asString()).isEqualTo("SUSPENDED");
        assertThat(results.get(1).path("detail").asString()).contains("is in force", "subscriber "
                + subscriber.toLowerCase() + " is not one of its subscriber identifiers");
        assertThat(results.get(2).at("/problem/field").asString()).isEqualTo("[2].usageCharacteristic.productId");
        assertThat(results.get(3).at("/problem/field").asString()).isEqualTo("[3].usageCharacteristic.quantity");
        assertThat(results.get(3).at("/problem/detail").asString()).contains("exponent");
        assertThat(results.get(4).at("/problem/field").asString()).isEqualTo("[4].usageCharacteristic.quantity");
        assertThat(results.get(4).at("/problem/detail").asString()).contains("not a whole number");
    }

    @Test
    void anUnreadableRecordsFateIsFoundByTheUsageIdItNamed() {
        String id = unique();
        String subscriber = "+49173" + id;
        String partnerId = UUID.randomUUID().toString();
        partnerProduct(id, partnerId, subscriber);
        awaitRatable(model, subscriber);
        TestHttp mine = partner(partnerId);

        TestHttp.Response unreadable = mine.post(USAGE, usage(null, "q1", "VOICE", subscriber, "abc", "S", null));
        assertThat(unreadable.status()).as(unreadable.toString()).isBetween(400, 499);
        assertThat(counters(partnerId)).containsExactly(1L, 0L, 1L, 0L, 0L, 0L);

        // counted as suspended, so found: INVALID with the reason, for the partner and for staff
        for (TestHttp caller : new TestHttp[] {mine, staff()}) {
            TestHttp.Response fate = caller.get("/api/rating/usage/" + partnerId + "/q1");
            assertThat(fate.status()).as(fate.toString()).isEqualTo(200);
            assertThat(fate.json().path("fate").asString()).isEqualTo("SUSPENDED");
            JsonNode suspense = fate.json().path("suspense");
            assertThat(suspense).hasSize(1);
            assertThat(suspense.get(0).path("reason").asString()).isEqualTo("INVALID");
            assertThat(suspense.get(0).path("detail").asString()).contains("q1", "quantity");
        }

        // the corrected copy is rated (the unreadable one claimed no usage id) and the fate tells both
        TestHttp.Response corrected = mine.post(USAGE, usage(null, "q1", "VOICE", subscriber, "60", "S", null));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        JsonNode fate = mine.get("/api/rating/usage/" + partnerId + "/q1").json();
        assertThat(fate.path("fate").asString()).isEqualTo("RATED");
        assertThat(fate.path("ratings")).hasSize(1);
        assertThat(fate.path("suspense").get(0).path("reason").asString()).isEqualTo("INVALID");
    }

    /** received, rated, suspended, duplicates, written off, replaced of the source, all days. */
    private Long[] counters(String source) {
        return jdbc.sql("""
                        select coalesce(sum(received), 0), coalesce(sum(rated), 0), coalesce(sum(suspended), 0),
                               coalesce(sum(duplicates), 0), coalesce(sum(written_off), 0),
                               coalesce(sum(replaced), 0)
                        from usage_source_day where source = :source""")
                .param("source", source)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)}).single();
    }

    private boolean reconciled(String source) {
        TestHttp.Response answer = staff().get("/api/rating/reconciliation?from="
                + LocalDate.now(ZoneOffset.UTC) + "&source=" + source);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode day = answer.json().path("days").get(0);
        return day.path("balanced").asBoolean() && day.path("received").asLong() == day.path("rated").asLong()
                + day.path("suspended").asLong() + day.path("duplicates").asLong() + day.path("writtenOff").asLong()
                + day.path("replaced").asLong();
    }
}
