package io.accord.orchestration.quote;

import io.accord.contracts.Roles;
import io.accord.contracts.value.Money;
import io.accord.orchestration.offering.CatalogEvents;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a quote tells others: TMF648 hub notifications to the buyer's subscriptions, QuoteAccepted for orders. */
@AccordServiceTest
class QuoteEventsTests {

    private static final String API = "/tmf-api/quoteManagement/v4";
    private static final String PATCH = "application/merge-patch+json";

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final AcceptedQuotes accepted;
    private final JdbcClient jdbc;

    QuoteEventsTests(SellableOfferings offerings, AcceptedQuotes accepted, JdbcClient jdbc) {
        this.offerings = offerings;
        this.accepted = accepted;
        this.jdbc = jdbc;
    }

    @Test
    void theBuyersHubSubscriptionIsNotifiedAndAcceptanceHandsTheLockedAmountsToOrders() {
        String partner = UUID.randomUUID().toString();
        PartnerEvents.activated(partner, "Hub Reseller");
        TestHttp buyer = TestHttp.localPort(port).as(TestJwt.partner("buyer", partner, Roles.PARTNER_ADMIN));
        TestHttp stranger = TestHttp.localPort(port)
                .as(TestJwt.partner("stranger", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        String mine = subscribe(buyer);
        String theirs = subscribe(stranger);
        String offering = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.launched(offering, null, "Licence", List.of(),
                List.of(CatalogEvents.price("yearly", 1, "RECURRING", "120", Instant.EPOCH, null),
                        CatalogEvents.price("setup", 1, "ONE_TIME", "10", Instant.EPOCH, null))), 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> offerings.find(offering).isPresent());

        TestHttp.Response created = buyer.post(API + "/quote", """
                {"relatedParty": [{"id": "subscriber-9", "role": "Customer"}],
                 "quoteItem": [{"id": "a", "quantity": 3, "productOffering": {"id": "%s"}}]}
                """.formatted(offering));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        buyer.send("PATCH", API + "/quote/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(buyer.send("PATCH", API + "/quote/" + id, "{\"state\": \"accepted\"}", PATCH).status())
                .isEqualTo(200);

        assertThat(eventsFor(mine, id)).containsExactly("QuoteCreateEvent", "QuoteStateChangeEvent",
                "QuoteStateChangeEvent");
        assertThat(eventsFor(theirs, id)).isEmpty();
        QuoteAccepted event = accepted.of(UUID.fromString(id)).orElseThrow();
        assertThat(event.buyerPartnerId()).hasToString(partner);
        assertThat(event.customerId()).isEqualTo("subscriber-9");
        assertThat(event.items().getFirst().lockedPrices()).extracting(QuoteAccepted.LockedPrice::amount)
                .containsExactlyInAnyOrder(Money.of("360", "EUR"), Money.of("30", "EUR"));
    }

    private String subscribe(TestHttp http) {
        TestHttp.Response registered = http.post(API + "/hub",
                "{\"callback\": \"http://localhost:9/quotes\", \"query\": \"eventType=QuoteCreateEvent,"
                        + "QuoteStateChangeEvent\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private List<String> eventsFor(String subscription, String quoteId) {
        return jdbc.sql("""
                        select e.event_type from hub_delivery d join hub_event e on e.id = d.event_id
                        where d.subscription_id = :subscription and e.payload like :quote order by d.seq
                        """)
                .param("subscription", UUID.fromString(subscription)).param("quote", "%" + quoteId + "%")
                .query(String.class).list();
    }
}
