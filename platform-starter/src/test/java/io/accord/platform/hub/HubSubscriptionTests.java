package io.accord.platform.hub;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.accord.platform.hub.HubTestApplication.CATALOG;
import static io.accord.platform.hub.HubTestApplication.ORDERING;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering, reading, listing and deleting hub subscriptions: roles, tenancy, validation, audit. */
@HubTestApplication.Test
class HubSubscriptionTests {

    private static final String CALLBACK = "https://partner.example.invalid/tmf/listener";

    private final HubFixture hub;
    private final JdbcClient jdbc;
    private final int port;

    HubSubscriptionTests(@LocalServerPort int port, ApplicationEventPublisher events,
                         PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.hub = new HubFixture(port, events, transactionManager);
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void aPartnerAdminRegistersAndSeesTheSecretOnlyOnce() {
        TestHttp.Response created = hub.adminA.post(CATALOG + "/hub", """
                {"callback": "https://partner.example.invalid/tmf/listener",
                 "query": "eventType=ProductOfferingCreateEvent,ProductOfferingStateChangeEvent"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(CATALOG + "/hub/" + id).isEqualTo(body.get("href").asString());
        assertThat(body.get("callback").asString()).isEqualTo(CALLBACK);
        assertThat(body.get("query").asString())
                .isEqualTo("eventType=ProductOfferingCreateEvent,ProductOfferingStateChangeEvent");
        assertThat(body.get("secret").asString()).hasSize(43);
        assertThat(body.get("status").asString()).isEqualTo("active");
        assertThat(body.get("consecutiveFailures").asInt()).isZero();
        assertThat(body.get("partnerId").asString()).isEqualTo(hub.partnerA.toString());

        TestHttp.Response read = hub.adminA.get(CATALOG + "/hub/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.json().get("callback").asString()).isEqualTo(CALLBACK);
        assertThat(hub.ops.get(CATALOG + "/hub/" + id).status()).isEqualTo(200);
        assertThat(hub.auditor.get(CATALOG + "/hub/" + id).status()).isEqualTo(200);
        String audited = jdbc.sql("""
                        select after_state::text from audit_event
                        where resource_id = :id and action = 'hub-subscription-registered'""")
                .param("id", id).query(String.class).single();
        assertThat(audited).contains(CALLBACK).doesNotContain(body.get("secret").asString());
    }

    @Test
    void partnerUsersAndAuditorsMayNotRegisterAndStaffMay() {
        String body = "{\"callback\":\"" + CALLBACK + "\"}";

        assertThat(hub.userA.post(CATALOG + "/hub", body).status()).isEqualTo(403);
        assertThat(hub.userA.get(CATALOG + "/hub").status()).isEqualTo(403);
        assertThat(hub.auditor.post(CATALOG + "/hub", body).status()).isEqualTo(403);
        TestHttp.Response byStaff = TestHttp.localPort(port)
                .as(TestJwt.staff("pm", Roles.PARTNER_MANAGER)).post(CATALOG + "/hub", body);
        assertThat(byStaff.status()).isEqualTo(201);
        assertThat(byStaff.json().path("partnerId").isNull()).isTrue();
        assertThat(TestHttp.localPort(port).post(CATALOG + "/hub", body).status()).isEqualTo(401);
    }

    @Test
    void anotherPartnersSubscriptionAndUnknownIdsOfAnyShapeAre404() {
        String href = HubFixture.register(hub.adminA, CATALOG, CALLBACK, null).get("href").asString();
        String id = href.substring(href.lastIndexOf('/') + 1);

        assertThat(hub.adminB.get(href).status()).isEqualTo(404);
        assertThat(hub.adminB.delete(href).status()).isEqualTo(404);
        assertThat(hub.adminB.post(href + "/enable", "").status()).isEqualTo(404);
        assertThat(hub.adminA.get(ORDERING + "/hub/" + id).status()).isEqualTo(404);
        for (String unknown : new String[]{UUID.randomUUID().toString(), "not-a-uuid", "123", "null"}) {
            TestHttp.Response missing = hub.adminA.get(CATALOG + "/hub/" + unknown);
            assertThat(missing.status()).as(unknown).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
            assertThat(hub.adminA.delete(CATALOG + "/hub/" + unknown).status()).as(unknown).isEqualTo(404);
        }
        assertThat(hub.adminA.get(href).status()).isEqualTo(200);
    }

    @Test
    void badCallbacksAndQueriesAre400NamingTheFieldAndChangeNothing() {
        long before = count();

        assertInvalid("{\"query\":\"eventType=X\"}", "callback");
        assertInvalid("{\"callback\":\"ftp://partner.example.com/x\"}", "callback");
        assertInvalid("{\"callback\":\"http://partner.example.com/x\"}", "callback");
        assertInvalid("{\"callback\":\"/relative/path\"}", "callback");
        assertInvalid("{\"callback\":\"https://user:pw@partner.example.com/x\"}", "callback");
        assertInvalid("{\"callback\":\"https://partner.example.com/x\",\"query\":\"state=active\"}", "query");
        assertInvalid("{\"callback\":\"https://partner.example.com/x\",\"query\":\"eventType=Drop;Table\"}", "query");
        assertThat(hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"" + CALLBACK + "\",\"extra\":1}").status())
                .isEqualTo(400);
        assertThat(hub.adminA.post(CATALOG + "/hub", "{\"callback\":").status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
        assertThat(hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"http://127.0.0.1:9/listener\"}").status())
                .isEqualTo(201);
        assertThat(hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"http://localhost:9/listener\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aPartnerListsOnlyItsOwnAndStaffListEveryone() {
        String ofA = HubFixture.register(hub.adminA, CATALOG, CALLBACK, null).get("id").asString();
        String ofB = HubFixture.register(hub.adminB, CATALOG, CALLBACK, null).get("id").asString();

        TestHttp.Response mine = hub.adminA.get(CATALOG + "/hub?limit=500");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().valueStream().map(node -> node.get("id").asString())).contains(ofA)
                .doesNotContain(ofB);
        assertThat(mine.json().valueStream().map(node -> node.get("partnerId").asString()))
                .containsOnly(hub.partnerA.toString());
        assertThat(mine.header("X-Total-Count")).isEqualTo(mine.header("X-Result-Count"));
        TestHttp.Response all = hub.ops.get(CATALOG + "/hub?limit=1");
        assertThat(all.json().size()).isEqualTo(1);
        assertThat(Long.parseLong(all.header("X-Total-Count"))).isGreaterThanOrEqualTo(2);
        assertThat(hub.ops.get(CATALOG + "/hub?limit=0").status()).isEqualTo(400);
    }

    @Test
    void deletingUnregistersAndIsAudited() {
        String href = HubFixture.register(hub.adminA, CATALOG, CALLBACK, null).get("href").asString();
        String id = href.substring(href.lastIndexOf('/') + 1);

        assertThat(hub.adminA.delete(href).status()).isEqualTo(204);
        assertThat(hub.adminA.get(href).status()).isEqualTo(404);
        assertThat(hub.adminA.delete(href).status()).isEqualTo(404);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where resource_id = :id and action = 'hub-subscription-deleted' and after_state is null""")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameSubscription() {
        TestHttp withKey = hub.adminA.header("Idempotency-Key", UUID.randomUUID().toString());
        String body = "{\"callback\":\"" + CALLBACK + "/idempotent\"}";

        TestHttp.Response first = withKey.post(CATALOG + "/hub", body);
        TestHttp.Response retry = withKey.post(CATALOG + "/hub", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(jdbc.sql("select count(*) from hub_subscription where callback = :callback")
                .param("callback", CALLBACK + "/idempotent").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEventTypeTheApiDoesNotPublishIs400NamingTheQueryAndListingTheTypesItDoes() {
        long before = count();

        TestHttp.Response unknown = hub.adminA.post(CATALOG + "/hub",
                "{\"callback\":\"" + CALLBACK + "\",\"query\":\"eventType=NoSuchEvent\"}");
        TestHttp.Response anotherApis = hub.adminA.post(ORDERING + "/hub",
                "{\"callback\":\"" + CALLBACK + "\",\"query\":\"eventType=ProductOfferingCreateEvent\"}");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("violations").get(0).get("field").asString()).isEqualTo("query");
        assertThat(unknown.json().path("violations").get(0).get("message").asString()).contains("NoSuchEvent")
                .contains("ProductOfferingCreateEvent, ProductOfferingStateChangeEvent");
        assertThat(anotherApis.status()).as(anotherApis.body()).isEqualTo(400);
        assertThat(anotherApis.json().path("violations").get(0).get("message").asString())
                .contains("ProductOrderCreateEvent, ProductOrderStateChangeEvent");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theSameCallbackAndQueryOfTheSameOwnerTwiceIs409NamingTheFirst() {
        String callback = CALLBACK + "/twice-" + UUID.randomUUID();
        String first = HubFixture.register(hub.adminA, CATALOG, callback,
                "eventType=ProductOfferingCreateEvent,ProductOfferingStateChangeEvent").get("id").asString();

        TestHttp.Response again = hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"" + callback + "\","
                + "\"query\":\"eventType=ProductOfferingStateChangeEvent&eventType=ProductOfferingCreateEvent\"}");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains(first);
        assertThat(jdbc.sql("select count(*) from hub_subscription where callback = :callback")
                .param("callback", callback).query(Long.class).single()).isEqualTo(1);
        // not the same: another query, all events, another owner, another API
        HubFixture.register(hub.adminA, CATALOG, callback, "eventType=ProductOfferingCreateEvent");
        HubFixture.register(hub.adminA, CATALOG, callback, null);
        HubFixture.register(hub.adminB, CATALOG, callback,
                "eventType=ProductOfferingCreateEvent,ProductOfferingStateChangeEvent");
        HubFixture.register(hub.adminA, ORDERING, callback, null);
        assertThat(hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"" + callback + "\"}").status())
                .isEqualTo(409);
        String ofStaff = HubFixture.register(hub.ops, CATALOG, callback, null).get("id").asString();
        TestHttp.Response staffAgain = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER))
                .post(CATALOG + "/hub", "{\"callback\":\"" + callback + "\"}");
        assertThat(staffAgain.status()).as("staff subscriptions are one owner").isEqualTo(409);
        assertThat(staffAgain.json().get("detail").asString()).contains(ofStaff);
    }

    @Test
    void aPartnerHasAtMostTheConfiguredNumberOfSubscriptionsPerApi() {
        String callback = CALLBACK + "/many-" + UUID.randomUUID() + "/";
        java.util.List<String> hrefs = new java.util.ArrayList<>();
        for (int i = 0; i < HubTestApplication.MAX_PER_PARTNER; i++) {
            hrefs.add(HubFixture.register(hub.adminA, CATALOG, callback + i, null).get("href").asString());
        }

        TestHttp.Response oneTooMany = hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"" + callback + "x\"}");

        assertThat(oneTooMany.status()).as(oneTooMany.body()).isEqualTo(409);
        assertThat(oneTooMany.contentType()).startsWith("application/problem+json");
        assertThat(oneTooMany.json().get("detail").asString())
                .contains(HubTestApplication.MAX_PER_PARTNER + " subscriptions on this API");
        HubFixture.register(hub.adminA, ORDERING, callback + "x", null);
        HubFixture.register(hub.adminB, CATALOG, callback + "x", null);
        HubFixture.register(hub.ops, CATALOG, callback + "x", null);
        assertThat(hub.adminA.delete(hrefs.getFirst()).status()).isEqualTo(204);
        HubFixture.register(hub.adminA, CATALOG, callback + "x", null);
    }

    private void assertInvalid(String body, String field) {
        TestHttp.Response response = hub.adminA.post(CATALOG + "/hub", body);
        assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("violations").valueStream().map(violation -> violation.get("field").asString()))
                .as(response.body()).contains(field);
    }

    private long count() {
        return jdbc.sql("select count(*) from hub_subscription").query(Long.class).single();
    }
}
