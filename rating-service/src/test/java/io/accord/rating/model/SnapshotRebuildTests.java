package io.accord.rating.model;

import io.accord.contracts.Topics;
import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductTerminated;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.RatingOutcome;
import io.accord.rating.engine.RatingSnapshot;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.SuspenseReason;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.engine.UsageRecord;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.DomainEvents;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.PartnerEvents;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.accord.rating.model.ModelFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snapshot is rebuilt once per burst; product changes are applied to it, other changes rebuild it from all rows;
 * loading it afresh from the tables (a restart) gives the same one.
 */
@AccordServiceTest
class SnapshotRebuildTests {

    private static final int BURST = 300;

    private final RatingModel model;
    private final ModelRows rows;
    private final ModelStore store;
    private final Clock clock;
    private final RatingModelProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ModelFixture fixture;

    SnapshotRebuildTests(RatingModel model, ModelRows rows, ModelStore store, Clock clock,
                         RatingModelProperties properties, JdbcClient jdbc, JsonMapper json) {
        this.model = model;
        this.rows = rows;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.fixture = new ModelFixture(jdbc, model);
    }

    @Test
    void aBurstOfEventsIsRebuiltFewTimesAndEveryEventIsInTheSnapshot() {
        String offering = "offer-" + UUID.randomUUID();
        OfferingLaunched launched = CatalogFeed.launch(offering, null,
                List.of(CatalogFeed.usage("sms", 1, "MESSAGE", "0.05", List.of("SMS"), T0, null)));
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched);
        long before = model.version();

