package io.accord.catalog.offering;

import io.accord.platform.hub.HubSignature;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TMF620 hub end to end: partners register their own listeners (real HTTP endpoints), an offering's life is
 * delivered signed to its owner only, and a launched CSP offering to every partner.
 */
@AccordServiceTest
class CatalogHubTests {

    private static final String HUB = "/tmf-api/productCatalogManagement/v4/hub";
    private static final String EVENTS = "eventType=ProductOfferingCreateEvent,ProductOfferingStateChangeEvent";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CatalogApi api;

    CatalogHubTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
    }

    @Test
    void anOfferingsLifeReachesItsOwnersListenerSignedAndALaunchedCspOfferingReachesEveryPartner() {
        UUID owner = api.activePartner("Hub Owner Media");
        UUID other = api.activePartner("Hub Other Media");
        try (HubCallback ownerListener = new HubCallback(); HubCallback otherListener = new HubCallback()) {
            String ownerSecret = register(api.admin(owner), ownerListener);
            String otherSecret = register(api.admin(other), otherListener);

            UUID offering = createSubmitAndLaunch(owner);

            await().atMost(PATIENCE).until(() -> about(ownerListener, offering).stream()
                    .anyMatch(n -> status(n).equals("Launched")));
            List<JsonNode> owned = about(ownerListener, offering);
            assertThat(owned.getFirst().get("eventType").asString()).isEqualTo("ProductOfferingCreateEvent");
            assertThat(owned.getFirst().get("event").get("productOffering").get("name").asString())
                    .isEqualTo("Hub Sports");
            assertThat(owned).extracting(n -> n.get("eventType").asString() + ":" + status(n))
                    .containsSubsequence("ProductOfferingCreateEvent:In study",
                            "ProductOfferingStateChangeEvent:In test", "ProductOfferingStateChangeEvent:Launched");
            assertThat(ownerListener.received()).allSatisfy(delivery -> assertThat(HubSignature.verify(ownerSecret,
                    delivery.timestamp(), delivery.body(), delivery.signature())).as(delivery.text()).isTrue());

            // a launched CSP offering is for every partner; deliveries keep their order per subscription, so once
            // the other partner has it, anything about the first offering would have arrived before
            UUID csp = api.launched(Owner.csp(), OfferingDrafts.single("hub-csp-" + UUID.randomUUID()));
            for (HubCallback listener : List.of(ownerListener, otherListener)) {
                await().atMost(PATIENCE).until(() -> about(listener, csp).stream()
                        .anyMatch(n -> status(n).equals("Launched")));
                assertThat(about(listener, csp)).as("the CSP's draft was for staff only")
                        .extracting(n -> n.get("eventType").asString()).containsOnly("ProductOfferingStateChangeEvent");
            }
            assertThat(about(otherListener, offering)).isEmpty();
            // other tests count what partners see: the CSP offering goes again, and every partner hears so
            assertThat(api.staff("platform-admin").post(CatalogApi.PLAIN + "/" + csp + "/retirement",
                    "{\"reason\":\"test over\"}").status()).isEqualTo(200);
            for (HubCallback listener : List.of(ownerListener, otherListener)) {
                await().atMost(PATIENCE).until(() -> about(listener, csp).stream()
                        .anyMatch(n -> status(n).equals("Retired")));
            }
            assertThat(otherListener.received()).allSatisfy(delivery -> assertThat(HubSignature.verify(otherSecret,
                    delivery.timestamp(), delivery.body(), delivery.signature())).isTrue());
        }
    }

    @Test
    void aPartnerAdminUnregistersItsListenerAndAnotherPartnerCannot() {
        UUID owner = api.activePartner("Hub Unregister Media");
        UUID other = api.activePartner("Hub Intruder Media");
        try (HubCallback listener = new HubCallback()) {
            TestHttp.Response created = api.admin(owner).post(HUB, body(listener));
            String location = created.header("Location");

            assertThat(api.admin(other).delete(location).status()).isEqualTo(404);
            assertThat(api.user(owner).delete(location).status()).isEqualTo(403);
            assertThat(api.admin(owner).delete(location).status()).isEqualTo(204);
            assertThat(api.admin(owner).get(location).status()).isEqualTo(404);
        }
    }

    private String register(TestHttp admin, HubCallback listener) {
        TestHttp.Response created = admin.post(HUB, body(listener));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(HUB + "/" + created.json().get("id").asString());
        return created.json().get("secret").asString();
    }

    private static String body(HubCallback listener) {
        return "{\"callback\":\"%s\",\"query\":\"%s\"}".formatted(listener.url(), EVENTS);
    }

    private UUID createSubmitAndLaunch(UUID owner) {
        TestHttp admin = api.admin(owner);
        UUID seed = api.draft(Owner.partner(owner), OfferingDrafts.single("hub-seed-" + UUID.randomUUID()));
        String spec = admin.get(CatalogApi.OFFERINGS + "/" + seed).json().get("productSpecification").get("id")
                .asString();
        TestHttp.Response created = admin.post(CatalogApi.OFFERINGS, """
                {"name":"Hub Sports","isBundle":false,"category":[{"id":"0a1e0000-0000-4000-8000-000000000001"}],
                 "channel":[{"name":"ONLINE"}],"productSpecification":{"id":"%s"}}""".formatted(spec));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        TestHttp.Response price = admin.post("/tmf-api/productCatalogManagement/v4/productOfferingPrice",
                PRICE.formatted(id));
        assertThat(price.status()).as(price.body()).isEqualTo(201);
        assertThat(admin.post(CatalogApi.PLAIN + "/" + id + "/submission", null).status()).isEqualTo(200);
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().get("lifecycleStatus").asString()).as(approved.body()).isEqualTo("Launched");
        return id;
    }

    private static List<JsonNode> about(HubCallback listener, UUID offering) {
        return listener.received().stream().map(delivery -> JSON.readTree(delivery.body()))
                .filter(n -> n.get("event").has("productOffering")
                        && offering.toString().equals(n.get("event").get("productOffering").get("id").asString()))
                .toList();
    }

    private static String status(JsonNode notification) {
        JsonNode status = notification.get("event").get("productOffering").get("lifecycleStatus");
        return status == null ? "" : status.asString();
    }

    private static final String PRICE = """
            {"name":"Monthly","priceType":"recurring","externalId":"monthly","productOffering":{"id":"%s"},
             "price":{"unit":"EUR","value":"9.99"},"recurringChargePeriodType":"month",
             "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}""";
}
