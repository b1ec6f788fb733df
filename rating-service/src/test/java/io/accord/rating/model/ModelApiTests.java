package io.accord.rating.model;

import io.accord.contracts.Roles;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.OfferingRetired;
import io.accord.contracts.events.ProductActivated;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.accord.rating.model.ModelFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff read what rating knows, to see why a record went to suspense; partners cannot. */
@AccordServiceTest
class ModelApiTests {

    private static final String MODEL = "/api/rating/model";

    @LocalServerPort
    int port;

    private final ModelFixture fixture;
    private final String partner = UUID.randomUUID().toString();
    private final String offering = UUID.randomUUID().toString();
    private final String msisdn = "+4914" + (System.nanoTime() % 1_000_000_000L);
    private final String iccid = "8949" + (System.nanoTime() % 1_000_000_000_000L);
    private final Instant change = T0.plus(Duration.ofDays(4));
    private TestHttp ops;

    private final RatingModel model;
    private final MeterRegistry meters;

    ModelApiTests(JdbcClient jdbc, RatingModel model, MeterRegistry meters) {
        this.fixture = new ModelFixture(jdbc, model);
        this.model = model;
        this.meters = meters;
    }

    @BeforeEach
    void feed() {
        ops = TestHttp.localPort(port).as(TestJwt.staff("ops-olga", Roles.OPS));
        OfferingPrice first = CatalogFeed.usage("data", 1, "MB", "0.002", List.of("DATA"), T0, null);
        OfferingPrice announced = CatalogFeed.usage("data", 2, "MB", "0.009", List.of("DATA"),
                T0.plus(Duration.ofDays(9)), null);
        OfferingPrice second = CatalogFeed.usage("data", 3, "MB", "0.001", List.of("DATA"), change, null);
        OfferingLaunched launched = CatalogFeed.launch(offering, partner, List.of(first, announced));
        OfferingPriceChanged changed = CatalogFeed.priceChanged(offering, partner, second, first.priceVersionId());
        OfferingRetired retired = CatalogFeed.retired(offering, partner);
        CatalogFeed.send(changed, 2L);
        CatalogFeed.send(retired, 3L);
        AgreementActivated agreement = PartnerEvents.agreementActivated(partner, "agr-" + partner, 1,
                "SELL_THROUGH", T0, null, null, List.of("*/DATA=35"), List.of());
        AgreementTerminated terminated = PartnerEvents.agreementTerminated(partner, "agr-" + partner, 1, "ACTIVE",
                change);
        PartnerEvents.send(agreement, 1L);
        PartnerEvents.send(terminated, 2L);
        ProductActivated activated = OrderEvents.product("pi-" + UUID.randomUUID(), offering).ownedBy(partner)
                .identifier("MSISDN", msisdn).identifier("ICCID", iccid).valid(T0, null).activated();
        OrderEvents.send(activated, 1L);
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched, changed, retired);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, agreement, terminated);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);
    }

    @Test
    void showsTheSnapshotVersionAndWhatItHolds() {
        TestHttp.Response status = ops.get(MODEL);

        assertThat(status.status()).isEqualTo(200);
        JsonNode body = status.json();
        assertThat(body.get("version").asLong()).isPositive();
        assertThat(body.get("revision").asLong()).isEqualTo(body.get("latestRevision").asLong());
        assertThat(Instant.parse(body.get("fullyBuiltAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(body.get("builtAt").asString()));
        assertThat(body.get("inSnapshot").get("products").asInt()).isPositive();
        assertThat(body.get("rows").get("rating_usage_price").asLong()).isGreaterThanOrEqualTo(3);
    }

    /** The snapshot's size is a gauge, to size rating's memory by and alert on. */
    @Test
    void gaugesWhatTheSnapshotHolds() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SnapshotBuilder.Built built = model.current().built();
            assertThat(built.products()).isPositive();
            assertThat(meters.get(ModelMeters.SIZE).tag("kind", "products").gauge().value())
                    .isEqualTo(built.products());
            assertThat(meters.get(ModelMeters.SIZE).tag("kind", "prices").gauge().value())
                    .isEqualTo(built.prices());
            assertThat(meters.get(ModelMeters.SIZE).tag("kind", "agreements").gauge().value())
                    .isEqualTo(built.agreements());
        });
        assertThat(TestHttp.localPort(port).get("/actuator/prometheus").body())
                .containsPattern("accord_rating_model_size\\{[^}]*kind=\"products\"[^}]*\\} [1-9]");
    }

    @Test
    void listsTheProductsKnownByAnyIdentifier() {
        for (String identifier : List.of(msisdn, iccid)) {
            TestHttp.Response page = ops.get(MODEL + "/products?subscriber=" + identifier.replace("+", "%2B"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo("1");
            JsonNode product = page.json().get(0);
            assertThat(product.get("subscriberId").asString()).isEqualTo(msisdn);
            assertThat(product.get("offeringId").asString()).isEqualTo(offering);
            assertThat(product.get("validFrom").asString()).isEqualTo(T0.toString());
            assertThat(product.get("identifiers")).hasSize(2);
            assertThat(product.get("notRated").isNull()).isTrue();
        }
        assertThat(ops.get(MODEL + "/products?subscriber=nobody-" + UUID.randomUUID()).json()).isEmpty();
    }

    @Test
    void listsEveryPriceVersionWithTheValidityRatingUses() {
        TestHttp.Response page = ops.get(MODEL + "/prices?offeringId=" + offering + "&limit=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        JsonNode first = page.json().get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("validTo").asString()).isEqualTo(change.toString());
        assertThat(first.get("offeringRetiredAt").isNull()).isFalse();
        JsonNode announced = page.json().get(1);
        assertThat(announced.get("version").asInt()).isEqualTo(2);
        assertThat(announced.get("superseded").asBoolean()).isTrue();
        assertThat(announced.get("notRated").asString()).contains("superseded");

        JsonNode last = ops.get(MODEL + "/prices?offeringId=" + offering + "&offset=2").json().get(0);
        assertThat(last.get("version").asInt()).isEqualTo(3);
        assertThat(last.get("validTo").isNull()).isTrue();
    }

    @Test
    void listsAPartnersAgreementVersionsWithTheirEnd() {
        TestHttp.Response page = ops.get(MODEL + "/agreements?partnerId=" + partner);

        assertThat(page.status()).isEqualTo(200);
        JsonNode agreement = page.json().get(0);
        assertThat(agreement.get("businessModel").asString()).isEqualTo("SELL_THROUGH");
        assertThat(agreement.get("validFrom").asString()).isEqualTo(T0.toString());
        assertThat(agreement.get("validTo").asString()).isEqualTo(change.toString());
        assertThat(agreement.get("endReason").asString()).isEqualTo("TERMINATED");
        assertThat(agreement.get("terms").get("revenueShares").get(0).get("partnerSharePercent").asString())
                .isEqualTo("35");
    }

    @Test
    void aMissingOrOverlongKeyIsAProblemNamingTheField() {
        for (String path : List.of("/products", "/prices", "/agreements")) {
            TestHttp.Response missing = ops.get(MODEL + path);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.contentType()).startsWith("application/problem+json");
        }
        assertThat(ops.get(MODEL + "/products").body()).contains("subscriber");
        assertThat(ops.get(MODEL + "/prices?offeringId=%20").body()).contains("offeringId");
        assertThat(ops.get(MODEL + "/agreements?partnerId=" + "x".repeat(201)).status()).isEqualTo(400);
        assertThat(ops.get(MODEL + "/prices?offeringId=" + offering + "&limit=0").status()).isEqualTo(400);
    }

    @Test
    void aPartnerIdThatIsNotAUuidIsAProblemNamingIt() {
        TestHttp.Response malformed = ops.get(MODEL + "/agreements?partnerId=abc");

        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("violations").get(0).get("field").asString()).isEqualTo("partnerId");
        assertThat(ops.get(MODEL + "/agreements?partnerId=" + partner.toUpperCase()).json())
                .as("any spelling of the UUID").hasSize(1);
    }

    @Test
    void anOfferingIdThatIsNotAUuidIsAProblemNamingIt() {
        TestHttp.Response malformed = ops.get(MODEL + "/prices?offeringId=abc");

        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("violations").get(0).get("field").asString()).isEqualTo("offeringId");
        assertThat(ops.get(MODEL + "/prices?offeringId=" + offering.toUpperCase()).json())
                .as("any spelling of the UUID").hasSize(3);
    }

    @Test
    void theApiDocumentMarksTheKeysRequired() {
        JsonNode paths = TestHttp.localPort(port).get("/v3/api-docs").json().path("paths");

        for (String[] key : new String[][] {{"/products", "subscriber"}, {"/prices", "offeringId"},
                {"/agreements", "partnerId"}}) {
            JsonNode parameters = paths.path(MODEL + key[0]).path("get").path("parameters");
            JsonNode parameter = java.util.stream.StreamSupport.stream(parameters.spliterator(), false)
                    .filter(p -> p.path("name").asString().equals(key[1])).findFirst().orElseThrow();
            assertThat(parameter.path("required").asBoolean()).as(parameter.toString()).isTrue();
        }
    }

    @Test
    void onlyStaffMayRead() {
        TestHttp partnerAdmin = TestHttp.localPort(port).as(TestJwt.partner("pat", partner, Roles.PARTNER_ADMIN));
        assertThat(partnerAdmin.get(MODEL).status()).isEqualTo(403);
        assertThat(partnerAdmin.get(MODEL + "/agreements?partnerId=" + partner).status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).get(MODEL).status()).isEqualTo(401);
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("ari", Roles.AUDITOR)).get(MODEL).status())
                .isEqualTo(200);
    }
}
