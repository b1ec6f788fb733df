package io.accord.orchestration.product;

import io.accord.contracts.Roles;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductModified;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reseller (an MVNO) bars and lifts the bar of its own customers' lines with the TMF637 {@code PATCH} of status:
 * audited under its user, published as for staff; another partner's line is a 404, a line it only reads as the
 * offering's owner a 403, and ending a line stays a delete order. A bar the CSP's staff set only staff lift, and a
 * reseller's suspension does not turn it into the reseller's; staff lift and take over a reseller's bar.
 */
@AccordServiceTest
class PartnerProductPatchTests {

    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product";
    private static final String PATCH = "application/merge-patch+json";

    @LocalServerPort
    int port;
    private final Products products;
    private final TestProducts test;
    private final JdbcClient jdbc;

    PartnerProductPatchTests(Products products, SellableOfferings offerings, JdbcClient jdbc) {
        this.products = products;
        this.test = new TestProducts(offerings, products, jdbc);
        this.jdbc = jdbc;
    }

    @Test
    void aResellerSuspendsAndResumesItsOwnCustomersLineUnderItsOwnName() {
        UUID reseller = UUID.randomUUID();
        ProductView line = test.active(test.offering(null, List.of()), reseller);
        String path = PRODUCTS + "/" + line.id();
        TestHttp admin = partner("mvno-admin", reseller, Roles.PARTNER_ADMIN);

        TestHttp.Response barred = admin.send("PATCH", path,
                "{\"status\": \"suspended\", \"statusReason\": \"unpaid invoice 2026-11\"}", PATCH);
        assertThat(barred.status()).as(barred.body()).isEqualTo(200);
        assertThat(barred.json().get("status").asString()).isEqualTo("suspended");
        assertThat(barred.json().get("statusReason").asString()).isEqualTo("unpaid invoice 2026-11");
        assertThat(barred.json().get("suspendedBy").get("side").asString()).isEqualTo("PARTNER");
        assertThat(barred.json().get("suspendedBy").get("actor").asString()).isEqualTo("mvno-admin");
        assertThat(barred.json().get("suspendedBy").has("suspensionDate")).isTrue();
        TestHttp.Response again = admin.send("PATCH", path, "{\"status\": \"suspended\"}", PATCH);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("statusReason").asString()).as("the repeat changes nothing")
                .isEqualTo("unpaid invoice 2026-11");

