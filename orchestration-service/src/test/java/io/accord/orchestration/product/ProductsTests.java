package io.accord.orchestration.product;

import io.accord.contracts.Topics;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductModified;
import io.accord.contracts.events.ProductTerminated;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.contracts.CloudEventHeaders;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entry point against PostgreSQL: a whole life, the outbox events' content, idempotency, cancellation. */
@AccordServiceTest
class ProductsTests {

    private final Products products;
    private final TestProducts test;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProductsTests(Products products, SellableOfferings offerings, JdbcClient jdbc, TransactionTemplate transactions) {
        this.products = products;
        this.test = new TestProducts(offerings, products, jdbc);
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Test
    void anInstanceLivesFromCreationToTerminationAndEachChangeIsOneEventOnTheOrderTopic() {
        String owner = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        String offering = test.offering(owner, List.of(new OfferingLaunched.Participant(participant, "30")));
        UUID buyer = UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

        ProductView created = test.created(offering, buyer);
        assertThat(created.state()).isEqualTo(ProductState.CREATED);
        assertThat(created.ownerPartnerId()).hasToString(owner);
        assertThat(created.offeringVersion()).isEqualTo(3);
        assertThat(created.categoryCode()).isEqualTo("CONNECTIVITY");
        assertThat(created.usagePriceIds()).containsExactly("data");
        assertThat(test.events(created.id())).as("creation publishes nothing").isEmpty();

        List<ProductDetails.SubscriberIdentifier> ids = List.of(
                new ProductDetails.SubscriberIdentifier("MSISDN", "+4915100000077"),
                new ProductDetails.SubscriberIdentifier("ICCID", "8949000000000000077"));
        UUID reservation = UUID.randomUUID();
        ProductView active = products.activate(created.id(), ids,
                List.of(new RealisingResource("MSISDN", "+4915100000077", reservation)), start);
        assertThat(active.state()).isEqualTo(ProductState.ACTIVE);
        assertThat(active.startAt()).isEqualTo(start);

        ProductView modified = products.modify(created.id(), Map.of("dataVolumeGb", "50"), start.plusSeconds(60));
        assertThat(modified.characteristics()).containsEntry("dataVolumeGb", "50");
        assertThat(products.modify(created.id(), Map.of("dataVolumeGb", "50"), start.plusSeconds(90)))
                .as("a repeated modification: no change, no event").isEqualTo(modified);
        ProductView suspended = products.suspend(created.id(), "unpaid bill",
                Suspension.byStaff("ops", start.plusSeconds(120)));
        assertThat(suspended.state()).isEqualTo(ProductState.SUSPENDED);
        ProductView resumed = products.resume(created.id(), "paid", Suspension.Side.STAFF,
                start.plusSeconds(180));
        assertThat(resumed.state()).isEqualTo(ProductState.ACTIVE);
        ProductView terminated = products.terminate(created.id(), "customer left", start.plusSeconds(240));
        assertThat(terminated.state()).isEqualTo(ProductState.TERMINATED);
        assertThat(terminated.endAt()).isEqualTo(start.plusSeconds(240));

        List<TestProducts.Outboxed> events = test.events(created.id());
        assertThat(events).extracting(TestProducts.Outboxed::type).containsExactly("ProductActivated",
                "ProductModified", "ProductModified", "ProductModified", "ProductTerminated");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.topic()).isEqualTo(Topics.ORDER_EVENTS);
            assertThat(event.subject()).isEqualTo(owner);
        });
        assertThat(events).extracting(TestProducts.Outboxed::sequence).isSorted().doesNotHaveDuplicates();

        ProductActivated activated = events.get(0).as(ProductActivated.class);
        assertThat(activated.partnerId()).isEqualTo(owner);
        assertThat(activated.effectiveAt()).isEqualTo(start);
        ProductDetails details = activated.product();
        assertThat(details.productId()).isEqualTo(created.id().toString());
        assertThat(details.orderId()).isEqualTo(created.orderId());
        assertThat(details.offeringId()).isEqualTo(offering);
        assertThat(details.offeringVersion()).isEqualTo(3);
        assertThat(details.ownerPartnerId()).isEqualTo(owner);
        assertThat(details.categoryCode()).isEqualTo("CONNECTIVITY");
        assertThat(details.buyerPartnerId()).isEqualTo(buyer.toString());
        assertThat(details.salesChannel()).isNull();
        assertThat(details.customerId()).isEqualTo(created.customerId());
        assertThat(details.identifiers()).isEqualTo(ids);
        assertThat(details.characteristics()).isEqualTo(Map.of("dataVolumeGb", "20"));
        assertThat(details.participants()).containsExactly(new OfferingLaunched.Participant(participant, "30"));
        assertThat(details.usagePriceIds()).containsExactly("data");
        assertThat(details.charges()).extracting(ProductDetails.LockedCharge::type, ProductDetails.LockedCharge::amount,
                        ProductDetails.LockedCharge::currency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECURRING", "19.990000", "EUR"),
                        org.assertj.core.groups.Tuple.tuple("ONE_TIME", "49.000000", "EUR"));
        assertThat(details.status()).isEqualTo("ACTIVE");
        assertThat(details.startAt()).isEqualTo(start);
        assertThat(details.endAt()).isNull();

        ProductModified characteristics = events.get(1).as(ProductModified.class);
        assertThat(characteristics.changes()).containsExactly("characteristics");
        assertThat(characteristics.effectiveAt()).isEqualTo(start.plusSeconds(60));
        assertThat(characteristics.product().characteristics()).containsEntry("dataVolumeGb", "50");
        ProductModified suspension = events.get(2).as(ProductModified.class);
        assertThat(suspension.changes()).containsExactly("status");
        assertThat(suspension.product().status()).isEqualTo("SUSPENDED");
        assertThat(events.get(3).as(ProductModified.class).product().status()).isEqualTo("ACTIVE");
        ProductTerminated termination = events.get(4).as(ProductTerminated.class);
        assertThat(termination.reason()).isEqualTo("customer left");
        assertThat(termination.effectiveAt()).isEqualTo(start.plusSeconds(240));
        assertThat(termination.product().endAt()).isEqualTo(start.plusSeconds(240));
        assertThat(termination.product().status()).isEqualTo("TERMINATED");
        assertThat(products.details(created.id())).isEqualTo(termination.product());
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'product' and resource_id = :id")
                .param("id", created.id().toString()).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void theEventsReachTheOrderTopicKeyedByTheProductWithTheOwnerAsSubject() {
        String owner = UUID.randomUUID().toString();
        ProductView active = test.active(test.offering(owner, List.of()), null);
        products.terminate(active.id(), "ended", Instant.now());

        List<ConsumerRecord<String, byte[]>> records = TestKafka.awaitRecords(Topics.ORDER_EVENTS,
                record -> active.id().toString().equals(record.key()), 2, Duration.ofSeconds(60));

        assertThat(records).extracting(record -> TestKafka.header(record, CloudEventHeaders.TYPE))
                .containsExactly("ProductActivated", "ProductTerminated");
        assertThat(records).extracting(record -> TestKafka.header(record, CloudEventHeaders.SUBJECT))
                .containsOnly(owner);
        assertThat(records).extracting(record -> TestKafka.header(record, CloudEventHeaders.SEQUENCE))
                .containsExactly("1", "2");
        ProductTerminated terminated = JsonMapper.builder().build().readValue(TestKafka.value(records.get(1)),
                ProductTerminated.class);
        assertThat(terminated.product().productId()).isEqualTo(active.id().toString());
        assertThat(terminated.product().status()).isEqualTo("TERMINATED");
    }

    @Test
    void theInstancesOfAnOrderAreFoundByItsId() {
        String offering = test.offering(null, List.of());
        ProductView first = test.created(offering, null);
        ProductView second = products.create(new NewProduct(first.orderId(), "2", offering, null, null, "web-shop",
                first.customerId(), Map.of(), List.of()));

        assertThat(products.ofOrder(first.orderId())).extracting(ProductView::id, ProductView::orderItemId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), "1"),
                        org.assertj.core.groups.Tuple.tuple(second.id(), "2"));
        assertThat(products.ofOrder("no-such-order")).isEmpty();
    }

    @Test
    void theOfferingIsCopiedAtOrderTimeSoLaterCatalogChangesDoNotAlterTheInstance() {
        String offering = test.offering(null, List.of());
        ProductView created = test.created(offering, null);

        io.accord.orchestration.offering.CatalogEvents.send(io.accord.orchestration.offering.CatalogEvents.retired(
                offering, "replaced"), 2L);
        jdbc.sql("update offering_view set category_code = 'OTHER', offering_version = 9 where id = :id")
                .param("id", offering).update();

        ProductView read = products.find(created.id()).orElseThrow();
        assertThat(read.categoryCode()).isEqualTo("CONNECTIVITY");
        assertThat(read.offeringVersion()).isEqualTo(3);
        assertThat(read.ownerPartnerId()).isNull();
        assertThat(read.salesChannel()).isEqualTo("web-shop");
    }

    @Test
    void activationAndTerminationRepeatedAreIdempotentAndPublishOnce() {
        String offering = test.offering(null, List.of());
        ProductView created = test.created(offering, null);
        List<ProductDetails.SubscriberIdentifier> ids = List.of(
                new ProductDetails.SubscriberIdentifier("ACCOUNT_ID", "acct-" + created.id()));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        ProductView first = products.activate(created.id(), ids, List.of(), at);
        ProductView again = products.activate(created.id(), ids, List.of(), at.plusSeconds(30));

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> products.activate(created.id(), List.of(), List.of(), at))
                .isInstanceOf(ConflictException.class);
        products.terminate(created.id(), "done", at.plusSeconds(60));
        ProductView twice = products.terminate(created.id(), "done again", at.plusSeconds(90));
        assertThat(twice.endAt()).isEqualTo(at.plusSeconds(60));
        assertThat(test.events(created.id())).extracting(TestProducts.Outboxed::type)
                .containsExactly("ProductActivated", "ProductTerminated");
        assertThat(test.events(created.id()).getFirst().subject()).as("a CSP offering has no partner").isNull();
    }

    @Test
    void ofTwoConcurrentActivationsWithDifferentIdentifiersExactlyOneWins() throws Exception {
        ProductView created = test.created(test.offering(null, List.of()), null);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Boolean>> attempts = List.of("+4915100000001", "+4915100000002")
                .stream().map(msisdn -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        products.activate(created.id(), List.of(new ProductDetails.SubscriberIdentifier("MSISDN",
                                msisdn)), List.of(), Instant.now());
                        return true;
                    } catch (ConflictException lost) {
                        return false;
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })).toList();
        start.countDown();

        List<Boolean> outcomes = List.of(attempts.get(0).get(), attempts.get(1).get());

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(test.events(created.id())).extracting(TestProducts.Outboxed::type)
                .containsExactly("ProductActivated");
        String winner = outcomes.get(0) ? "+4915100000001" : "+4915100000002";
        assertThat(products.find(created.id()).orElseThrow().identifiers().getFirst().value()).isEqualTo(winner);
    }

    @Test
    void anInstanceNeverActivatedIsCancelledWithoutAnEventAndIsFinal() {
        String offering = test.offering(null, List.of());
        ProductView created = test.created(offering, UUID.randomUUID());

        ProductView cancelled = products.cancel(created.id(), "reservation failed");
        ProductView again = products.cancel(created.id(), "again");

        assertThat(cancelled.state()).isEqualTo(ProductState.CANCELLED);
        assertThat(again.stateReason()).isEqualTo("reservation failed");
        assertThat(test.events(created.id())).isEmpty();
        assertThatThrownBy(() -> products.activate(created.id(), List.of(), List.of(), Instant.now()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cancelled");
        assertThatThrownBy(() -> products.terminate(created.id(), "x", Instant.now()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cancelled");
        ProductView active = test.active(offering, null);
        assertThatThrownBy(() -> products.cancel(active.id(), "too late"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is active");
    }

    @Test
    void aBundleComponentNamesItsBundleAndCreationJoinsTheCallersTransaction() {
        String bundleOffering = test.offering(null, List.of());
        String componentOffering = test.offering(UUID.randomUUID().toString(), List.of());
        ProductView bundle = test.created(bundleOffering, null);

        UUID component = transactions.execute(status -> {
            ProductView made = products.create(new NewProduct(bundle.orderId(), "1", componentOffering, bundle.id(),
                    null, "web-shop", bundle.customerId(), null, null));
            status.setRollbackOnly();
            return made.id();
        });
        assertThat(products.find(component)).as("rolled back with the caller").isEmpty();

        ProductView kept = products.create(new NewProduct(bundle.orderId(), "1", componentOffering, bundle.id(), null,
                "web-shop", bundle.customerId(), null, null));
        assertThat(kept.bundleProductId()).isEqualTo(bundle.id());
        assertThat(kept.characteristics()).isEmpty();
        assertThat(kept.charges()).isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndUnknownIdsAreNotFound() {
        String offering = test.offering(null, List.of());
        long before = jdbc.sql("select count(*) from product_instance").query(Long.class).single();

        assertThatThrownBy(() -> products.create(new NewProduct("o", "1", "no-such-offering", null, null, "web",
                "c", Map.of(), List.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("offering");
        assertThatThrownBy(() -> products.create(new NewProduct("o", "1", offering, null, UUID.randomUUID(), "web",
                "c", Map.of(), List.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("buyer");
        assertThatThrownBy(() -> products.create(new NewProduct("o", "1", offering, null, null, "web", " ",
                Map.of(), List.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("customerId");
        assertThatThrownBy(() -> products.create(new NewProduct("o", "1", offering, UUID.randomUUID(), null, "web",
                "c", Map.of(), List.of()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bundleProductId");
        assertThatThrownBy(() -> products.create(new NewProduct("o", "1", offering, null, null, "web", "c", Map.of(),
                List.of(TestProducts.charge(offering, "USAGE", "1"))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charges[0].type");
        assertThat(jdbc.sql("select count(*) from product_instance").query(Long.class).single()).isEqualTo(before);

        ProductView created = test.created(offering, null);
        java.util.ArrayList<ProductDetails.SubscriberIdentifier> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> products.activate(created.id(), withNull, List.of(), Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("identifiers[0]");
        assertThatThrownBy(() -> products.activate(created.id(), List.of(), List.of(new RealisingResource("MSISDN",
                " ", null)), Instant.now())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("resources[0].value");
        assertThatThrownBy(() -> products.activate(created.id(), List.of(), List.of(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at (the instant");
        assertThatThrownBy(() -> products.modify(created.id(), null, Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("characteristic");
        assertThat(products.find(created.id()).orElseThrow().state()).isEqualTo(ProductState.CREATED);

        UUID unknown = UUID.randomUUID();
        assertThat(products.find(unknown)).isEmpty();
        assertThatThrownBy(() -> products.details(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> products.suspend(unknown, "x", Suspension.byStaff("ops", Instant.now())))
                .isInstanceOf(NotFoundException.class);
    }
}
