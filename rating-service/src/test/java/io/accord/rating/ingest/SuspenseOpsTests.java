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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Suspense ops (package io.accord.rating.suspense): every reason surfaced, aggregated, written off once, audited. */
@AccordServiceTest
class SuspenseOpsTests {

    private final RatingModel model;
    private final JdbcClient jdbc;

    SuspenseOpsTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }
    @LocalServerPort
    int port;

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
    }

    static String usage(String source, String usageId, String subscriber, String usageType, OffsetDateTime time) {
        return """
                {"usageDate": "%s", "usageType": "%s", "usageCharacteristic": [
                   {"name": "usageId", "value": "%s"}, {"name": "source", "value": "%s"},
                   {"name": "subscriberId", "value": "%s"}, {"name": "quantity", "value": "60"},
                   {"name": "unit", "value": "S"}]}""".formatted(time, usageType, usageId, source, subscriber);
    }

    @Test
    void suspenseIsListedByReasonAggregatedAndWrittenOffExactlyOnce() {
        String id = unique();
        String subscriber = "+49171" + id;
        String source = "susp-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        String batch = "[" + String.join(",",
                usage(source, "np", "+0000" + id, "VOICE", now),                 // NO_PRODUCT_INSTANCE
                usage(source, "old", subscriber, "VOICE", now.minusDays(400)),   // TOO_OLD
                usage(source, "price", subscriber, "DATA", now),                 // NO_PRICE
                usage(source, "ok", subscriber, "VOICE", now)) + "]";
        JsonNode answer = staff().post("/tmf-api/usageManagement/v4/usage/batch", batch).json();
        assertThat(answer.path("suspended").asInt()).as(answer.toString()).isEqualTo(3);

        TestHttp.Response list = staff().get("/api/rating/suspense?source=" + source + "&status=OPEN");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isEqualTo("3");
        List<String> reasons = new ArrayList<>();
        list.json().forEach(item -> reasons.add(item.path("reason").asString()));
        assertThat(reasons).containsExactlyInAnyOrder("NO_PRODUCT_INSTANCE", "TOO_OLD", "NO_PRICE");

        JsonNode summary = staff().get("/api/rating/suspense/summary?source=" + source).json();
        assertThat(summary.path("total").asLong()).isEqualTo(3);
        assertThat(summary.path("bySource").get(0).path("key").asString()).isEqualTo(source);
        assertThat(summary.path("byAge").get(0).path("count").asLong()).isEqualTo(3); // all < 1h old
        assertThat(staff().get("/api/rating/suspense?reason=NOPE").status()).isEqualTo(400);

        String tooOld = null;
        for (JsonNode item : list.json()) {
            if (item.path("reason").asString().equals("TOO_OLD")) {
                tooOld = item.path("suspenseId").asString();
            }
        }
        String body = "{\"ids\": [\"" + tooOld + "\"], \"reason\": \"older than the contract allows\"}";
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR))
                .post("/api/rating/suspense/write-off", body).status()).isEqualTo(403);
        assertThat(staff().post("/api/rating/suspense/write-off", "{\"ids\": [\"" + tooOld + "\"], \"reason\": \" \"}")
                .status()).isEqualTo(400);
        JsonNode first = staff().post("/api/rating/suspense/write-off", body).json();
        assertThat(first.path("writtenOff").asInt()).isEqualTo(1);
        JsonNode second = staff().post("/api/rating/suspense/write-off", body).json();
        assertThat(second.path("writtenOff").asInt()).isZero();
        assertThat(second.path("notOpen").get(0).asString()).isEqualTo(tooOld);
        assertThat(counters(source)).containsExactly(4L, 1L, 2L, 1L);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'UsageSuspense'"
                + " and resource_id = :id and action = 'WRITE_OFF'").param("id", tooOld).query(Long.class).single())
                .isEqualTo(1);

        // a selection that names nothing: refused, not every OPEN record of every source (nor a null id)
        for (String nothing : List.of("{\"filter\": {}, \"reason\": \"x\"}", "{\"ids\": [null], \"reason\": \"x\"}")) {
            TestHttp.Response refused = staff().post("/api/rating/suspense/write-off", nothing);
            assertThat(refused.status()).as(nothing).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(staff().post("/api/rating/suspense/recycle", "{\"filter\": {\"reason\": \"\"}}").status())
                .isEqualTo(400);
        // a body that is JSON but no object: the answer says what is expected, not "missing or not valid JSON"
        for (String path : List.of("/api/rating/suspense/recycle", "/api/rating/suspense/write-off")) {
            for (String notAnObject : List.of("[]", "[\"" + tooOld + "\"]", "\"ids\"")) {
                TestHttp.Response refused = staff().post(path, notAnObject);
                assertThat(refused.status()).as(path + " " + notAnObject).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).as(path + " " + notAnObject).contains("JSON object", "ids", "filter")
                        .doesNotContain("missing");
            }
        }
        // other unreadable bodies are still answered as everywhere else
        assertThat(staff().post("/api/rating/suspense/recycle", "{\"ids\": [").body()).contains("not valid JSON");
        assertThat(counters(source)).containsExactly(4L, 1L, 2L, 1L);

        JsonNode byFilter = staff().post("/api/rating/suspense/write-off", "{\"filter\": {\"source\": \"" + source
                + "\", \"reason\": \"NO_PRICE\"}, \"reason\": \"data not sold\"}").json();
        assertThat(byFilter.path("writtenOff").asInt()).isEqualTo(1);
        assertThat(counters(source)).containsExactly(4L, 1L, 1L, 2L);
        assertThat(staff().get("/api/rating/suspense/summary?source=" + source).json().path("byReason").get(0)
                .path("key").asString()).isEqualTo("NO_PRODUCT_INSTANCE");
    }

    /**
     * Ops find the suspense of a subscriber (as the record named it) or of an offering: the one the record named, or
     * that of the product instance the engine picked (a NO_PRICE record names none), in the list, the aggregate and
     * a recycle's or write-off's filter.
     */
    @Test
    void suspenseIsFilteredBySubscriberAndOfferingInTheListTheAggregateAndSelections() {
        String id = unique();
        String subscriber = "+49173" + id;
        String stranger = "+0000" + id;
        String source = "filt-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        String named = usage(source, "named", stranger, "VOICE", now).replace("{\"name\": \"unit\"",
                "{\"name\": \"offeringId\", \"value\": \"off-named-" + id + "\"}, {\"name\": \"unit\"");
        String batch = "[" + String.join(",",
                named,                                                     // NO_PRODUCT_INSTANCE, names an offering
                usage(source, "plain", stranger, "VOICE", now),            // NO_PRODUCT_INSTANCE, names none
                usage(source, "price", subscriber, "DATA", now),           // NO_PRICE on off-<id>'s instance
                usage(source, "ok", subscriber, "VOICE", now)) + "]";
        JsonNode answer = staff().post("/tmf-api/usageManagement/v4/usage/batch", batch).json();
        assertThat(answer.path("suspended").asInt()).as(answer.toString()).isEqualTo(3);
        String encodedStranger = stranger.replace("+", "%2B");

        assertThat(usageIds("/api/rating/suspense?subscriber=" + encodedStranger)).containsExactly("named", "plain");
        assertThat(usageIds("/api/rating/suspense?subscriber=" + subscriber.replace("+", "%2B")))
                .containsExactly("price");
        assertThat(usageIds("/api/rating/suspense?offering=off-" + id)).containsExactly("price");
        assertThat(usageIds("/api/rating/suspense?offering=off-named-" + id + "&subscriber=" + encodedStranger))
                .containsExactly("named");
        assertThat(usageIds("/api/rating/suspense?offering=off-" + id + "&subscriber=" + encodedStranger)).isEmpty();
        JsonNode listed = staff().get("/api/rating/suspense?offering=off-" + id).json().get(0);
        assertThat(listed.path("offeringId").asString()).isEqualTo("off-" + id);
        assertThat(listed.path("subscriberId").asString()).isEqualTo(subscriber);
        JsonNode summary = staff().get("/api/rating/suspense/summary?subscriber=" + encodedStranger).json();
        assertThat(summary.path("total").asLong()).isEqualTo(2);
        assertThat(summary.path("byReason").get(0).path("key").asString()).isEqualTo("NO_PRODUCT_INSTANCE");
        assertThat(staff().get("/api/rating/suspense/summary?offering=off-" + id).json().path("total").asLong())
                .isEqualTo(1);

        // a value no record can have is a 400 naming the parameter, in the list, the aggregate and a selection
        String tooLong = "x".repeat(201);
        for (String refused : List.of("/api/rating/suspense?subscriber=" + tooLong,
                "/api/rating/suspense/summary?offering=" + tooLong)) {
            TestHttp.Response bad = staff().get(refused);
            assertThat(bad.status()).as(refused).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.body()).as(refused).contains(refused.contains("subscriber") ? "subscriber" : "offering");
        }
        TestHttp.Response badSelection = staff().post("/api/rating/suspense/recycle",
                "{\"filter\": {\"subscriber\": \"" + tooLong + "\"}}");
        assertThat(badSelection.status()).isEqualTo(400);
        assertThat(badSelection.body()).contains("subscriber");
        TestHttp.Response nul = staff().post("/api/rating/suspense/write-off",
                "{\"filter\": {\"offering\": \"a\\u0000b\"}, \"reason\": \"x\"}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.body()).contains("offering");

        // a selection by subscriber or offering alone names enough: a recycle of the stranger's records finds them
        // still without a product; a write-off by offering takes exactly the NO_PRICE record
        JsonNode recycled = staff().post("/api/rating/suspense/recycle",
                "{\"filter\": {\"subscriber\": \"" + stranger + "\"}}").json();
        assertThat(recycled.path("recycled").asInt()).as(recycled.toString()).isZero();
        assertThat(recycled.path("stillSuspended").size()).isEqualTo(2);
        JsonNode writtenOff = staff().post("/api/rating/suspense/write-off",
                "{\"filter\": {\"offering\": \"off-" + id + "\"}, \"reason\": \"data not sold\"}").json();
        assertThat(writtenOff.path("writtenOff").asInt()).as(writtenOff.toString()).isEqualTo(1);
        assertThat(usageIds("/api/rating/suspense?status=WRITTEN_OFF&source=" + source)).containsExactly("price");
        assertThat(usageIds("/api/rating/suspense?status=OPEN&source=" + source)).containsExactly("named", "plain");
        assertThat(counters(source)).containsExactly(4L, 1L, 2L, 1L);
    }

    private List<String> usageIds(String path) {
        TestHttp.Response list = staff().get(path);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(item -> ids.add(item.path("usageId").asString()));
        return ids.stream().sorted().toList();
    }

    @Test
    void aRecycledRecordIsRatedExactlyOnceAfterItsCauseWasFixed() {
        String id = unique();
        String subscriber = "+49172" + id;
        String source = "recy-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        String batch = "[" + String.join(",",
                usage(source, "late", subscriber, "VOICE", now),     // no product yet
                usage(source, "data", subscriber, "DATA", now)) + "]"; // never priced
        JsonNode answer = staff().post("/tmf-api/usageManagement/v4/usage/batch", batch).json();
        assertThat(answer.path("suspended").asInt()).as(answer.toString()).isEqualTo(2);
        List<String> ids = jdbc.sql("select suspense_id::text from usage_suspense where source = :source"
                + " order by usage_id desc").param("source", source).query(String.class).list(); // late, data

        activate("prod-" + id, subscriber, "off-" + id, null); // the cause fixed
        awaitRatable(model, subscriber);

        String body = "{\"ids\": [\"" + ids.get(0) + "\", \"" + ids.get(1) + "\"]}";
        TestHttp.Response first = staff().post("/api/rating/suspense/recycle", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("recycled").asInt()).isEqualTo(1);
        assertThat(first.json().path("stillSuspended").get(0).path("reason").asString()).isEqualTo("NO_PRICE");
        JsonNode second = staff().post("/api/rating/suspense/recycle", body).json();
        assertThat(second.path("recycled").asInt()).isZero();
        assertThat(second.path("notOpen").get(0).asString()).isEqualTo(ids.get(0));

        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source and usage_id = 'late'")
                .param("source", source).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from usage_suspense where suspense_id = cast(:id as uuid)")
                .param("id", ids.get(0)).query(String.class).single()).isEqualTo("RECYCLED");
        // received 2 = rated 1 + suspended 1: the count moved, nothing counted twice
        assertThat(counters(source)).containsExactly(2L, 1L, 1L, 0L);
        assertThat(staff().post("/tmf-api/usageManagement/v4/usage", usage(source, "late", subscriber, "VOICE", now))
                .status()).isEqualTo(409);
    }

    /**
     * A partner's own records (its partner id as source) written off or recycled by ops stay in the partner's audit
     * trail: each entry names the partner and the usage (source, usage id) it resolved.
     */
    @Test
    void writeOffsAndRecyclesOfAPartnersRecordsAreAuditedUnderThePartnerNamingTheUsage() {
        String id = unique();
        String subscriber = "+49174" + id;
        String partnerId = java.util.UUID.randomUUID().toString();
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("user-" + partnerId, partnerId, Roles.PARTNER_USER));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        for (String usageId : List.of("late", "gone")) { // no product yet: both suspended
            TestHttp.Response sent = partner.post("/tmf-api/usageManagement/v4/usage",
                    usage(partnerId, usageId, subscriber, "VOICE", now));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        }
        String late = suspenseId(partnerId, "late");
        String gone = suspenseId(partnerId, "gone");
        assertThat(staff().post("/api/rating/suspense/write-off", "{\"ids\": [\"" + gone
                + "\"], \"reason\": \"test call\"}").json().path("writtenOff").asInt()).isEqualTo(1);
        UsageFixtures.partnerProduct(id, partnerId, subscriber); // the cause fixed
        awaitRatable(model, subscriber);
        assertThat(staff().post("/api/rating/suspense/recycle", "{\"ids\": [\"" + late + "\"]}").json()
                .path("recycled").asInt()).isEqualTo(1);

        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("aud-1", Roles.AUDITOR))
                .get("/api/rating/audit?resourceType=UsageSuspense&partnerId=" + partnerId);
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        trail.json().forEach(entry -> entries.add(entry.path("action").asString() + " "
                + entry.path("resourceId").asString() + " " + entry.path("partnerId").asString() + " "
                + entry.path("after").path("source").asString() + "/" + entry.path("after").path("usageId").asString()));
        assertThat(entries).containsExactly("RECYCLE " + late + " " + partnerId + " " + partnerId + "/late",
                "WRITE_OFF " + gone + " " + partnerId + " " + partnerId + "/gone");
    }

    private String suspenseId(String source, String usageId) {
        return jdbc.sql("select suspense_id::text from usage_suspense where source = :source and usage_id = :usageId")
                .param("source", source).param("usageId", usageId).query(String.class).single();
    }

    /** received, rated, suspended, written off. */
    Long[] counters(String source) {
        return jdbc.sql("""
                        select coalesce(sum(received), 0), coalesce(sum(rated), 0), coalesce(sum(suspended), 0),
                               coalesce(sum(written_off), 0) from usage_source_day where source = :source""")
                .param("source", source)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }
}
