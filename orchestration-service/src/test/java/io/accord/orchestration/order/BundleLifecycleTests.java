package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.CatalogEvents;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.ProductView;
import io.accord.orchestration.product.Products;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bundle's components follow it: suspending, resuming or ending the bundle's instance (TMF637 PATCH or a delete
 * order) changes each component in the same transaction with its own event, so rating and settlement stop charging
 * them; a component is not resumed alone while its bundle is suspended.
 */
@AccordServiceTest
class BundleLifecycleTests {

    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product/";

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final Products products;
    private final JdbcClient jdbc;
    private TestOrders orders;

    BundleLifecycleTests(SellableOfferings offerings, Products products, JdbcClient jdbc) {
        this.offerings = offerings;
        this.products = products;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void helpers() {
        orders = new TestOrders(port, offerings, jdbc);
    }

    @Test
    void suspendingResumingAndDeletingABundleChangesItsComponentsWithIt() {
        String owner = orders.activePartner();
        String block = orders.msisdnPool(owner, 2);
        TestHttp buyer = orders.partnerAdmin(owner);
        UUID bundle = orderedBundle(buyer, "customer-bundle", owner);
        List<UUID> components = products.components(bundle).stream().map(ProductView::id).toList();
        assertThat(components).hasSize(2);
        assertThat(states(components)).containsOnly(ProductState.ACTIVE);
        TestHttp ops = orders.staff(Roles.OPS);

        patch(ops, bundle, "{\"status\": \"suspended\"}", 200);
        assertThat(states(components)).as("suspended with the bundle").containsOnly(ProductState.SUSPENDED);
        TestHttp.Response alone = patch(ops, components.getFirst(), "{\"status\": \"active\"}", 409);
        assertThat(alone.body()).contains(bundle.toString(), "suspended");
        assertThat(states(components)).containsOnly(ProductState.SUSPENDED);
        patch(ops, bundle, "{\"status\": \"active\"}", 200);
        assertThat(states(components)).as("resumed with the bundle").containsOnly(ProductState.ACTIVE);

        TestHttp.Response delete = buyer.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-bundle", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete", "product": {"id": "%s"}}]}"""
                .formatted(bundle));
        assertThat(delete.status()).as(delete.body()).isEqualTo(201);
        orders.awaitState(buyer, delete.json().get("id").asString(), "completed");

        ProductView ended = products.find(bundle).orElseThrow();
        assertThat(ended.state()).isEqualTo(ProductState.TERMINATED);
        for (UUID component : components) {
            ProductView product = products.find(component).orElseThrow();
            assertThat(product.state()).as("ended with the bundle").isEqualTo(ProductState.TERMINATED);
            assertThat(product.endAt()).isEqualTo(ended.endAt());
            assertThat(orders.outbox(component.toString()).stream().map(event -> event[0]))
                    .as("rating and settlement are told of each component")
                    .containsExactly("ProductActivated", "ProductModified", "ProductModified", "ProductTerminated");
        }
        assertThat(orders.items(block, "QUARANTINED")).as("the components' numbers are released").isEqualTo(2);
    }

    @Test
    void terminatingABundleByPatchEndsItsComponents() {
        String owner = orders.activePartner();
        orders.msisdnPool(owner, 2);
        UUID bundle = orderedBundle(orders.partnerAdmin(owner), "customer-bundle-patch", owner);
        List<UUID> components = products.components(bundle).stream().map(ProductView::id).toList();

        patch(orders.staff(Roles.OPS), bundle, "{\"status\": \"terminated\", \"statusReason\": \"S64 ended\"}", 200);

        assertThat(states(components)).hasSize(2).containsOnly(ProductState.TERMINATED);
        assertThat(components).allSatisfy(component -> assertThat(products.find(component).orElseThrow()
                .stateReason()).isEqualTo("S64 ended"));
    }

    /** A bundle of two of the owner's offerings (an MSISDN each), ordered and completed: its instance's id. */
    private UUID orderedBundle(TestHttp buyer, String customer, String owner) {
        String sim = orders.offering(owner, List.of("MSISDN"), false);
        String data = orders.offering(owner, List.of("MSISDN"), false);
        String bundle = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.bundle(bundle, "Duo " + bundle.substring(0, 8), "SUM_OF_COMPONENTS",
                List.of(sim, data), List.of()), 1L);
        await().atMost(TestOrders.PATIENCE).until(() -> offerings.find(bundle).isPresent());
        TestHttp.Response placed = buyer.post(TestOrders.ORDERS, TestOrders.order(customer, null, bundle));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = orders.awaitState(buyer, placed.json().get("id").asString(), "completed");
        return UUID.fromString(order.at("/productOrderItem/0/product/id").asString());
    }

    private List<ProductState> states(List<UUID> ids) {
        return ids.stream().map(id -> products.find(id).orElseThrow().state()).toList();
    }

    private static TestHttp.Response patch(TestHttp http, UUID product, String body, int status) {
        TestHttp.Response patched = http.send("PATCH", PRODUCTS + product, body, TestOrders.PATCH);
        assertThat(patched.status()).as(patched.body()).isEqualTo(status);
        return patched;
    }
}