        String prefix = "+4915" + (System.nanoTime() % 100_000L);
        List<ProductActivated> burst = IntStream.range(0, BURST)
                .mapToObj(i -> OrderEvents.product("pi-" + UUID.randomUUID(), offering)
                        .identifier("MSISDN", prefix + String.format("%04d", i)).valid(T0, null).activated())
                .toList();
        long started = System.nanoTime();
        DomainEvents.sendAll(Topics.ORDER_EVENTS, burst, null);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, burst.stream().map(ProductActivated::eventId).toList());
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // at most one rebuild per debounce while the burst is consumed (and the one awaitCurrent asks for)
        long rebuilds = model.version() - before;
        assertThat(rebuilds).isPositive().isLessThan(BURST / 4)
                .isLessThanOrEqualTo(elapsedMillis / properties.debounce().toMillis() + 2);
        RatingEngine engine = new RatingEngine(model.snapshot(), clock, RatingEngine.DEFAULT_TOO_OLD_AFTER);
        for (int i = 0; i < BURST; i++) {
            assertThat(engine.rate(usage(prefix + String.format("%04d", i), "SMS", 0), new TierAccumulators()))
                    .isInstanceOf(RatedUsage.class);
        }
    }

    @Test
    void productChangesAreAppliedToTheSnapshotAndPriceOrAgreementChangesRebuildIt() {
        String partner = UUID.randomUUID().toString();
        String offering = "offer-" + UUID.randomUUID();
        OfferingLaunched launched = CatalogFeed.launch(offering, null,
                List.of(CatalogFeed.usage("sms", 1, "MESSAGE", "0.05", List.of("SMS"), T0, null)));
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched);
        RatingModel.Current built = model.current();
        String msisdn = "+4916" + (System.nanoTime() % 1_000_000_000L);
        String productId = "pi-" + UUID.randomUUID();

        ProductActivated activated = OrderEvents.product(productId, offering).identifier("MSISDN", msisdn)
                .valid(T0, null).activated();
        OrderEvents.send(activated, 1L);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);
        RatingModel.Current derived = model.current();
        assertThat(derived.version()).isGreaterThan(built.version());
        assertThat(derived.fullyBuiltAt()).as("derived, not built from all rows").isEqualTo(built.fullyBuiltAt())
                .isBefore(derived.builtAt());
        assertThat(derived.built().structureRevision()).isEqualTo(built.built().structureRevision());
        assertThat(derived.built().products()).isEqualTo(built.built().products() + 1);
        assertThat(rate(derived.built().snapshot(), usage(msisdn, "SMS", 3))).isInstanceOf(RatedUsage.class);

        ProductTerminated terminated = OrderEvents.product(productId, offering).identifier("MSISDN", msisdn)
                .valid(T0, T0.plus(Duration.ofDays(2))).terminated();
        OrderEvents.send(terminated, 2L);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, terminated);
        assertThat(model.current().fullyBuiltAt()).isEqualTo(built.fullyBuiltAt());
        assertThat(rate(model.snapshot(), usage(msisdn, "SMS", 1))).isInstanceOf(RatedUsage.class);
        assertThat(rate(model.snapshot(), usage(msisdn, "SMS", 3))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));

        AgreementActivated agreement = PartnerEvents.agreementActivated(partner, "agr-" + partner, 1,
                "SELL_THROUGH", T0, null, null, List.of("*/*=45"), List.of());
        PartnerEvents.send(agreement, 1L);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, agreement);
        RatingModel.Current rebuilt = model.current();
        assertThat(rebuilt.built().structureRevision()).isGreaterThan(built.built().structureRevision());
        assertThat(rebuilt.fullyBuiltAt()).as("built from all rows").isEqualTo(rebuilt.builtAt());
        assertThat(rate(rebuilt.built().snapshot(), usage(msisdn, "SMS", 1))).isInstanceOf(RatedUsage.class);
    }

    @Test
    void awaitingTheModelBringsARebuildScheduledLaterForward() {
        RatingModel patient = new RatingModel(rows, store, clock,
                new RatingModelProperties(Duration.ofMinutes(10), Duration.ofMillis(100), null, null));
        try {
            ProductActivated activated = OrderEvents.product("pi-" + UUID.randomUUID(), "offer-" + UUID.randomUUID())
                    .identifier("MSISDN", "+4915" + (System.nanoTime() % 1_000_000_000L)).valid(T0, null).activated();
            OrderEvents.send(activated, 1L);
            fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);
            // polling, the patient model has seen the change and scheduled its rebuild a debounce (10 min) later
            await().atMost(Duration.ofSeconds(30)).until(patient::rebuildScheduled);
            long version = patient.version();

            assertThat(patient.awaitCurrent(Duration.ofSeconds(30))).isTrue();
            assertThat(patient.version()).isGreaterThan(version);
        } finally {
            patient.stop();
        }
    }

    @Test
    void reloadingFromTheTablesGivesTheSameSnapshot() {
        String partner = UUID.randomUUID().toString();
        String offering = "offer-" + UUID.randomUUID();
        OfferingLaunched launched = CatalogFeed.launch(offering, partner, List.of(
                CatalogFeed.usage("voice", 1, "S", "0.01", List.of("VOICE"), T0, T0.plus(Duration.ofDays(5))),
                CatalogFeed.usage("voice", 2, "S", "0.02", List.of("VOICE"), T0.plus(Duration.ofDays(5)), null),
                CatalogFeed.usage("data", 1, "MB", "0.001", List.of("DATA"), T0, null)));
        AgreementActivated agreement = PartnerEvents.agreementActivated(partner, "agr-" + partner, 1,
                "SELL_THROUGH", T0, T0.plus(Duration.ofDays(8)), null, List.of("*/*=45"), List.of());
        String msisdn = "+4913" + (System.nanoTime() % 1_000_000_000L);
        ProductActivated activated = OrderEvents.product("pi-" + UUID.randomUUID(), offering).ownedBy(partner)
                .identifier("MSISDN", msisdn).identifier("ICCID", "89" + msisdn.substring(1))
                .valid(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(11))).activated();
        PartnerEvents.send(agreement, 1L);
        OrderEvents.send(activated, 1L);
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, agreement);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);
        RatingModel restarted = new RatingModel(rows, store, clock, properties);
        try {
            assertThat(restarted.version()).isEqualTo(1);
            assertThat(restarted.current().built().revision()).isEqualTo(model.current().built().revision());
            assertThat(restarted.current().built().products()).isEqualTo(model.current().built().products());
            assertThat(restarted.current().built().prices()).isEqualTo(model.current().built().prices());
            assertThat(restarted.current().built().agreements()).isEqualTo(model.current().built().agreements());

            List<String> subscribers = jdbc.sql("select distinct value from rating_product_identifier")
                    .query(String.class).list();
            assertThat(subscribers).isNotEmpty();
            int rated = 0;
            for (String subscriber : subscribers) {
                for (String type : List.of("VOICE", "SMS", "DATA")) {
                    for (int day = -1; day <= 12; day++) {
                        UsageRecord usage = usage(subscriber, type, day);
                        RatingOutcome running = rate(model.snapshot(), usage);
                        assertThat(rate(restarted.snapshot(), usage)).isEqualTo(running);
                        rated += running instanceof RatedUsage ? 1 : 0;
                    }
                }
            }
            assertThat(rated).isGreaterThanOrEqualTo(2 * 10);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void theSnapshotsColumnsOfAProductRowMapLikeItsWholeJson() {
        String offering = "offer-" + UUID.randomUUID();
        String msisdn = "+4914" + (System.nanoTime() % 1_000_000_000L);
        List<ProductActivated> products = List.of(
                OrderEvents.product("pi-" + UUID.randomUUID(), offering).ownedBy(UUID.randomUUID().toString())
                        .category("CONTENT").boughtBy(UUID.randomUUID().toString())
                        .participant(UUID.randomUUID().toString(), "12.5").participant("p-2", "30")
                        .identifier("ICCID", "89" + msisdn.substring(1)).identifier("MSISDN", msisdn)
                        .recurring("monthly", "9.990000", "MONTH", "DAILY").valid(T0, null).activated(),
                OrderEvents.product("pi-" + UUID.randomUUID(), offering).identifier("ACCOUNT_ID", "acc-" + msisdn)
                        .oneTime("setup", "5.000000").valid(T0, T0.plus(Duration.ofDays(3))).activated(),
                OrderEvents.product("pi-" + UUID.randomUUID(), offering).identifier("MSISDN", msisdn + "9")
                        .status("CANCELLED").valid(T0, null).activated(),
                OrderEvents.product("pi-" + UUID.randomUUID(), offering).identifier("MSISDN", msisdn + "8")
                        .participant("p-3", "80").participant("p-4", "30").valid(T0, null).activated());
        products.forEach(product -> OrderEvents.send(product, 1L));
        fixture.awaitApplied(OrderEventsListener.CONSUMER, products.stream().map(ProductActivated::eventId).toList());

        Map<String, ModelRows.ProductRow> whole = new HashMap<>();
        jdbc.sql("select details::text as details, subscriber_id, valid_from, valid_to, sequence from rating_product")
                .query((rs, row) -> new ModelRows.ProductRow(
                        json.readValue(rs.getString("details"), ProductDetails.class),
                        rs.getString("subscriber_id"), ModelStore.instant(rs, "valid_from"),
                        ModelStore.instant(rs, "valid_to"), rs.getObject("sequence", Long.class)))
                .list().forEach(row -> whole.put(row.product().productId(), row));
        List<ModelRows.ProductRow> read = new ArrayList<>();
        rows.everything(read::add);

        assertThat(read).hasSize(whole.size()).hasSizeGreaterThanOrEqualTo(products.size());
        for (ModelRows.ProductRow row : read) {
            ModelRows.ProductRow json = whole.get(row.product().productId());
            assertThat(json).as(row.product().productId()).isNotNull();
            assertThat(mapped(row)).as(row.product().productId()).isEqualTo(mapped(json));
        }
        assertThat(read.stream().map(this::mapped).filter(m -> m.startsWith("rejected")))
                .as("the over-shared product is rejected either way").isNotEmpty();
        assertThat(read.stream().map(this::mapped).filter(m -> m.contains("12.5")))
                .as("participants read").isNotEmpty();
    }

    /** What the snapshot makes of a row: its instance, none, or why it was rejected. */
    private String mapped(ModelRows.ProductRow row) {
        try {
            return SnapshotMapping.product(row).map(Object::toString).orElse("none");
        } catch (RuntimeException rejected) {
            return "rejected " + rejected.getMessage();
        }
    }

    private RatingOutcome rate(RatingSnapshot snapshot, UsageRecord usage) {
        return new RatingEngine(snapshot, clock, RatingEngine.DEFAULT_TOO_OLD_AFTER).rate(usage,
                new TierAccumulators());
    }

    private static UsageRecord usage(String subscriber, String type, int day) {
        UnitOfMeasure unit = switch (type) {
            case "VOICE" -> UnitOfMeasure.S;
            case "DATA" -> UnitOfMeasure.MB;
            default -> UnitOfMeasure.MESSAGE;
        };
        return new UsageRecord("test", subscriber + type + day, type, subscriber,
                T0.plus(Duration.ofDays(day)).plusSeconds(17).atOffset(ZoneOffset.UTC), new BigDecimal("61"), unit,
                null, null, null);
    }
}
