package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.PartnerEvents;
import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.OfferingRetired;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lifecycle through the API, and the events a consumer reads from the real topic. */
@AccordServiceTest
class OfferingLifecycleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    private static final String WAITS = "\"pendingChange\":\"NEW_PRICE_VERSION\"";

    private final CatalogApi api;
    private final Offerings offerings;
    private final JdbcClient jdbc;
    private final OfferingLaunchJob job;

    OfferingLifecycleTests(@LocalServerPort int port, PartnerView partners, Offerings offerings, JdbcClient jdbc,
                           OfferingLaunchJob job) {
        this.job = job;
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @Test
    void anApprovedOfferingLaunchesAndItsFullDefinitionIsOnTheTopic() {
        UUID owner = api.activePartner("Launch Media");
        UUID coCreator = api.activePartner("Co Creator Studio");
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.coCreated("launch", coCreator, "30"));
        api.acceptCoCreation(id, coCreator);

        api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);
        TestHttp.Response queue = api.manager.get("/api/catalog/review-queue?limit=500");
        assertThat(queue.body()).contains(id.toString());
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");

        assertThat(approved.json().get("lifecycleStatus").asString()).isEqualTo("Launched");
        assertThat(api.admin(owner).get("/api/catalog/sellable-offerings?limit=500").body()).contains(id.toString());
        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS + "/" + id).status()).isEqualTo(200);
        OfferingLaunched launched = JSON.readValue(event(id, "OfferingLaunched").value(), OfferingLaunched.class);
        assertThat(launched.partnerId()).isEqualTo(owner.toString());
        assertThat(launched.categoryCode()).isEqualTo("VIDEO");
        assertThat(launched.salesChannels()).containsExactly("ONLINE");
        assertThat(launched.participants()).containsExactly(
                new OfferingLaunched.Participant(coCreator.toString(), "30"));
        assertThat(launched.specification().resourceTypes()).containsExactly("LICENCE_KEY");
        assertThat(launched.specification().partnerActivation()).isTrue();
        assertThat(launched.specification().characteristics()).extracting(OfferingLaunched.Characteristic::name)
                .containsExactly("quality", "screens");
        OfferingPrice usage = launched.prices().stream().filter(p -> "usage".equals(p.priceId())).findFirst()
                .orElseThrow();
        assertThat(usage.tiers()).containsExactly(new OfferingPrice.Tier("0", "100", "0.05"),
                new OfferingPrice.Tier("100", null, "0.02"));
        assertThat(usage.roundingFirst()).isEqualTo(60);
        assertThat(usage.roundingNext()).isEqualTo(1);
        assertThat(usage.usageTypes()).containsExactly("STREAMING");
        assertThat(usage.accumulation()).isEqualTo("CALENDAR_MONTH");
        assertThat(launched.prices()).extracting(OfferingPrice::amount).contains("9.99");
        assertThat(auditActions(id)).contains("submitted", "approved", "launched");
    }

    @Test
    void aPriceChangeIsANewVersionInForceFromItsStartAndTheOldVersionStaysAsItWas() {
        UUID owner = api.activePartner("Price Change Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("priced"));
        String oldVersion = inForce(id, Instant.now()).get(0);
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        OfferingDraft changed = withMonthly(OfferingDrafts.single("priced"), "14.99", start);

        ImportOutcome outcome = offerings.upsertAll(Owner.partner(owner), List.of(changed), false).getFirst();
        assertThat(outcome.result()).isEqualTo(ImportOutcome.Result.NEW_PRICE_VERSION);
        assertThat(api.manager.get("/api/catalog/review-queue?limit=500").body()).contains(id.toString());
        api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision", "{\"decision\":\"APPROVE\"}");

        assertThat(inForce(id, Instant.now())).containsExactly(oldVersion, inForce(id, Instant.now()).get(1));
        String newVersion = inForce(id, start.plusSeconds(1)).get(0);
        assertThat(newVersion).isNotEqualTo(oldVersion);
        assertThat(jdbc.sql("select amount from product_offering_price where id = cast(:id as uuid)")
                .param("id", oldVersion).query(String.class).single()).isEqualTo("9.990000");
        OfferingPriceChanged event = JSON.readValue(event(id, "OfferingPriceChanged").value(),
                OfferingPriceChanged.class);
        assertThat(event.price().priceVersionId()).isEqualTo(newVersion);
        assertThat(event.price().amount()).isEqualTo("14.99");
        assertThat(event.price().validFrom()).isEqualTo(start);
        assertThat(event.replacedPriceVersionId()).isEqualTo(oldVersion);
        assertThat(offerings.upsertAll(Owner.partner(owner), List.of(changed), false).getFirst().result())
                .isEqualTo(ImportOutcome.Result.UNCHANGED);
    }

    @Test
    void aBackdatedCorrectionNamesTheVersionInForceAtItsStartAsReplacedNotTheAnnouncedOne() {
        UUID owner = api.activePartner("Correction Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("corrected"));
        String current = inForce(id, Instant.now()).get(0);
        Instant announcedStart = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant correctionStart = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        approvedPriceChange(owner, id, withMonthly(OfferingDrafts.single("corrected"), "14.99", announcedStart));
        String announced = inForce(id, announcedStart).get(0);

        approvedPriceChange(owner, id, withMonthly(OfferingDrafts.single("corrected"), "12.49", correctionStart));

        String correction = inForce(id, Instant.now()).get(0);
        assertThat(correction).isNotIn(current, announced);
        assertThat(inForce(id, announcedStart).get(0)).isEqualTo(correction);
        OfferingPriceChanged event = JSON.readValue(TestKafka.awaitRecords(Topics.CATALOG_EVENTS,
                record -> id.toString().equals(record.key())
                        && "OfferingPriceChanged".equals(TestKafka.header(record, CloudEventHeaders.TYPE))
                        && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(correction),
                1, Duration.ofSeconds(30)).getFirst().value(), OfferingPriceChanged.class);
        assertThat(event.price().priceVersionId()).isEqualTo(correction);
        assertThat(event.price().validFrom()).isEqualTo(correctionStart);
        assertThat(event.replacedPriceVersionId()).as("v1 was in force at the correction's start, v2 never was")
                .isEqualTo(current);
    }

    /** Proposes the changed prices and approves them as a partner manager (too large for the policy). */
    private void approvedPriceChange(UUID owner, UUID id, OfferingDraft changed) {
        assertThat(offerings.upsertAll(Owner.partner(owner), List.of(changed), false).getFirst().result())
                .isEqualTo(ImportOutcome.Result.NEW_PRICE_VERSION);
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void aSmallPriceChangeIsApprovedByThePolicyWithoutAPartnerManager() {
        UUID owner = api.activePartner("Small Change Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("small"));
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        offerings.upsertAll(Owner.partner(owner), List.of(withMonthly(OfferingDrafts.single("small"), "10.49", start)),
                false);

        assertThat(api.manager.get("/api/catalog/review-queue?limit=500").body()).doesNotContain(id.toString());
        assertThat(inForce(id, start)).hasSize(2);
        assertThat(auditActions(id)).contains("change approved (NEW_PRICE_VERSION)");
    }

    @Test
    void chainedSmallPriceAnnouncementsGoToAPartnerManagerOnceTheyLeaveTheReviewedPriceBehind() {
        UUID owner = api.activePartner("Chained Price Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("chained"));
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        // 9.99 was reviewed at launch: +9.9%, then +9.9% on that (+20.8% on 9.99)
        TestHttp.Response first = api.admin(owner).post(PRICES, monthlyPrice(id, "10.98", tomorrow));
        TestHttp.Response second = api.admin(owner).post(PRICES, monthlyPrice(id, "12.07", tomorrow));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("pendingChange")).as("a single small change needs no one").isNull();
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(second.body()).as("+20.8% on what a partner manager saw").contains(WAITS);
        assertThat(monthlyInForce(id, tomorrow)).isEqualTo("10.98");
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // what a partner manager approved is the baseline now: a small step from it needs no one again
        TestHttp.Response third = api.admin(owner).post(PRICES, monthlyPrice(id, "12.50", tomorrow));
        assertThat(third.json().get("pendingChange")).as(third.body()).isNull();
        assertThat(monthlyInForce(id, tomorrow)).isEqualTo("12.5");
        assertThat(api.admin(owner).post(PRICES, monthlyPrice(id, "13.50", tomorrow)).body())
                .as("+8% on 12.50, +11.8% on the reviewed 12.07").contains(WAITS);
    }

    private String monthlyInForce(UUID id, Instant at) {
        var body = api.manager.get(CatalogApi.PLAIN + "/" + id + "/prices-in-force?at=" + at).json();
        List<String> amounts = new java.util.ArrayList<>();
        body.forEach(price -> {
            if ("monthly".equals(price.get("externalId").asString())) {
                amounts.add(price.get("price").get("value").asString());
            }
        });
        return amounts.getFirst();
    }

    /** The monthly fee of {@link OfferingDrafts#single} at another amount, through the TMF API. */
    private static String monthlyPrice(UUID offering, String amount, Instant from) {
        return """
                {"name":"Monthly fee","priceType":"recurring","externalId":"monthly","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"%s"},"recurringChargePeriodType":"month","proration":"DAILY",
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"%s"}}""".formatted(offering, amount,
                from);
    }

    @Test
    void theDatabaseRefusesTwoVersionsOfAPriceInForceAtOnce() {
        UUID owner = api.activePartner("Overlap Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("overlap"));

        var attempt = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("""
                insert into product_offering_price (id, offering_id, price_key, version_number, name, price_type,
                    status, amount, currency, tax_category, valid_from, created_at)
                values (gen_random_uuid(), :id, 'monthly', 9, 'x', 'RECURRING', 'LAUNCHED', 1, 'EUR', 'STANDARD',
                    now() + interval '1 day', now())""").param("id", id).update());

        assertThat(attempt).hasMessageContaining("product_offering_price_no_overlap");
    }

    @Test
    void aRejectionCarriesItsReasonAndTheOwnerResubmits() {
        UUID owner = api.activePartner("Rejected Media");
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.single("rejected"));
        api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);

        TestHttp.Response noReason = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"REJECT\"}");
        TestHttp.Response rejected = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"REJECT\",\"reason\":\"describe the content rating\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(rejected.json().get("lifecycleStatus").asString()).isEqualTo("Rejected");
        assertThat(rejected.json().get("statusReason").asString()).isEqualTo("describe the content rating");
        assertThat(api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null).json()
                .get("lifecycleStatus").asString()).isEqualTo("In test");
        assertThat(api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}").status()).isEqualTo(403);
    }

    @Test
    void anApprovalWithALaunchDateLaunchesWhenTheJobRunsAtThatDate() {
        UUID owner = api.activePartner("Later Media");
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.single("later"));
        api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);
        Instant launchAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\",\"launchAt\":\"" + launchAt + "\"}");
        assertThat(approved.json().get("lifecycleStatus").asString()).isEqualTo("Active");
        job.runOnce(launchAt.minusSeconds(1));
        assertThat(status(owner, id)).isEqualTo("Active");
        job.runOnce(launchAt);

        assertThat(status(owner, id)).isEqualTo("Launched");
    }

    @Test
    void anOfferingWhoseLaunchKeepsFailingRollsBackAloneAndIsPutOffWhileTheOthersLaunch() {
        UUID owner = api.activePartner("Launch Day Media");
        // days ahead, so that the scheduled round (at the current time) leaves both offerings to this test
        Instant launchAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID healthy = approvedToLaunchAt(owner, "on-time", launchAt);
        UUID broken = approvedToLaunchAt(owner, "unreadable", launchAt);
        // a hand edit cut its stored definition short: the launch cannot read it, on every attempt
        String definition = jdbc.sql("select definition from product_offering where id = :id").param("id", broken)
                .query(String.class).single();
        setDefinition(broken, definition.substring(0, 40));
        try {
            assertThat(job.runOnce(launchAt)).isPositive();

            assertThat(status(owner, healthy)).isEqualTo("Launched");
            // nothing of the failed launch stayed: status, prices, audit, events
            assertThat(jdbc.sql("select status from product_offering where id = :id").param("id", broken)
                    .query(String.class).single()).isEqualTo("APPROVED");
            assertThat(jdbc.sql("select count(*) from product_offering_price where offering_id = :id"
                    + " and status = 'LAUNCHED'").param("id", broken).query(Long.class).single()).isZero();
            assertThat(auditActions(broken)).doesNotContain("launched");
            assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :id"
                            + " and event_type = 'OfferingLaunched'").param("id", broken.toString())
                    .query(Long.class).single()).isZero();
            Map<String, Object> failure = launchFailure(broken);
            assertThat(((Number) failure.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) failure.get("last_error")).contains("end-of-input");

            // put off: the next round leaves it alone instead of failing on it again
            job.runOnce(launchAt);
            assertThat(((Number) launchFailure(broken).get("attempts")).intValue()).isEqualTo(1);
        } finally {
            setDefinition(broken, definition);
            jdbc.sql("delete from job_item_failure where job = :job and item_id = :id")
                    .param("job", OfferingLaunchJob.LOCK).param("id", broken.toString()).update();
        }
    }

    private UUID approvedToLaunchAt(UUID owner, String key, Instant launchAt) {
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.single(key));
        api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\",\"launchAt\":\"" + launchAt + "\"}");
        assertThat(approved.json().get("lifecycleStatus").asString()).isEqualTo("Active");
        return id;
    }

    private void setDefinition(UUID offering, String definition) {
        jdbc.sql("update product_offering set definition = :definition where id = :id")
                .param("definition", definition).param("id", offering).update();
    }

    private Map<String, Object> launchFailure(UUID offering) {
        return jdbc.sql("select attempts, last_error from job_item_failure where job = :job and item_id = :id")
                .param("job", OfferingLaunchJob.LOCK).param("id", offering.toString()).query().singleRow();
    }

    @Test
    void aTerminatedPartnersOfferingsRetireAndASuspendedOnesAreNotSellable() {
        UUID suspended = api.activePartner("Suspended Media");
        UUID terminated = api.activePartner("Terminated Media");
        UUID paused = api.launched(Owner.partner(suspended), OfferingDrafts.single("paused"));
        UUID gone = api.launched(Owner.partner(terminated), OfferingDrafts.single("gone"));
        UUID draft = api.draft(Owner.partner(suspended), OfferingDrafts.single("unsent"));

        PartnerEvents.statusChanged(suspended.toString(), "ACTIVE", "SUSPENDED");
        PartnerEvents.statusChanged(terminated.toString(), "ACTIVE", "TERMINATED");

        await().atMost(Duration.ofSeconds(30)).until(() -> "Retired".equals(status(terminated, gone)));
        OfferingRetired retired = JSON.readValue(event(gone, "OfferingRetired").value(), OfferingRetired.class);
        assertThat(retired.reason()).isEqualTo("partner TERMINATED");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.admin(suspended)
                .post(CatalogApi.PLAIN + "/" + draft + "/submission", null).status() == 409);
        assertThat(status(suspended, paused)).isEqualTo("Launched");
        assertThat(api.admin(suspended).get(CatalogApi.OFFERINGS + "/" + paused).json().get("isSellable")
                .asBoolean()).isFalse();
        TestHttp.Response changed = api.admin(suspended).patch(CatalogApi.OFFERINGS + "/" + paused,
                "{\"name\": \"while suspended\"}");
        assertThat(changed.status()).as("a state conflict, not a field error: " + changed.body()).isEqualTo(409);
        assertThat(changed.json().get("detail").asString()).contains("SUSPENDED");
        assertThat(api.manager.get("/api/catalog/sellable-offerings?limit=500").body())
                .doesNotContain(paused.toString()).doesNotContain(gone.toString());
    }

    @Test
    void onlyDraftsAreDeleted() {
        UUID owner = api.activePartner("Delete Media");
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("deletable"));
        UUID launched = api.launched(Owner.partner(owner), OfferingDrafts.single("kept"));

        assertThat(api.admin(owner).delete(CatalogApi.OFFERINGS + "/" + draft).status()).isEqualTo(204);
        assertThat(api.admin(owner).get(CatalogApi.OFFERINGS + "/" + draft).status()).isEqualTo(404);
        assertThat(api.admin(owner).delete(CatalogApi.OFFERINGS + "/" + launched).status()).isEqualTo(409);
    }

    private String status(UUID owner, UUID id) {
        return api.admin(owner).get(CatalogApi.OFFERINGS + "/" + id).json().get("lifecycleStatus").asString();
    }

    private List<String> inForce(UUID id, Instant at) {
        var body = api.manager.get(CatalogApi.PLAIN + "/" + id + "/prices-in-force?at=" + at).json();
        List<String> ids = new java.util.ArrayList<>();
        body.forEach(price -> ids.add(price.get("id").asString()));
        return ids;
    }

    private static OfferingDraft withMonthly(OfferingDraft draft, String amount, Instant from) {
        return draft.withPrices(List.of(OfferingDrafts.monthly("monthly", amount, from), draft.prices().get(1)));
    }

    private List<String> auditActions(UUID id) {
        return jdbc.sql("select action from audit_event where resource_id = :id order by id")
                .param("id", id.toString()).query(String.class).list();
    }

    private static ConsumerRecord<String, byte[]> event(UUID offering, String type) {
        return TestKafka.awaitRecords(Topics.CATALOG_EVENTS, record -> offering.toString().equals(record.key())
                && type.equals(TestKafka.header(record, CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(30))
                .getFirst();
    }
}