        TestHttp.Response lifted = partner("mvno-agent", reseller, Roles.PARTNER_USER)
                .send("PATCH", path, "{\"status\": \"active\"}", PATCH);
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("status").asString()).isEqualTo("active");
        assertThat(lifted.json().get("statusReason").asString()).contains("mvno-agent");
        assertThat(lifted.json().has("suspendedBy")).as("only a suspended instance is barred").isFalse();

        List<TestProducts.Outboxed> events = test.events(line.id());
        assertThat(events).extracting(TestProducts.Outboxed::type)
                .containsExactly("ProductActivated", "ProductModified", "ProductModified");
        assertThat(events.get(1).as(ProductModified.class)).satisfies(modified -> {
            assertThat(modified.changes()).containsExactly("status");
            assertThat(modified.product().status()).isEqualTo("SUSPENDED");
            assertThat(modified.product().buyerPartnerId()).isEqualTo(reseller.toString());
        });
        assertThat(events.get(2).as(ProductModified.class).product().status()).isEqualTo("ACTIVE");
        assertThat(audited(line.id())).containsExactly("activated by system for " + reseller,
                "suspended by mvno-admin for " + reseller, "resumed by mvno-agent for " + reseller);
    }

    @Test
    void aResellerDoesNotLiftABarTheCspSetNorTurnItIntoItsOwn() {
        UUID reseller = UUID.randomUUID();
        ProductView line = test.active(test.offering(null, List.of()), reseller);
        String path = PRODUCTS + "/" + line.id();
        TestHttp admin = partner("mvno-admin", reseller, Roles.PARTNER_ADMIN);
        TestHttp ops = staff("ops-fraud");

        TestHttp.Response barred = ops.send("PATCH", path, "{\"status\": \"suspended\", \"statusReason\": \"fraud case "
                + "7\"}", PATCH);
        assertThat(barred.status()).as(barred.body()).isEqualTo(200);
        JsonNode shown = admin.get(path).json();
        assertThat(shown.get("suspendedBy").get("side").asString()).isEqualTo("STAFF");
        assertThat(shown.get("suspendedBy").has("actor")).as("a staff user is not named").isFalse();
        assertThat(shown.toString()).doesNotContain("ops-fraud");

        for (String role : List.of(Roles.PARTNER_ADMIN, Roles.PARTNER_USER)) {
            TestHttp.Response refused = partner("mvno", reseller, role).send("PATCH", path,
                    "{\"status\": \"active\", \"statusReason\": \"paid\"}", PATCH);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("suspended by the CSP", "partner manager");
        }
        TestHttp.Response kept = admin.send("PATCH", path, "{\"status\": \"suspended\", \"statusReason\": \"unpaid\"}",
                PATCH);
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("suspendedBy").get("side").asString()).as("still the CSP's bar").isEqualTo("STAFF");
        assertThat(kept.json().get("statusReason").asString()).isEqualTo("fraud case 7");
        assertThat(admin.send("PATCH", path, "{\"status\": \"active\"}", PATCH).status()).isEqualTo(409);
        assertThat(test.events(line.id())).extracting(TestProducts.Outboxed::type)
                .containsExactly("ProductActivated", "ProductModified");

        TestHttp.Response lifted = ops.send("PATCH", path, "{\"status\": \"active\"}", PATCH);
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("status").asString()).isEqualTo("active");
        assertThat(audited(line.id())).containsExactly("activated by system for " + reseller,
                "suspended by ops-fraud for " + reseller, "resumed by ops-fraud for " + reseller);
    }

    @Test
    void staffLiftAResellersBarAndSuspendingItMakesItTheCsps() {
        UUID reseller = UUID.randomUUID();
        String offering = test.offering(null, List.of());
        TestHttp admin = partner("mvno-admin", reseller, Roles.PARTNER_ADMIN);
        TestHttp ops = staff("ops-legal");

        ProductView lifted = test.active(offering, reseller);
        admin.send("PATCH", PRODUCTS + "/" + lifted.id(), "{\"status\": \"suspended\"}", PATCH);
        TestHttp.Response resumed = ops.send("PATCH", PRODUCTS + "/" + lifted.id(), "{\"status\": \"active\"}", PATCH);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("status").asString()).isEqualTo("active");

        ProductView line = test.active(offering, reseller);
        String path = PRODUCTS + "/" + line.id();
        admin.send("PATCH", path, "{\"status\": \"suspended\", \"statusReason\": \"unpaid\"}", PATCH);
        TestHttp.Response takenOver = ops.send("PATCH", path,
                "{\"status\": \"suspended\", \"statusReason\": \"legal order 12\"}", PATCH);
        assertThat(takenOver.status()).as(takenOver.body()).isEqualTo(200);
        assertThat(takenOver.json().get("status").asString()).isEqualTo("suspended");
        assertThat(takenOver.json().get("statusReason").asString()).isEqualTo("legal order 12");
        assertThat(takenOver.json().get("suspendedBy").get("side").asString()).isEqualTo("STAFF");
        assertThat(test.events(line.id())).as("the status did not change: no second ProductModified")
                .extracting(TestProducts.Outboxed::type).containsExactly("ProductActivated", "ProductModified");
        assertThat(audited(line.id())).containsExactly("activated by system for " + reseller,
                "suspended by mvno-admin for " + reseller, "suspensionTakenOver by ops-legal for " + reseller);
        assertThat(admin.send("PATCH", path, "{\"status\": \"active\"}", PATCH).status()).isEqualTo(409);
        assertThat(products.find(line.id()).orElseThrow().state()).isEqualTo(ProductState.SUSPENDED);
    }

    @Test
    void aBundlesComponentsCarryItsBarAndAResellerLeavesTheCspsOwnBarsInPlace() {
        UUID reseller = UUID.randomUUID();
        String offering = test.offering(null, List.of());
        ProductView bundle = test.active(offering, reseller);
        ProductView component = component(bundle, offering, reseller);
        ProductView barredAlone = component(bundle, offering, reseller);
        TestHttp admin = partner("mvno-admin", reseller, Roles.PARTNER_ADMIN);
        TestHttp ops = staff("ops-fraud");
        String bundlePath = PRODUCTS + "/" + bundle.id();

        assertThat(ops.send("PATCH", PRODUCTS + "/" + barredAlone.id(), "{\"status\": \"suspended\"}", PATCH)
                .status()).isEqualTo(200);
        assertThat(admin.send("PATCH", bundlePath, "{\"status\": \"suspended\"}", PATCH).status()).isEqualTo(200);
        assertThat(side(component)).as("carries the bundle's bar").isEqualTo(Suspension.Side.PARTNER);
        assertThat(side(barredAlone)).isEqualTo(Suspension.Side.STAFF);

        assertThat(admin.send("PATCH", bundlePath, "{\"status\": \"active\"}", PATCH).status()).isEqualTo(200);
        assertThat(products.find(component.id()).orElseThrow().state()).isEqualTo(ProductState.ACTIVE);
        assertThat(products.find(barredAlone.id()).orElseThrow().state()).as("the CSP's own bar stays")
                .isEqualTo(ProductState.SUSPENDED);

        admin.send("PATCH", bundlePath, "{\"status\": \"suspended\"}", PATCH);
        assertThat(ops.send("PATCH", bundlePath, "{\"status\": \"suspended\"}", PATCH).status()).isEqualTo(200);
        assertThat(side(bundle)).isEqualTo(Suspension.Side.STAFF);
        assertThat(side(component)).as("the bundle's bar, taken over with it").isEqualTo(Suspension.Side.STAFF);
        assertThat(admin.send("PATCH", bundlePath, "{\"status\": \"active\"}", PATCH).status()).isEqualTo(409);

        assertThat(ops.send("PATCH", bundlePath, "{\"status\": \"active\"}", PATCH).status()).isEqualTo(200);
        assertThat(List.of(bundle, component, barredAlone)).extracting(p -> products.find(p.id()).orElseThrow()
                .state()).containsOnly(ProductState.ACTIVE);
    }

    @Test
    void theApiDocumentsWhoMayPatchAndAPartnersLimits() {
        JsonNode patch = TestHttp.localPort(port).get("/v3/api-docs").json()
                .at("/paths/~1tmf-api~1productInventory~1v4~1product~1{id}/patch");

        assertThat(patch.get("x-accord-roles").valueStream().map(JsonNode::asString)).as(patch.toString())
                .contains(Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.OPS);
        assertThat(patch.get("description").asString()).contains("instances it bought", "delete order");
    }

    @Test
    void anotherPartnersLineIsNotFoundAndTheOfferingsOwnerMayOnlyReadIt() {
        UUID owner = UUID.randomUUID();
        UUID reseller = UUID.randomUUID();
        ProductView line = test.active(test.offering(owner.toString(), List.of()), reseller);
        String path = PRODUCTS + "/" + line.id();

        TestHttp other = partner("other-admin", UUID.randomUUID(), Roles.PARTNER_ADMIN);
        TestHttp.Response hidden = other.send("PATCH", path, "{\"status\": \"suspended\"}", PATCH);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString()).as("as a read answers")
                .isEqualTo(other.get(path).json().get("detail").asString());
        assertThat(other.send("PATCH", path, "{\"status\": \"terminated\"}", PATCH).status()).isEqualTo(404);

        TestHttp ownerHttp = partner("owner-admin", owner, Roles.PARTNER_ADMIN);
        assertThat(ownerHttp.get(path).status()).isEqualTo(200);
        TestHttp.Response refused = ownerHttp.send("PATCH", path, "{\"status\": \"suspended\"}", PATCH);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("buyer");

        assertThat(products.find(line.id()).orElseThrow().state()).isEqualTo(ProductState.ACTIVE);
        assertThat(test.events(line.id())).hasSize(1);
    }

    @Test
    void aResellerEndsALineWithADeleteOrderNotAPatch() {
        UUID reseller = UUID.randomUUID();
        ProductView line = test.active(test.offering(null, List.of()), reseller);
        String path = PRODUCTS + "/" + line.id();

        for (String role : List.of(Roles.PARTNER_ADMIN, Roles.PARTNER_USER)) {
            TestHttp.Response refused = partner("mvno", reseller, role)
                    .send("PATCH", path, "{\"status\": \"terminated\", \"statusReason\": \"fraud\"}", PATCH);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("delete order", "productOrder");
        }

        assertThat(products.find(line.id()).orElseThrow().state()).isEqualTo(ProductState.ACTIVE);
        assertThat(test.events(line.id())).extracting(TestProducts.Outboxed::type).containsExactly("ProductActivated");
    }

    @Test
    void aBundleComponentFollowsItsBundleForAResellerAsForStaff() {
        UUID reseller = UUID.randomUUID();
        String offering = test.offering(null, List.of());
        ProductView bundle = test.active(offering, reseller);
        ProductView component = component(bundle, offering, reseller);
        TestHttp admin = partner("mvno-admin", reseller, Roles.PARTNER_ADMIN);

        assertThat(admin.send("PATCH", PRODUCTS + "/" + bundle.id(), "{\"status\": \"suspended\"}", PATCH).status())
                .isEqualTo(200);
        assertThat(products.find(component.id()).orElseThrow().state()).isEqualTo(ProductState.SUSPENDED);
        TestHttp.Response alone = admin.send("PATCH", PRODUCTS + "/" + component.id(), "{\"status\": \"active\"}",
                PATCH);
        assertThat(alone.status()).as(alone.body()).isEqualTo(409);
        assertThat(alone.body()).contains("change the bundle");

        assertThat(admin.send("PATCH", PRODUCTS + "/" + bundle.id(), "{\"status\": \"active\"}", PATCH).status())
                .isEqualTo(200);
        assertThat(products.find(component.id()).orElseThrow().state()).isEqualTo(ProductState.ACTIVE);
    }

    private ProductView component(ProductView bundle, String offering, UUID buyer) {
        ProductView created = products.create(new NewProduct(bundle.orderId(), "2", offering, bundle.id(), buyer,
                null, bundle.customerId(), Map.of("dataVolumeGb", "20"), List.of()));
        String msisdn = "+49152" + (System.nanoTime() % 100_000_000L);
        return products.activate(created.id(), List.of(new ProductDetails.SubscriberIdentifier("MSISDN", msisdn)),
                List.of(new RealisingResource("MSISDN", msisdn, UUID.randomUUID())), Instant.now());
    }

    /** The product's audit trail as "action by actor for partner". */
    private List<String> audited(UUID productId) {
        return jdbc.sql("""
                        select action || ' by ' || actor || ' for ' || coalesce(partner_id::text, '-')
                        from audit_event where resource_type = 'product' and resource_id = :id and action <> 'created'
                        order by id""")
                .param("id", productId.toString()).query(String.class).list();
    }

    private Suspension.Side side(ProductView product) {
        return products.find(product.id()).orElseThrow().suspension().side();
    }

    private TestHttp staff(String username) {
        return TestHttp.localPort(port).as(TestJwt.staff(username, Roles.OPS));
    }

    private TestHttp partner(String username, UUID partner, String role) {
        return TestHttp.localPort(port).as(TestJwt.partner(username, partner.toString(), role));
    }
}
