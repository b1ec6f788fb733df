package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import static io.accord.rating.ingest.RerateFixtures.changeVoicePrice;
import static io.accord.rating.ingest.RerateFixtures.launchVolumeOffering;
import static io.accord.rating.ingest.RerateFixtures.sellThroughAgreementVersion2;
import static io.accord.rating.ingest.UsageFixtures.JSON;
import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sellThroughAgreement;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Re-rating (package io.accord.rating.rerate; here to share the read-model fixtures): a price correction with a past
 * effective date, a re-rate requested by finance and resumed after failed batches, volume tiers made final at period
 * end. Real PostgreSQL and Kafka; the read models are fed by events.
 */
@AccordServiceTest
class RerateTests {

    private static final String JOBS = "/api/rating/rerate-jobs";
    /** The shared test context's database (AccordTestInitializer: test_ + the application name). */
    private static final String DATABASE = "test_rating";

    private final RatingModel model;
    private final JdbcClient jdbc;

    RerateTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    @LocalServerPort
    int port;

    private TestHttp as(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(role + "-1", role));
    }

    /** Rates the records over the REST batch input (as ops); all of them must be rated. */
    private void rate(String... usage) {
        JsonNode answer = as(Roles.OPS).post("/tmf-api/usageManagement/v4/usage/batch",
                "[" + String.join(",", usage) + "]").json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(usage.length);
    }

    private JsonNode fate(String source, String usageId) {
        return as(Roles.FINANCE).get("/api/rating/usage/" + source + "/" + usageId).json();
    }

    private JsonNode hourlyRollup(String offeringId, String partnerId, OffsetDateTime hour) {
        JsonNode rows = as(Roles.FINANCE).get("/api/rating/rollups?from=" + hour.toInstant() + "&to="
                + hour.plusHours(1).toInstant() + "&granularity=hour&groupBy=partner,offering").json().path("rows");
        for (JsonNode row : rows) {
            if (offeringId.equals(row.path("offeringId").asString())
                    && partnerId.equals(row.path("partnerId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no rollup row of " + offeringId + " in " + rows);
    }

    private JsonNode awaitJob(String offeringId, String state) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode jobs = as(Roles.OPS).get(JOBS + "?offeringId=" + offeringId).json();
            found[0] = jobs.isEmpty() ? null : jobs.get(0);
            return found[0] != null && state.equals(found[0].path("state").asString());
        });
        return found[0];
    }

    @Test
    void aPriceCorrectionWithAPastEffectiveDateReversesAndReratesWhatWasRatedWithExactDeltas() {
        Sold sold = sellThrough("+49171", "rr-", (offering, partner) ->
                launchVoiceOffering(offering, partner, "0.01", "STANDARD"));
        String subscriber = sold.subscriber();
        String source = sold.source();
        String offering = sold.offering();
        String partnerId = sold.partnerId();
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        // 60 s, 120 s and 30 s (billed 60: 60/1) at 0.01 EUR/s: 0.60 + 1.20 + 0.60, 30 % payable to the partner
        rate(RerateFixtures.usage(source, "a", subscriber, 60, hour.plusMinutes(1)),
                RerateFixtures.usage(source, "b", subscriber, 120, hour.plusMinutes(2)),
                RerateFixtures.usage(source, "c", subscriber, 30, hour.plusMinutes(3)));
        JsonNode before = hourlyRollup(offering, partnerId, hour);
        assertThat(new BigDecimal(before.path("charge").asString())).isEqualByComparingTo("2.40");

        // the catalog corrects the price to 0.02 EUR/s, in force since two days ago
        changeVoicePrice(offering, partnerId, 2, "0.02", Instant.now().minus(Duration.ofDays(2)), "REDUCED");

        JsonNode job = awaitJob(offering, "COMPLETED");
        assertThat(job.path("cause").asString()).isEqualTo("PRICE_CORRECTION");
        assertThat(job.path("usageType").asString()).isEqualTo("VOICE");
        assertThat(job.path("priceVersionId").asString()).isEqualTo(offering + "-voice-v2");
        assertThat(job.path("progress").path("reversed").asLong()).isEqualTo(3);
        assertThat(job.path("progress").path("rerated").asLong()).isEqualTo(3);
        // scheduled for every offering's partner alike, audited under each partner whose usage it re-rates
        JsonNode scheduled = as(Roles.AUDITOR).get("/api/rating/audit?resourceType=RerateJob&action=SCHEDULE&resourceId="
                + job.path("id").asString()).json();
        assertThat(scheduled).hasSize(1);
        assertThat(scheduled.get(0).path("partnerId").asString()).isEqualTo(partnerId);

        // the fate: the current rating is the replacement, the history keeps the original and its reversal
        JsonNode fate = fate(source, "b");
        JsonNode ratings = fate.path("ratings");
        assertThat(ratings).hasSize(3);
        JsonNode original = ratings.get(0);
        JsonNode reversal = ratings.get(1);
        JsonNode replacement = ratings.get(2);
        assertThat(original.path("kind").asString()).isEqualTo("RATED");
        assertThat(original.path("reversedBy").asString()).isEqualTo(reversal.path("ratedId").asString());
        assertThat(reversal.path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(reversal.path("reversalOf").asString()).isEqualTo(original.path("ratedId").asString());
        assertThat(reversal.path("charge").asString()).isEqualTo("-1.200000");
        assertThat(reversal.path("parties").get(0).path("amount").asString()).isEqualTo("-0.360000");
        assertThat(replacement.path("kind").asString()).isEqualTo("RERATED");
        assertThat(replacement.path("reversalOf").asString()).isEqualTo(original.path("ratedId").asString());
        assertThat(replacement.path("charge").asString()).isEqualTo("2.400000");
        assertThat(replacement.path("parties").get(0).path("amount").asString()).isEqualTo("0.720000");
        assertThat(replacement.path("priceVersionId").asString()).isEqualTo(offering + "-voice-v2");
        assertThat(replacement.path("reversedBy").isNull()).isTrue();
        assertThat(fate.path("current").asString()).isEqualTo(replacement.path("ratedId").asString());
        // each rating's tax category: the original's price, its reversal the original's, the replacement the new price's
        assertThat(List.of(original, reversal, replacement)).extracting(node -> node.path("taxCategory").asString())
                .containsExactly("STANDARD", "STANDARD", "REDUCED");
        // the export carries it too, as its last column, reversals included
        String[] exported = as(Roles.FINANCE).header("Accept", "text/csv").get("/api/rating/rated?partnerId="
                + partnerId + "&from=" + hour.toInstant() + "&to=" + hour.plusHours(1).toInstant()).body().split("\n");
        assertThat(exported[0]).contains(",measuredUnit,taxCategory,").endsWith(",sharePercent");
        List<String[]> rows = java.util.Arrays.stream(exported).skip(1).map(row -> row.split(",", -1)).toList();
        assertThat(rows).hasSize(9).allSatisfy(row -> {
            boolean rerated = !row[14].isEmpty() && !row[9].startsWith("-"); // reversalOf set, charge positive
            assertThat(row[17]).as(String.join(",", row)).isEqualTo(rerated ? "REDUCED" : "STANDARD");
            // what each figure was rated with: a reversal names its original's price version, a replacement the new
            assertThat(row[19]).isEqualTo(offering + (rerated ? "-voice-v2" : "-voice-v1"));
            assertThat(row[20]).isEqualTo(rerated ? "2" : "1");
            assertThat(List.of(row[21], row[22], row[23])).containsExactly("agr-" + partnerId, "1", "30");
        });
        assertThat(rows).extracting(row -> Long.parseLong(row[18])).isSorted().doesNotHaveDuplicates();

        // the rollups moved by the exact difference: charge doubled, still three records
        JsonNode after = hourlyRollup(offering, partnerId, hour);
        assertThat(new BigDecimal(after.path("charge").asString())).isEqualByComparingTo("4.80");
        assertThat(new BigDecimal(after.path("partnerShare").asString())).isEqualByComparingTo("1.44");
        assertThat(new BigDecimal(after.path("margin").asString())).isEqualByComparingTo("3.36");
        assertThat(new BigDecimal(after.path("quantity").asString())).isEqualByComparingTo("240");
        assertThat(after.path("records").asLong()).isEqualTo(3);

        // the count equation still holds: a re-rated record is still one rated record
        JsonNode day = as(Roles.FINANCE).get("/api/rating/reconciliation?from="
                + OffsetDateTime.now(ZoneOffset.UTC).toLocalDate() + "&source=" + source).json().path("days").get(0);
        assertThat(day.path("received").asLong()).isEqualTo(3);
        assertThat(day.path("rated").asLong()).isEqualTo(3);
        assertThat(day.path("balanced").asBoolean()).isTrue();

        // every reversal and replacement is published, reversal before its replacement, each linked to the original
        List<ConsumerRecord<String, byte[]>> events = TestKafka.awaitRecords(Topics.USAGE_RATED,
                record -> subscriber.equals(record.key()), 9, Duration.ofSeconds(30));
        Map<String, JsonNode> firstRatings = new HashMap<>();
        Map<String, List<JsonNode>> corrections = new HashMap<>();
        for (ConsumerRecord<String, byte[]> event : events) {
            JsonNode payload = JSON.readTree(TestKafka.value(event));
            if (payload.path("kind").asString().equals("RATED")) {
                firstRatings.put(payload.path("ratedId").asString(), payload);
            } else {
                corrections.computeIfAbsent(payload.path("reversalOf").asString(), k -> new ArrayList<>())
                        .add(payload);
            }
        }
        assertThat(firstRatings).hasSize(3);
        assertThat(corrections.keySet()).isEqualTo(firstRatings.keySet());
        BigDecimal net = BigDecimal.ZERO;
        assertThat(firstRatings.values()).extracting(node -> node.path("taxCategory").asString())
                .containsOnly("STANDARD");
        for (List<JsonNode> pair : corrections.values()) {
            assertThat(pair).extracting(node -> node.path("kind").asString()).containsExactly("REVERSAL", "RERATED");
            // the reversal cancels the original under the original's category, the replacement takes the new price's
            assertThat(pair).extracting(node -> node.path("taxCategory").asString())
                    .containsExactly("STANDARD", "REDUCED");
            assertThat(pair.get(0).path("sequence").asLong()).isLessThan(pair.get(1).path("sequence").asLong());
            net = net.add(new BigDecimal(pair.get(0).path("charge").asString()))
                    .add(new BigDecimal(pair.get(1).path("charge").asString()));
        }
        assertThat(net).isEqualByComparingTo("2.40");
    }

    /**
     * The reviewer's case: a partner bought its own offering for its own customer. It owes the whole charge and is
     * paid its share; re-rating reverses both, and the reversal's measured quantity is negated like its others.
     */
    @Test
    void aPartnerBuyingItsOwnOfferingOwesTheChargeAndItsReversalNegatesTheMeasuredQuantity() {
        String id = unique();
        String subscriber = "+49174" + id;
        String source = "pb-" + id;
        String offering = "off-" + id;
        String partnerId = UUID.randomUUID().toString();
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering(offering, partnerId, "0.01");
        activate("prod-" + id, subscriber, offering, partnerId, partnerId);
        awaitRatable(model, subscriber);
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        // 125 s billed 125 (60/1) at 0.01 EUR/s: 1.25, 30 % payable, all of it owed by the buyer
        rate(RerateFixtures.usage(source, "a", subscriber, 125, hour.plusMinutes(1)));

        JsonNode rated = fate(source, "a").path("ratings").get(0);
        assertThat(rated.path("allocation").asString()).isEqualTo("SELL_THROUGH");
        assertThat(rated.path("charge").asString()).isEqualTo("1.250000");
        assertThat(rated.path("margin").asString()).isEqualTo("0.875000");
        assertThat(rated.path("parties")).extracting(party -> party.path("partnerId").asString() + " "
                + party.path("direction").asString() + " " + party.path("amount").asString())
                .containsExactly(partnerId + " PAYABLE_TO_PARTNER 0.375000",
                        partnerId + " OWED_BY_PARTNER 1.250000");
        // the partner's rollup counts the record once, with its share and what it owes
        JsonNode rollup = hourlyRollup(offering, partnerId, hour);
        assertThat(rollup.path("charge").asString()).isEqualTo("1.250000");
        assertThat(rollup.path("partnerShare").asString()).isEqualTo("0.375000");
        assertThat(rollup.path("wholesale").asString()).isEqualTo("1.250000");
        assertThat(rollup.path("records").asLong()).isEqualTo(1);

        changeVoicePrice(offering, partnerId, 2, "0.02", Instant.now().minus(Duration.ofDays(2)));
        awaitJob(offering, "COMPLETED");

        JsonNode ratings = fate(source, "a").path("ratings");
        assertThat(ratings).hasSize(3);
        JsonNode reversal = ratings.get(1);
        assertThat(reversal.path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(new BigDecimal(reversal.path("quantity").asString())).isEqualByComparingTo("-125");
        assertThat(new BigDecimal(reversal.path("billedQuantity").asString())).isEqualByComparingTo("-125");
        assertThat(reversal.path("parties")).extracting(party -> party.path("direction").asString() + " "
                + party.path("amount").asString())
                .containsExactly("PAYABLE_TO_PARTNER -0.375000", "OWED_BY_PARTNER -1.250000");
        JsonNode replacement = ratings.get(2);
        assertThat(new BigDecimal(replacement.path("quantity").asString())).isEqualByComparingTo("125");
        assertThat(replacement.path("parties")).extracting(party -> party.path("direction").asString() + " "
                + party.path("amount").asString())
                .containsExactly("PAYABLE_TO_PARTNER 0.750000", "OWED_BY_PARTNER 2.500000");
        // the export nets the partner's two amounts of a record; a reversal's measured quantity is negative
        String[] exported = as(Roles.FINANCE).header("Accept", "text/csv").get("/api/rating/rated?partnerId="
                + partnerId + "&from=" + hour.toInstant() + "&to=" + hour.plusHours(1).toInstant()).body().split("\n");
        List<String[]> rows = java.util.Arrays.stream(exported).skip(1).map(row -> row.split(",", -1)).toList();
        assertThat(rows).extracting(row -> row[9] + " " + row[10] + " " + row[11] + " " + row[15])
                .containsExactly("1.250000 0.875000 OWED_BY_PARTNER 125.000000",
                        "-1.250000 -0.875000 OWED_BY_PARTNER -125.000000",
                        "2.500000 1.750000 OWED_BY_PARTNER 125.000000");
        JsonNode after = hourlyRollup(offering, partnerId, hour);
        assertThat(after.path("charge").asString()).isEqualTo("2.500000");
        assertThat(after.path("wholesale").asString()).isEqualTo("2.500000");
        assertThat(after.path("records").asLong()).isEqualTo(1);
    }

    @Test
    void aRequestedRerateReportsProgressAndResumesAfterFailedBatchesWithoutReversingTwice() {
        Sold sold = sellThrough("+49172", "rq-", (offering, partner) ->
                launchVoiceOffering(offering, partner, "0.01"));
        String id = sold.id();
        String subscriber = sold.subscriber();
        String source = sold.source();
        String offering = sold.offering();
        String partnerId = sold.partnerId();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.HOURS);
        String[] usage = new String[12];
        for (int i = 0; i < usage.length; i++) {
            usage[i] = RerateFixtures.usage(source, "u%02d".formatted(i + 1), subscriber, 60, start.plusMinutes(i));
        }
        rate(usage);
        // the partner's share is corrected from 30 % to 50 % retroactively: a new agreement version
        sellThroughAgreementVersion2(partnerId, "50");
        awaitShare(subscriber, "50");

        // a fault: the reversal of the 8th record fails (the second batch of five), until the fuse is removed
        asOwner("""
                create or replace function rerate_test_fuse() returns trigger language plpgsql as $$
                begin
                    if new.kind = 'REVERSAL' and new.usage_id = 'u08' and new.source like 'rq-%%'
                       and exists (select 1 from pg_tables where tablename = 'rerate_test_fuse_on') then
                        raise exception 'fuse: the reversal of u08 fails';
                    end if;
                    return new;
                end $$""".replace("%%", "%"));
        asOwner("create table if not exists rerate_test_fuse_on (id int)");
        asOwner("create trigger rerate_test_fuse before insert on usage_rated for each row"
                + " execute function rerate_test_fuse()");
        String jobId;
        try {
            String request = """
                    {"requestId": "rq-%s", "partnerId": "%s", "offeringId": "%s", "from": "%s", "to": "%s",
                     "reason": "share corrected to 50 %%"}""".formatted(id, partnerId, offering, start.toInstant(),
                    start.plusHours(1).toInstant());
            TestHttp.Response accepted = as(Roles.FINANCE).post(JOBS, request);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            jobId = accepted.json().path("id").asString();
            assertThat(accepted.header("Location")).isEqualTo(JOBS + "/" + jobId);
            // the same request id answers the same job; with other parameters it is a conflict
            assertThat(as(Roles.FINANCE).post(JOBS, request).json().path("id").asString()).isEqualTo(jobId);
            assertThat(as(Roles.FINANCE).post(JOBS, request.replace(start.plusHours(1).toInstant().toString(),
                    start.plusHours(2).toInstant().toString())).status()).isEqualTo(409);

            // after each failed batch the job waits, twice as long each time (1 s, then 2 s in the tests)
            UUID job = UUID.fromString(jobId);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> attempts(job) >= 1);
            assertThat(waitAfterFailure(job, 1)).isEqualTo(1_000);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> attempts(job) >= 2);
            assertThat(waitAfterFailure(job, 2)).isEqualTo(2_000);

            // three failed batches in a row (max-attempts in the tests) make the job FAILED where it stands
            await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(
                    as(Roles.AUDITOR).get(JOBS + "/" + jobId).json().path("state").asString()));
            JsonNode failing = as(Roles.AUDITOR).get(JOBS + "/" + jobId).json();
            assertThat(failing.path("lastError").asString()).contains("fuse");
            assertThat(failing.path("attempts").asInt()).isEqualTo(3);
            assertThat(failing.path("nextAttemptAt").isNull()).as("a FAILED job waits for ops, not for a time")
                    .isTrue();
            assertThat(failing.path("progress").path("toExamine").asLong()).isEqualTo(12);
            assertThat(failing.path("progress").path("reversed").asLong()).isEqualTo(5);
            // the failed batch rolled back whole: u06 and u07 were not reversed either
            assertThat(reversals(source, "u06")).isZero();
            assertThat(reversals(source, "u05")).isEqualTo(1);
        } finally {
            asOwner("drop trigger if exists rerate_test_fuse on usage_rated");
            asOwner("drop table if exists rerate_test_fuse_on");
            asOwner("drop function if exists rerate_test_fuse()");
        }
        // resumed by ops, it goes on from its last committed batch
        assertThat(as(Roles.AUDITOR).post(JOBS + "/" + jobId + "/resume", "").status()).isEqualTo(403);
        TestHttp.Response resumed = as(Roles.OPS).post(JOBS + "/" + jobId + "/resume", "");
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(as(Roles.OPS).post(JOBS + "/" + jobId + "/resume", "").status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                as(Roles.OPS).get(JOBS + "/" + jobId).json().path("state").asString()));
        JsonNode done = as(Roles.OPS).get(JOBS + "/" + jobId).json();
        assertThat(done.path("progress").path("examined").asLong()).isEqualTo(12);
        assertThat(done.path("progress").path("reversed").asLong()).isEqualTo(12);
        assertThat(done.path("progress").path("unchanged").asLong()).isZero();
        for (int i = 1; i <= 12; i++) {
            assertThat(reversals(source, "u%02d".formatted(i))).as("u%02d", i).isEqualTo(1);
        }
        JsonNode replacement = fate(source, "u08").path("ratings").get(2);
        assertThat(replacement.path("parties").get(0).path("amount").asString()).isEqualTo("0.300000");
        assertThat(replacement.path("parties").get(0).path("sharePercent").asString()).isEqualTo("50");

        // a crash that lost the job's progress: it starts over from the beginning and finds nothing to reverse again
        jdbc.sql("update rerate_job set state = 'RUNNING', cursor_seq = 0 where job_id = :id")
                .param("id", UUID.fromString(jobId)).update();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                as(Roles.OPS).get(JOBS + "/" + jobId).json().path("state").asString()));
        assertThat(as(Roles.OPS).get(JOBS + "/" + jobId).json().path("progress").path("reversed").asLong())
                .isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source and kind = 'REVERSAL'")
                .param("source", source).query(Long.class).single()).isEqualTo(12);
        // and the database itself refuses a second reversal of one record
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into usage_rated
                        select (select last_seq + 1000000 from usage_rated_sequence), gen_random_uuid(),
                               kind, reversal_of, source, usage_id, subscriber_id, usage_time, usage_offset_secs,
                               usage_type, quantity, unit, billed_quantity, billed_unit, currency, charge, margin,
                               payable_total, owed_total, allocation, parties, partner_ids, product_instance_id,
                               offering_id, offering_version, price_version_id, price_version, agreements,
                               customer_reference, tier_mode, tier_portions, provisional, tier_period, period_start,
                               accumulator_before, accumulator_after, arrival_order, characteristics, received_at,
                               rated_at, kafka_partition, kafka_offset
                        from usage_rated where source = :source and usage_id = 'u01' and kind = 'REVERSAL'""")
                .param("source", source).update()).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.sql("""
                        select count(*) from audit_event where resource_type = 'RerateJob' and resource_id = :id
                          and action in ('REQUEST', 'COMPLETE')""")
                .param("id", jobId).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rerateRequestsAreCheckedAndReservedForOpsAndFinance() {
        String partnerId = UUID.randomUUID().toString();
        String good = """
                {"requestId": "bad-%s", "partnerId": "%s", "offeringId": "off-x", "from": "2026-11-01T00:00:00Z",
                 "to": "2026-11-02T00:00:00Z"}""".formatted(unique(), partnerId);
        TestHttp.Response missing = as(Roles.OPS).post(JOBS, good.replace("\"partnerId\": \"" + partnerId + "\",", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("partnerId");
        TestHttp.Response badFrom = as(Roles.OPS).post(JOBS, good.replace("2026-11-01T00:00:00Z", "yesterday"));
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.body()).contains("from");
        TestHttp.Response tooLong = as(Roles.OPS).post(JOBS, good.replace("2026-11-02", "2028-11-02"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("to");
        assertThat(as(Roles.OPS).post(JOBS, good.replace("\"requestId\": \"bad-", "\"requestId\": \"b a d")).status())
                .isEqualTo(400);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("p", partnerId, Roles.PARTNER_ADMIN))
                .post(JOBS, good).status()).isEqualTo(403);
        assertThat(as(Roles.AUDITOR).post(JOBS, good).status()).isEqualTo(403);
        assertThat(as(Roles.OPS).get(JOBS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(as(Roles.OPS).get(JOBS + "?state=DONE").status()).isEqualTo(400);
    }

    /**
     * A scope the read models cannot match was accepted and came to nothing (COMPLETED, toExamine 0); a request id
     * posted again with another reason answered the first job, the new reason dropped.
     */
    @Test
    void aRequestMatchingNothingIsRefusedAndEveryParameterOfARequestIdCounts() {
        Sold sold = sellThrough("+49176", "rk-", (offering, partner) ->
                launchVoiceOffering(offering, partner, "0.01"));
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.HOURS);
        String request = """
                {"requestId": "rk-%s", "partnerId": "%s", "offeringId": "%s", "usageType": "VOICE", "from": "%s",
                 "to": "%s", "reason": "first"}""".formatted(sold.id(), sold.partnerId(), sold.offering(),
                hour.toInstant(), hour.plusHours(1).toInstant());

        String stranger = UUID.randomUUID().toString();
        for (String[] unknown : new String[][]{{sold.partnerId(), stranger, "partnerId"},
                {"\"offeringId\": \"" + sold.offering() + "\"", "\"offeringId\": \"off-nobody-" + sold.id() + "\"",
                        "offeringId"},
                {"\"usageType\": \"VOICE\"", "\"usageType\": \"DATA\"", "usageType"}}) {
            TestHttp.Response refused = as(Roles.FINANCE).post(JOBS, request.replace(unknown[0], unknown[1]));
            assertThat(refused.status()).as(unknown[2] + " " + refused).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("field").asString()).isEqualTo(unknown[2]);
        }
        assertThat(as(Roles.FINANCE).post(JOBS, request.replace(sold.offering() + "\", \"usageType\": \"VOICE\",",
                sold.offering() + "\", \"usageType\": \"DATA\",")).body()).contains("VOICE");
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        TestHttp.Response future = as(Roles.FINANCE).post(JOBS, request.replace(hour.toInstant().toString(),
                tomorrow.toInstant().toString()).replace(hour.plusHours(1).toInstant().toString(),
                tomorrow.plusHours(1).toInstant().toString()));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.body()).contains("from", "future");
        assertThat(jdbc.sql("select count(*) from rerate_job where offering_id = :offering")
                .param("offering", sold.offering()).query(Long.class).single()).isZero();

        TestHttp.Response accepted = as(Roles.FINANCE).post(JOBS, request);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().path("id").asString();
        assertThat(as(Roles.FINANCE).post(JOBS, request).json().path("id").asString()).isEqualTo(jobId);
        TestHttp.Response otherReason = as(Roles.FINANCE).post(JOBS, request.replace("first", "second"));
        assertThat(otherReason.status()).as(otherReason.toString()).isEqualTo(409);
        assertThat(otherReason.body()).contains("reason").contains(jobId);
        TestHttp.Response twoDiffer = as(Roles.FINANCE).post(JOBS, request.replace("first", "second")
                .replace("\"usageType\": \"VOICE\",", ""));
        assertThat(twoDiffer.status()).isEqualTo(409);
        assertThat(twoDiffer.body()).contains("usageType, reason");
        assertThat(as(Roles.OPS).get(JOBS + "/" + jobId).json().path("reason").asString()).isEqualTo("first");
    }

    @Test
    void aCancelledJobStopsAtABatchBoundaryKeepsWhatItCorrectedAndIsNeverRunAgain() {
        Sold sold = sellThrough("+49177", "rc-", (offering, partner) ->
                launchVoiceOffering(offering, partner, "0.01"));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.HOURS);
        String[] usage = new String[12];
        for (int i = 0; i < usage.length; i++) {
            usage[i] = RerateFixtures.usage(sold.source(), "u%02d".formatted(i + 1), sold.subscriber(), 60,
                    start.plusMinutes(i));
        }
        rate(usage);
        sellThroughAgreementVersion2(sold.partnerId(), "50");
        awaitShare(sold.subscriber(), "50");
        String request = """
                {"requestId": "rc-%s", "partnerId": "%s", "offeringId": "%s", "from": "%s", "to": "%s"}"""
                .formatted(sold.id(), sold.partnerId(), sold.offering(), start.toInstant(),
                        start.plusHours(1).toInstant());
        // the second batch (of five) fails until the fuse is removed: the job stands after its first batch
        asOwner("""
                create or replace function rerate_cancel_fuse() returns trigger language plpgsql as $$
                begin
                    if new.kind = 'REVERSAL' and new.usage_id = 'u08' and new.source like 'rc-%%' then
                        raise exception 'fuse: the reversal of u08 fails';
                    end if;
                    return new;
                end $$""".replace("%%", "%"));
        asOwner("create trigger rerate_cancel_fuse before insert on usage_rated for each row"
                + " execute function rerate_cancel_fuse()");
        String jobId;
        try {
            TestHttp.Response accepted = as(Roles.FINANCE).post(JOBS, request);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            jobId = accepted.json().path("id").asString();
            UUID job = UUID.fromString(jobId);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> attempts(job) >= 1);

            assertThat(as(Roles.AUDITOR).post(JOBS + "/" + jobId + "/cancel", "").status()).isEqualTo(403);
            TestHttp.Response cancelled = as(Roles.FINANCE).post(JOBS + "/" + jobId + "/cancel", "");
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");
            assertThat(cancelled.json().path("finishedAt").isNull()).isFalse();
            assertThat(cancelled.json().path("progress").path("reversed").asLong()).isEqualTo(5);
        } finally {
            asOwner("drop trigger if exists rerate_cancel_fuse on usage_rated");
            asOwner("drop function if exists rerate_cancel_fuse()");
        }
        // the fault is gone, but the job is not run again, nor resumed, nor cancelled twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode now = as(Roles.OPS).get(JOBS + "/" + jobId).json();
            return "CANCELLED".equals(now.path("state").asString())
                    && now.path("progress").path("reversed").asLong() == 5;
        });
        assertThat(as(Roles.OPS).post(JOBS + "/" + jobId + "/resume", "").status()).isEqualTo(409);
        TestHttp.Response again = as(Roles.OPS).post(JOBS + "/" + jobId + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("CANCELLED");
        // what its first batch corrected stays corrected; the rest is as it was rated
        for (int i = 1; i <= 12; i++) {
            assertThat(reversals(sold.source(), "u%02d".formatted(i))).as("u%02d", i).isEqualTo(i <= 5 ? 1 : 0);
        }
        assertThat(ids(as(Roles.AUDITOR).get(JOBS + "?state=CANCELLED&offeringId=" + sold.offering()).json()))
                .containsExactly(jobId);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where resource_type = 'RerateJob' and resource_id = :id
                          and action = 'CANCEL'""")
                .param("id", jobId).query(Long.class).single()).isEqualTo(1);

        // a job that completed is not cancelled; an unknown one is not found
        String done = """
                {"requestId": "rc-done-%s", "partnerId": "%s", "offeringId": "%s", "from": "%s", "to": "%s"}"""
                .formatted(sold.id(), sold.partnerId(), sold.offering(), start.plusHours(1).toInstant(),
                        start.plusHours(2).toInstant());
        String doneId = as(Roles.OPS).post(JOBS, done).json().path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                as(Roles.OPS).get(JOBS + "/" + doneId).json().path("state").asString()));
        assertThat(as(Roles.OPS).post(JOBS + "/" + doneId + "/cancel", "").status()).isEqualTo(409);
        assertThat(as(Roles.OPS).post(JOBS + "/" + UUID.randomUUID() + "/cancel", "").status()).isEqualTo(404);
    }

    private static List<String> ids(JsonNode jobs) {
        List<String> ids = new ArrayList<>();
        jobs.forEach(job -> ids.add(job.path("id").asString()));
        return ids;
    }

    @Test
    void volumeTiersAreMadeFinalWhenTheirPeriodHasEnded() {
        // up to 100 s a month at 0.02 EUR/s, all seconds at 0.01 EUR/s once a month passes 100 s
        Sold sold = sellThrough("+49173", "vt-", (offering, partner) ->
                launchVolumeOffering(offering, partner, "0.02", "0.01"));
        String subscriber = sold.subscriber();
        String source = sold.source();
        String offering = sold.offering();
        // the last hours of last month: a period that has ended
        OffsetDateTime monthStart = OffsetDateTime.now(ZoneOffset.UTC).withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS);
        rate(RerateFixtures.usage(source, "first", subscriber, 60, monthStart.minusHours(3)),
                RerateFixtures.usage(source, "second", subscriber, 60, monthStart.minusHours(2)));

        // provisionally: 60 s at the first tier (1.20), then 60 s at the second, reached with 120 s (0.60); at
        // period end the total of 120 s is in the second tier: the first record is reversed and charged 0.60
        await().atMost(Duration.ofSeconds(60)).until(() -> fate(source, "first").path("ratings").size() == 3);
        JsonNode first = fate(source, "first");
        JsonNode ratings = first.path("ratings");
        assertThat(ratings.get(0).path("charge").asString()).isEqualTo("1.200000");
        assertThat(ratings.get(0).path("provisional").asBoolean()).isTrue();
        assertThat(ratings.get(1).path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(ratings.get(1).path("charge").asString()).isEqualTo("-1.200000");
        assertThat(ratings.get(2).path("kind").asString()).isEqualTo("RERATED");
        assertThat(ratings.get(2).path("charge").asString()).isEqualTo("0.600000");
        assertThat(ratings.get(2).path("parties").get(0).path("amount").asString()).isEqualTo("0.180000");
        assertThat(ratings.get(2).path("provisional").asBoolean()).isFalse();
        assertThat(first.path("current").asString()).isEqualTo(ratings.get(2).path("ratedId").asString());
        // the second was charged at the final tier already: left as it is, and the period is not finalised twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                fate(source, "second").path("ratings").size() == 1
                        && fate(source, "first").path("ratings").size() == 3);
        BigDecimal charged = jdbc.sql("select sum(charge) from usage_rated where source = :source")
                .param("source", source).query(BigDecimal.class).single();
        assertThat(charged).isEqualByComparingTo("1.20"); // 120 s at 0.01: every unit at the final tier
        BigDecimal accumulated = jdbc.sql("select quantity from tier_accumulator where subscriber_id = :subscriber"
                        + " and offering_id = :offering").param("subscriber", subscriber).param("offering", offering)
                .query(BigDecimal.class).single();
        assertThat(accumulated).isEqualByComparingTo("120");
    }

    @Test
    void aJobStartsAtItsFirstRecordNotAtTheLedgersBeginning() {
        Sold sold = sellThrough("+49175", "rs-", (offering, partner) ->
                launchVoiceOffering(offering, partner, "0.01"));
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.HOURS);
        rate(RerateFixtures.usage(sold.source(), "before", sold.subscriber(), 60, hour.plusMinutes(1)));

        // a re-rate of the next hour, in which nothing of the offering was rated: the job starts where the ledger
        // stood, past the record before its range, and examines nothing (with records in scope it starts just before
        // the first of them: the jobs above find every one)
        String request = """
                {"requestId": "rs-%s", "partnerId": "%s", "offeringId": "%s", "from": "%s", "to": "%s"}"""
                .formatted(sold.id(), sold.partnerId(), sold.offering(), hour.plusHours(1).toInstant(),
                        hour.plusHours(2).toInstant());
        TestHttp.Response accepted = as(Roles.FINANCE).post(JOBS, request);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        UUID jobId = UUID.fromString(accepted.json().path("id").asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                as(Roles.OPS).get(JOBS + "/" + jobId).json().path("state").asString()));
        long before = jdbc.sql("select seq from usage_rated where source = :source").param("source", sold.source())
                .query(Long.class).single();
        Map<String, Object> job = jdbc.sql(
                        "select started_seq, cursor_seq, examined from rerate_job where job_id = :id")
                .param("id", jobId).query().singleRow();
        assertThat(((Number) job.get("cursor_seq")).longValue()).isGreaterThanOrEqualTo(before)
                .isEqualTo(((Number) job.get("started_seq")).longValue());
        assertThat(((Number) job.get("examined")).longValue()).isZero();
        assertThat(fate(sold.source(), "before").path("ratings").size()).isEqualTo(1);
    }

    @Test
    void lateUsageMakesAFinalisedPeriodFinalAgainEarlierFinalRatingsIncluded() {
        Sold sold = sellThrough("+49174", "vl-", (offering, partner) ->
                launchVolumeOffering(offering, partner, "0.02", "0.01"));
        OffsetDateTime monthStart = OffsetDateTime.now(ZoneOffset.UTC).withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS);
        rate(RerateFixtures.usage(sold.source(), "early", sold.subscriber(), 60, monthStart.minusHours(3)));
        // 60 s of last month stay in the first tier: made final as they are
        await().atMost(Duration.ofSeconds(60)).until(() -> finalisedUpTo(sold.subscriber()) > 0);
        assertThat(fate(sold.source(), "early").path("ratings").size()).isEqualTo(1);
        assertThat(pendingPeriods(sold.subscriber())).isZero();

        // late usage of that month takes its total to 120 s, the second tier: the period is made final again, and
        // the early record, final at the first tier until now, is reversed and charged at the second
        rate(RerateFixtures.usage(sold.source(), "late", sold.subscriber(), 60, monthStart.minusHours(2)));
        await().atMost(Duration.ofSeconds(60)).until(() -> fate(sold.source(), "early").path("ratings").size() == 3);
        JsonNode early = fate(sold.source(), "early").path("ratings");
        assertThat(early.get(0).path("charge").asString()).isEqualTo("1.200000");
        assertThat(early.get(1).path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(early.get(2).path("charge").asString()).isEqualTo("0.600000");
        assertThat(fate(sold.source(), "late").path("ratings").size()).isEqualTo(1);
        BigDecimal charged = jdbc.sql("select sum(charge) from usage_rated where source = :source")
                .param("source", sold.source()).query(BigDecimal.class).single();
        assertThat(charged).isEqualByComparingTo("1.20");
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingPeriods(sold.subscriber()) == 0);
    }

    private long finalisedUpTo(String subscriber) {
        return jdbc.sql("select coalesce(max(last_seq), 0) from volume_period_final where subscriber_id = :subscriber")
                .param("subscriber", subscriber).query(Long.class).single();
    }

    private long pendingPeriods(String subscriber) {
        return jdbc.sql("select count(*) from volume_period_pending where subscriber_id = :subscriber")
                .param("subscriber", subscriber).query(Long.class).single();
    }

    /** A partner's offering sold through with a 30 % share, launched by {@code launch}, and a subscriber of it. */
    private record Sold(String id, String subscriber, String source, String offering, String partnerId) {
    }

    /** Sets up a {@link Sold} whose subscriber rating can rate now; ids end in a fresh unique suffix. */
    private Sold sellThrough(String msisdnPrefix, String sourcePrefix, BiConsumer<String, String> launch) {
        String id = unique();
        Sold sold = new Sold(id, msisdnPrefix + id, sourcePrefix + id, "off-" + id, UUID.randomUUID().toString());
        sellThroughAgreement(sold.partnerId(), "30");
        launch.accept(sold.offering(), sold.partnerId());
        activate("prod-" + id, sold.subscriber(), sold.offering(), sold.partnerId());
        awaitRatable(model, sold.subscriber());
        return sold;
    }

    /** DDL as the database's owner (the service runs as a role without DDL rights, as in production). */
    private static void asOwner(String sql) {
        TestInfrastructure.executeAsOwner(DATABASE, sql);
    }

    private int attempts(UUID job) {
        return jdbc.sql("select attempts from rerate_job where job_id = :id").param("id", job).query(Integer.class)
                .single();
    }

    /**
     * The job's wait before its next attempt (ms) as recorded with its {@code attempts}-th failure, or -1 once the job
     * has moved past it.
     */
    private long waitAfterFailure(UUID job, int attempts) {
        return jdbc.sql("""
                        select coalesce((select cast(extract(epoch from next_attempt_at - updated_at) * 1000 as bigint)
                                         from rerate_job where job_id = :id and attempts = :attempts), -1)""")
                .param("id", job).param("attempts", attempts).query(Long.class).single();
    }

    private long reversals(String source, String usageId) {
        return jdbc.sql("select count(*) from usage_rated where source = :source and usage_id = :usageId"
                        + " and kind = 'REVERSAL'")
                .param("source", source).param("usageId", usageId).query(Long.class).single();
    }

    /** Waits until a record of the subscriber would be rated with the partner's share at {@code percent}. */
    private void awaitShare(String subscriber, String percent) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            model.awaitCurrent(Duration.ofSeconds(1));
            var engine = new io.accord.rating.engine.RatingEngine(model.snapshot(), java.time.Clock.systemUTC(),
                    Duration.ofDays(45));
            var probe = new io.accord.rating.engine.UsageRecord("probe", "probe", "VOICE", subscriber,
                    OffsetDateTime.now().minusHours(3), BigDecimal.ONE, io.accord.contracts.catalog.UnitOfMeasure.S,
                    null, null, Map.of());
            return engine.rate(probe, new io.accord.rating.engine.TierAccumulators())
                    instanceof io.accord.rating.engine.RatedUsage rated && !rated.parties().isEmpty()
                    && rated.parties().getFirst().sharePercent().compareTo(new BigDecimal(percent)) == 0;
        });
    }
}
