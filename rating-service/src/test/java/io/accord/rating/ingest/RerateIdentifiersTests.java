package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.accord.rating.ingest.RerateFixtures.activateWithIdentifiers;
import static io.accord.rating.ingest.RerateFixtures.changeVoicePrice;
import static io.accord.rating.ingest.RerateFixtures.launchVolumeOffering;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sellThroughAgreement;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Re-rating usage sent under any of a product's identifiers (docs/rating-rerating.md): the engine accumulates all of
 * an instance's usage under its canonical subscriber id, whichever identifier the sender used, and a re-rating
 * compares the record's accumulator with that one (V95), so a record sent under a licence key is corrected like one
 * sent under the canonical id; a product whose canonical id really changed is still reported ACCUMULATOR_CHANGED.
 */
@AccordServiceTest
class RerateIdentifiersTests {

    private static final String JOBS = "/api/rating/rerate-jobs";

    private final RatingModel model;
    private final JdbcClient jdbc;

    RerateIdentifiersTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    @LocalServerPort
    int port;

    private TestHttp as(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff(role + "-1", role));
    }

    /** A product of a SELL_THROUGH offering (0.01 EUR/s, 30 % to the partner) known by an account id and a licence key. */
    private record Product(String id, String account, String licence, String source, String offering,
                           String partnerId, OffsetDateTime hour) {
    }

    /** Rates 60 s under the account id ({@code by-account}) and 120 s under the licence key ({@code by-licence}). */
    private Product ratedUnderBothIdentifiers() {
        String id = unique();
        Product product = new Product(id, "ACC-" + id, "LIC-" + id, "ri-" + id, "off-" + id,
                UUID.randomUUID().toString(),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS));
        sellThroughAgreement(product.partnerId(), "30");
        launchVoiceOffering(product.offering(), product.partnerId(), "0.01", "STANDARD");
        // no MSISDN: the first identifier, the account id, is the one the accumulators are kept under
        activateWithIdentifiers("prod-" + id, product.offering(), product.partnerId(),
                "ACCOUNT_ID", product.account(), "LICENCE_KEY", product.licence());
        awaitRatable(model, product.account(), product.licence());
        JsonNode answer = as(Roles.OPS).post("/tmf-api/usageManagement/v4/usage/batch", "["
                + RerateFixtures.usage(product.source(), "by-account", product.account(), 60,
                product.hour().plusMinutes(1)) + ","
                + RerateFixtures.usage(product.source(), "by-licence", product.licence(), 120,
                product.hour().plusMinutes(2)) + "]").json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(2);
        return product;
    }

    @Test
    void aPriceCorrectionCorrectsUsageSentUnderEveryIdentifierOfTheProduct() throws IOException {
        Product product = ratedUnderBothIdentifiers();
        // one accumulator, the account id's: the licence key's record says so (V95), the account id's needs not
        assertThat(accumulatedUnder(product, "by-licence")).isEqualTo(product.account());
        assertThat(accumulatedUnder(product, "by-account")).isEmpty();
        assertThat(accumulator(product.account(), product.offering())).isEqualByComparingTo("180");

        // the records rated before V95 get it from the migration's backfill, derived from the read models
        jdbc.sql("update usage_rated set accumulator_subscriber_id = null where source = :source")
                .param("source", product.source()).update();
        jdbc.sql(migrationV95("update")).update();
        assertThat(accumulatedUnder(product, "by-licence")).isEqualTo(product.account());
        assertThat(accumulatedUnder(product, "by-account")).isEmpty();

        // the catalog corrects the price to 0.02 EUR/s, in force since two days ago: both records are re-rated
        changeVoicePrice(product.offering(), product.partnerId(), 2, "0.02",
                Instant.now().minus(Duration.ofDays(2)));
        JsonNode job = awaitJob(product.offering(), "COMPLETED");
        assertThat(job.path("cause").asString()).isEqualTo("PRICE_CORRECTION");
        assertThat(job.path("notRerated")).as(job.toString()).isEmpty();
        assertThat(job.path("progress").path("reversed").asLong()).as(job.toString()).isEqualTo(2);
        assertThat(job.path("progress").path("rerated").asLong()).isEqualTo(2);
        assertThat(current(product, "by-account").path("charge").asString()).isEqualTo("1.200000");
        JsonNode byLicence = current(product, "by-licence");
        assertThat(byLicence.path("charge").asString()).isEqualTo("2.400000");
        assertThat(byLicence.path("kind").asString()).isEqualTo("RERATED");
        assertThat(byLicence.path("subscriberId").asString()).isEqualTo(product.licence());
        // the rate only changed: the accumulator stays where it was, and the corrections stay in it
        assertThat(accumulator(product.account(), product.offering())).isEqualByComparingTo("180");
        assertThat(jdbc.sql("""
                        select count(*) from usage_rated where source = :source and usage_id = 'by-licence'
                          and accumulator_subscriber_id = :account""")
                .param("source", product.source()).param("account", product.account()).query(Long.class).single())
                .as("the original, its reversal and its replacement").isEqualTo(3);
    }

    @Test
    void aProductWhoseCanonicalSubscriberIdChangedIsStillReportedAndLeftAsItIs() {
        Product product = ratedUnderBothIdentifiers();
        // the product gets an MSISDN: from now on its usage is accumulated under it
        String msisdn = "+49178" + product.id();
        activateWithIdentifiers("prod-" + product.id(), product.offering(), product.partnerId(),
                "ACCOUNT_ID", product.account(), "LICENCE_KEY", product.licence(), "MSISDN", msisdn);
        awaitRatable(model, msisdn);

        TestHttp.Response accepted = as(Roles.FINANCE).post(JOBS, """
                {"requestId": "ri-%s", "partnerId": "%s", "offeringId": "%s", "from": "%s", "to": "%s"}"""
                .formatted(product.id(), product.partnerId(), product.offering(), product.hour().toInstant(),
                        product.hour().plusHours(1).toInstant()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode job = awaitJob(product.offering(), "COMPLETED");
        assertThat(job.path("progress").path("notRerated").asLong()).as(job.toString()).isEqualTo(2);
        assertThat(job.path("progress").path("reversed").asLong()).isZero();
        assertThat(job.path("notRerated")).hasSize(2).allSatisfy(sample -> {
            assertThat(sample.path("reason").asString()).isEqualTo("ACCUMULATOR_CHANGED");
            assertThat(sample.path("detail").asString()).contains(msisdn, product.account());
        });
        assertThat(current(product, "by-licence").path("kind").asString()).isEqualTo("RATED");
    }

    @Test
    void aVolumePeriodOfUsageSentUnderTwoIdentifiersIsMadeFinalOnceByItsTotal() {
        // up to 100 s a month at 0.02 EUR/s, all seconds at 0.01 EUR/s once a month passes 100 s
        String id = unique();
        String account = "ACC-" + id;
        String licence = "LIC-" + id;
        String source = "rv-" + id;
        String offering = "off-" + id;
        String partner = UUID.randomUUID().toString();
        sellThroughAgreement(partner, "30");
        launchVolumeOffering(offering, partner, "0.02", "0.01");
        activateWithIdentifiers("prod-" + id, offering, partner, "ACCOUNT_ID", account, "LICENCE_KEY", licence);
        awaitRatable(model, account, licence);
        // the last hours of last month, a period that has ended: 60 s under the licence key, then 60 s under the
        // account id (canonical); each alone stays in the first tier, their total of 120 s is in the second
        OffsetDateTime monthStart = OffsetDateTime.now(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        JsonNode answer = as(Roles.OPS).post("/tmf-api/usageManagement/v4/usage/batch", "["
                + RerateFixtures.usage(source, "by-licence", licence, 60, monthStart.minusHours(3)) + ","
                + RerateFixtures.usage(source, "by-account", account, 60, monthStart.minusHours(2)) + "]").json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(2);

        // provisionally 1.20 at the first tier and 0.60 at the second, reached with 120 s; made final, the period's
        // one total puts both at the second: the licence key's record is reversed and charged 0.60
        await().atMost(Duration.ofSeconds(60)).until(() -> ratings(source, "by-licence").size() == 3);
        JsonNode byLicence = ratings(source, "by-licence");
        assertThat(byLicence.get(0).path("charge").asString()).isEqualTo("1.200000");
        assertThat(byLicence.get(1).path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(byLicence.get(2).path("kind").asString()).isEqualTo("RERATED");
        assertThat(byLicence.get(2).path("charge").asString()).isEqualTo("0.600000");
        assertThat(byLicence.get(2).path("provisional").asBoolean()).isFalse();
        assertThat(byLicence.get(2).path("subscriberId").asString()).isEqualTo(licence);
        // made final once, under the account id; nothing left pending, nothing failing, under either identifier
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                ratings(source, "by-account").size() == 1 && ratings(source, "by-licence").size() == 3
                        && periods("volume_period_pending", offering, account, licence) == 0);
        assertThat(periods("volume_period_final", offering, account)).isEqualTo(1);
        assertThat(periods("volume_period_final", offering, licence)).isZero();
        assertThat(jdbc.sql("select count(*) from job_item_failure where job = 'rating-volume-finalisation'"
                        + " and (item_id like :account or item_id like :licence)")
                .param("account", account + "|%").param("licence", licence + "|%").query(Long.class).single())
                .isZero();
        BigDecimal charged = jdbc.sql("select sum(charge) from usage_rated where source = :source")
                .param("source", source).query(BigDecimal.class).single();
        assertThat(charged).isEqualByComparingTo("1.20"); // 120 s at 0.01: every unit at the final tier
        assertThat(accumulator(account, offering)).isEqualByComparingTo("120");
    }

    @Test
    void aVolumePeriodPendingUnderTheSendersIdentifierMovesToTheAccumulatorsInMigrationV95() throws IOException {
        String id = unique();
        String account = "ACC-" + id;
        String licence = "LIC-" + id;
        String offering = "off-" + id;
        String partner = UUID.randomUUID().toString();
        sellThroughAgreement(partner, "30");
        launchVolumeOffering(offering, partner, "0.02", "0.01");
        activateWithIdentifiers("prod-" + id, offering, partner, "ACCOUNT_ID", account, "LICENCE_KEY", licence);
        awaitRatable(model, account, licence);
        // usage of this month (a period not ended, which the finaliser leaves pending) under the licence key
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        JsonNode answer = as(Roles.OPS).post("/tmf-api/usageManagement/v4/usage/batch", "["
                + RerateFixtures.usage("rm-" + id, "by-licence", licence, 60, now) + "]").json();
        assertThat(answer.path("rated").asInt()).as(answer.toString()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> periods("volume_period_pending", offering, account) == 1);

        // as the finaliser before V95 left it: pending under the sender's identifier, which has no accumulator row
        jdbc.sql("update volume_period_pending set subscriber_id = :licence where subscriber_id = :account"
                        + " and offering_id = :offering")
                .param("licence", licence).param("account", account).param("offering", offering).update();
        jdbc.sql(migrationV95("insert into volume_period_pending")).update();
        jdbc.sql(migrationV95("delete from volume_period_pending")).update();

        assertThat(periods("volume_period_pending", offering, account)).isEqualTo(1);
        assertThat(periods("volume_period_pending", offering, licence)).isZero();
    }

    private JsonNode ratings(String source, String usageId) {
        return as(Roles.FINANCE).get("/api/rating/usage/" + source + "/" + usageId).json().path("ratings");
    }

    /** The volume periods of the offering in {@code table} keyed by any of the subscriber ids. */
    private long periods(String table, String offering, String... subscribers) {
        return jdbc.sql("select count(*) from " + table + " where subscriber_id in (:subscribers)"
                        + " and offering_id = :offering")
                .param("subscribers", Arrays.asList(subscribers)).param("offering", offering)
                .query(Long.class).single();
    }

    /** The subscriber id the record's first rating was accumulated under, when not its own (V95); else empty. */
    private String accumulatedUnder(Product product, String usageId) {
        return jdbc.sql("""
                        select coalesce(accumulator_subscriber_id, '') from usage_rated
                        where source = :source and usage_id = :usageId and kind = 'RATED'""")
                .param("source", product.source()).param("usageId", usageId).query(String.class).single();
    }

    private BigDecimal accumulator(String subscriber, String offering) {
        return jdbc.sql("select quantity from tier_accumulator where subscriber_id = :subscriber"
                        + " and offering_id = :offering")
                .param("subscriber", subscriber).param("offering", offering).query(BigDecimal.class).single();
    }

    /** The statement of migration V95 that begins with {@code start}, as Flyway ran it on the empty test database. */
    private static String migrationV95(String start) throws IOException {
        String migration = new ClassPathResource("db/migration/V95__rated_accumulator_subscriber.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String statements = Arrays.stream(migration.split("\n")).filter(line -> !line.startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(statements.split(";")).map(String::strip).filter(s -> s.startsWith(start))
                .findFirst().orElseThrow();
    }

    private JsonNode current(Product product, String usageId) {
        JsonNode fate = as(Roles.FINANCE).get("/api/rating/usage/" + product.source() + "/" + usageId).json();
        for (JsonNode rating : fate.path("ratings")) {
            if (rating.path("ratedId").asString().equals(fate.path("current").asString())) {
                return rating;
            }
        }
        throw new AssertionError("no current rating in " + fate);
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
}
