package io.accord.orchestration.quote;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.CatalogEvents;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TMF648 quotes answer an ETag and honour If-Match, so two users of a buyer working on the same quote no longer
 * overwrite each other, nor approve prices they have not seen; the API documentation lists the 412 of every
 * orchestration PATCH that takes If-Match.
 */
@AccordServiceTest
class QuoteConditionalRequestsTests {

    private static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    private static final Instant PAST = Instant.parse("2026-01-01T00:00:00Z");

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;
    private TestHttp anna;
    private TestHttp ben;

    QuoteConditionalRequestsTests(SellableOfferings offerings, JdbcClient jdbc) {
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void buyers() {
        String partner = UUID.randomUUID().toString();
        PartnerEvents.activated(partner, "S71 ETag reseller " + partner.substring(0, 8));
        anna = TestHttp.localPort(port).as(TestJwt.partner("anna-etag", partner, Roles.PARTNER_ADMIN));
        ben = TestHttp.localPort(port).as(TestJwt.partner("ben-etag", partner, Roles.PARTNER_USER));
    }

    @Test
    void theSecondOfTwoUsersPatchingTheSameVersionGets412AndChangesNothing() {
        String quote = quote();
        TestHttp.Response readByAnna = anna.get(quote);
        TestHttp.Response readByBen = ben.get(quote);
        assertThat(readByBen.header("ETag")).isEqualTo(readByAnna.header("ETag")).isNotBlank();

        TestHttp.Response annas = anna.header("If-Match", readByAnna.header("ETag"))
                .patch(quote, "{\"description\": \"Anna's\"}");
        long audited = audited(quote);
        TestHttp.Response bens = ben.header("If-Match", readByBen.header("ETag"))
                .patch(quote, "{\"description\": \"Ben's\"}");

        String applied = assertFirstAppliedOthersRefused(readByAnna.header("ETag"), annas, bens);
        TestHttp.Response now = ben.get(quote);
        assertThat(now.json().get("description").asString()).isEqualTo("Anna's");
        assertThat(now.header("ETag")).isEqualTo(applied);
        assertThat(audited(quote)).isEqualTo(audited);
        TestHttp.Response again = ben.header("If-Match", now.header("ETag")).patch(quote, "{\"description\": \"Ben's\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(ben.get(quote).header("ETag"));
    }

    @Test
    void anApprovalNamingTheVersionBeforeARepricingIsRefusedAndTheQuoteStaysInProgress() {
        String quote = quote();
        String seen = ben.get(quote).header("ETag");
        TestHttp.Response repriced = anna.header("If-Match", seen).patch(quote, "{\"discountPercent\": \"2\"}");
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        long audited = audited(quote);

        TestHttp.Response approved = ben.header("If-Match", seen).patch(quote, "{\"state\": \"approved\"}");

        assertPreconditionFailed(approved, repriced.header("ETag"));
        assertThat(anna.get(quote).json().get("state").asString()).isEqualTo("inProgress");
        assertThat(audited(quote)).isEqualTo(audited);
        TestHttp.Response current = ben.header("If-Match", repriced.header("ETag"))
                .patch(quote, "{\"state\": \"approved\"}");
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.json().get("state").asString()).isEqualTo("approved");
    }

    @Test
    void aGetAnswers304WithoutABodyWhileTheQuoteIsUnchanged() {
        String quote = quote();
        String etag = anna.get(quote).header("ETag");

        assertNotModified(anna.header("If-None-Match", etag).get(quote));

        anna.patch(quote, "{\"description\": \"changed meanwhile\"}");

        TestHttp.Response changed = anna.header("If-None-Match", etag).get(quote);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("description").asString()).isEqualTo("changed meanwhile");
    }

    @Test
    void aMalformedIfMatchIsA400NamingItAndAnotherPartnerStillFindsNothing() {
        String quote = quote();
        String etag = anna.get(quote).header("ETag");

        assertMalformedIfMatch(anna.header("If-Match", etag.replace("\"", ""))
                .patch(quote, "{\"description\": \"x\"}"));

        assertThat(anna.get(quote).json().has("description")).isFalse();
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("other-etag", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        assertThat(other.header("If-Match", etag).patch(quote, "{\"description\": \"x\"}").status()).isEqualTo(404);
        assertThat(other.header("If-None-Match", etag).get(quote).status()).isEqualTo(404);
    }

    @Test
    void theApiDocumentsIfMatchAndTheA412OnEveryOrchestrationPatch() {
        JsonNode paths = TestHttp.localPort(port).get("/v3/api-docs").json().get("paths");

        for (String path : List.of(QUOTES + "/{id}", "/tmf-api/productOrderingManagement/v4/productOrder/{id}",
                "/tmf-api/productInventory/v4/product/{id}")) {
            JsonNode patch = paths.get(path).get("patch");
            assertThat(patch.get("parameters").valueStream().map(parameter -> parameter.get("in").asString() + " "
                    + parameter.get("name").asString())).as(path).contains("header If-Match");
            assertThat(patch.get("responses").has("412")).as(path).isTrue();
        }
    }

    private String quote() {
        String offering = offering();
        TestHttp.Response created = anna.post(QUOTES, """
                {"relatedParty": [{"id": "customer-etag", "role": "Customer"}],
                 "quoteItem": [{"id": "1", "action": "add", "quantity": 1, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 5}]}}]}
                """.formatted(offering));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(created.header("ETag")).isEqualTo(anna.get(location).header("ETag")).isNotBlank();
        return location;
    }

    private long audited(String quote) {
        return jdbc.sql("select count(*) from audit_event where resource_type = 'quote' and resource_id = :id")
                .param("id", quote.substring(quote.lastIndexOf('/') + 1)).query(Long.class).single();
    }

    /** A launched CSP offering: data volume 1–100 (mandatory), 19.99 a month. */
    private String offering() {
        String id = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.launched(id, null, "S71 ETag SIM", List.of(
                        CatalogEvents.number("dataVolumeGb", "1", "100", true)),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "19.99", PAST, null))), 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> offerings.find(id).isPresent()
                && offerings.sellability(id, Instant.now()).sellable());
        return id;
    }
}
