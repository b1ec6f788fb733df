package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF622 product orders answer an ETag, which also moves as their items are fulfilled, and PATCH honours If-Match:
 * two users of a buyer editing the same order no longer overwrite each other.
 */
@AccordServiceTest
class OrderConditionalRequestsTests {

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;
    private TestOrders orders;
    private TestHttp anna;
    private TestHttp ben;
    private String owner;
    private String offering;

    OrderConditionalRequestsTests(SellableOfferings offerings, JdbcClient jdbc) {
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void buyers() {
        orders = new TestOrders(port, offerings, jdbc);
        String partner = orders.activePartner();
        anna = orders.partnerAdmin(partner);
        ben = TestHttp.localPort(port).as(TestJwt.partner("ben-" + partner, partner, Roles.PARTNER_USER));
        owner = orders.activePartner();
        offering = orders.offering(owner, List.of(), true, List.of(partner));
    }

    @Test
    void theSecondOfTwoUsersPatchingTheSameVersionGets412AndChangesNothing() {
        String order = openOrder().header("Location");
        TestHttp.Response readByAnna = anna.get(order);
        TestHttp.Response readByBen = ben.get(order);
        assertThat(readByBen.header("ETag")).isEqualTo(readByAnna.header("ETag")).isNotBlank();

        TestHttp.Response annas = anna.header("If-Match", readByAnna.header("ETag"))
                .patch(order, "{\"description\": \"Anna's\"}");
        long audited = audited(order);
        TestHttp.Response bens = ben.header("If-Match", readByBen.header("ETag"))
                .patch(order, "{\"description\": \"Ben's\", \"note\": [{\"text\": \"from Ben\"}]}");

        String applied = assertFirstAppliedOthersRefused(readByAnna.header("ETag"), annas, bens);
        TestHttp.Response now = ben.get(order);
        assertThat(now.json().get("description").asString()).isEqualTo("Anna's");
        assertThat(now.json().get("note")).isEmpty();
        assertThat(now.header("ETag")).isEqualTo(applied);
        assertThat(audited(order)).isEqualTo(audited);
        TestHttp.Response again = ben.header("If-Match", now.header("ETag")).patch(order, "{\"description\": \"Ben's\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(anna.get(order).header("ETag"));
    }

    @Test
    void theETagMovesAsTheItemsAreFulfilledAndAGetAnswers304WhileUnchanged() {
        TestHttp.Response created = openOrder();
        String order = created.header("Location");
        assertThat(created.header("ETag")).isNotBlank();
        // the order's fulfilment started since (acknowledged → inProgress): the order the POST answered is not current
        TestHttp.Response started = anna.header("If-None-Match", created.header("ETag")).get(order);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isNotEqualTo(created.header("ETag"));

        assertNotModified(anna.header("If-None-Match", started.header("ETag")).get(order));
    }

    /** A cancellation names the order it cancels as read: changed since, 412 and nothing is cancelled. */
    @Test
    void aCancellationFromAStalePageOfTheOrderIsA412AndCancelsNothing() {
        String order = openOrder().header("Location");
        String id = order.substring(order.lastIndexOf('/') + 1);
        String readByBen = ben.get(order).header("ETag");
        TestHttp.Response annas = anna.header("If-Match", readByBen).patch(order, "{\"description\": \"keep it\"}");
        assertThat(annas.status()).as(annas.body()).isEqualTo(200);
        String cancel = """
                {"productOrder": {"id": "%s"}, "cancellationReason": "from an old page"}""".formatted(id);

        TestHttp.Response stale = ben.header("If-Match", readByBen).post(TestOrders.CANCELS, cancel);

        assertPreconditionFailed(stale, annas.header("ETag"));
        TestHttp.Response now = anna.get(order);
        assertThat(now.json().get("state").asString()).isEqualTo("inProgress");
        assertThat(now.header("ETag")).isEqualTo(annas.header("ETag"));
        assertThat(anna.get(TestOrders.CANCELS).json().toString()).doesNotContain(id);
        TestHttp.Response current = ben.header("If-Match", annas.header("ETag")).post(TestOrders.CANCELS, cancel);
        assertThat(current.status()).as(current.body()).isEqualTo(201);
    }

    @Test
    void aMalformedIfMatchIsA400NamingItAndAnotherPartnerStillFindsNothing() {
        String order = openOrder().header("Location");
        String etag = anna.get(order).header("ETag");

        assertMalformedIfMatch(anna.header("If-Match", "W/").patch(order, "{\"description\": \"x\"}"));

        assertThat(anna.get(order).json().has("description")).isFalse();
        TestHttp other = orders.partnerAdmin(orders.activePartner());
        assertThat(other.header("If-Match", etag).patch(order, "{\"description\": \"x\"}").status()).isEqualTo(404);
    }

    /**
     * An order that stays open, and unchanged once in progress: the owner's partner system cannot be reached, and
     * its activation step is retried with backoff. Answers the POST's answer, once the order is in progress.
     */
    private TestHttp.Response openOrder() {
        orders.registerWebhook(owner, "http://127.0.0.1:9/never");
        TestHttp.Response created = anna.post(TestOrders.ORDERS, TestOrders.order("customer-etag", null, offering));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        orders.awaitState(anna, created.json().get("id").asString(), "inProgress");
        return created;
    }

    private long audited(String order) {
        return jdbc.sql("select count(*) from audit_event where resource_type = 'productOrder' and resource_id = :id")
                .param("id", order.substring(order.lastIndexOf('/') + 1)).query(Long.class).single();
    }
}
