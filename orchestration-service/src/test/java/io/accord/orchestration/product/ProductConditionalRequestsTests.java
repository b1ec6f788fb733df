package io.accord.orchestration.product;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF637 products answer an ETag and PATCH honours If-Match: of two operators acting on what they read, the second
 * no longer ends or resumes a line the first has changed meanwhile.
 */
@AccordServiceTest
class ProductConditionalRequestsTests {

    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product";

    @LocalServerPort
    int port;
    private final TestProducts test;
    private final JdbcClient jdbc;

    ProductConditionalRequestsTests(Products products, SellableOfferings offerings, JdbcClient jdbc) {
        this.test = new TestProducts(offerings, products, jdbc);
        this.jdbc = jdbc;
    }

    @Test
    void theSecondOfTwoOperatorsPatchingTheSameVersionGets412AndChangesNothing() {
        ProductView product = test.active(test.offering(null, List.of()), UUID.randomUUID());
        String path = PRODUCTS + "/" + product.id();
        TestHttp anna = staff("ops-anna");
        TestHttp ben = staff("ops-ben");
        TestHttp.Response readByAnna = anna.get(path);
        TestHttp.Response readByBen = ben.get(path);
        assertThat(readByBen.header("ETag")).isEqualTo(readByAnna.header("ETag")).isNotBlank();

        TestHttp.Response annas = anna.header("If-Match", readByAnna.header("ETag"))
                .patch(path, "{\"status\": \"suspended\", \"statusReason\": \"fraud check\"}");
        int events = test.events(product.id()).size();
        long audited = audited(product.id());
        TestHttp.Response bens = ben.header("If-Match", readByBen.header("ETag"))
                .patch(path, "{\"status\": \"terminated\"}");

        String applied = assertFirstAppliedOthersRefused(readByAnna.header("ETag"), annas, bens);
        TestHttp.Response now = ben.get(path);
        assertThat(now.json().get("status").asString()).isEqualTo("suspended");
        assertThat(now.header("ETag")).isEqualTo(applied);
        assertThat(test.events(product.id())).hasSize(events);
        assertThat(audited(product.id())).isEqualTo(audited);
        TestHttp.Response resumed = ben.header("If-Match", now.header("ETag")).patch(path, "{\"status\": \"active\"}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.header("ETag")).isEqualTo(anna.get(path).header("ETag"));
    }

    @Test
    void aGetAnswers304WhileUnchangedAndTheBuyerPatchesWithIfMatchWhileOthersFindNothing() {
        UUID buyer = UUID.randomUUID();
        ProductView product = test.active(test.offering(null, List.of()), buyer);
        String path = PRODUCTS + "/" + product.id();
        TestHttp reseller = TestHttp.localPort(port).as(TestJwt.partner("reseller-etag", buyer.toString(),
                Roles.PARTNER_ADMIN));
        String etag = reseller.get(path).header("ETag");

        assertNotModified(reseller.header("If-None-Match", etag).get(path));
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("other-etag", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        assertThat(other.header("If-Match", etag).patch(path, "{\"status\": \"suspended\"}").status())
                .isEqualTo(404);
        assertMalformedIfMatch(reseller.header("If-Match", "7").patch(path, "{\"status\": \"suspended\"}"));
        assertThat(reseller.get(path).header("ETag")).as("refused patches change nothing").isEqualTo(etag);

        TestHttp.Response suspended = reseller.header("If-Match", etag).patch(path, "{\"status\": \"suspended\"}");

        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(reseller.header("If-None-Match", etag).get(path).status()).isEqualTo(200);
    }

    private TestHttp staff(String user) {
        return TestHttp.localPort(port).as(TestJwt.staff(user, Roles.OPS));
    }

    private long audited(UUID product) {
        return jdbc.sql("select count(*) from audit_event where resource_type = 'product' and resource_id = :id")
                .param("id", product.toString()).query(Long.class).single();
    }
}
