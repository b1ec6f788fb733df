package io.accord.platform.hub;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Callers of the test hubs and a way to publish {@link TmfEvent}s the way a service does: in a transaction. */
final class HubFixture {

    final UUID partnerA = UUID.randomUUID();
    final UUID partnerB = UUID.randomUUID();
    final TestHttp adminA;
    final TestHttp adminB;
    final TestHttp userA;
    final TestHttp ops;
    final TestHttp auditor;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    HubFixture(int port, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        TestHttp http = TestHttp.localPort(port);
        this.adminA = http.as(TestJwt.partner("admin-a", partnerA.toString(), Roles.PARTNER_ADMIN));
        this.adminB = http.as(TestJwt.partner("admin-b", partnerB.toString(), Roles.PARTNER_ADMIN));
        this.userA = http.as(TestJwt.partner("user-a", partnerA.toString(), Roles.PARTNER_USER));
        this.ops = http.as(TestJwt.staff("olga-ops", Roles.OPS));
        this.auditor = http.as(TestJwt.staff("audrey", Roles.AUDITOR));
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Registers a callback on {@code api}'s hub and returns the 201 answer's body. */
    static JsonNode register(TestHttp caller, String api, String callback, String query) {
        String body = query == null ? "{\"callback\":\"" + callback + "\"}"
                : "{\"callback\":\"" + callback + "\",\"query\":\"" + query + "\"}";
        TestHttp.Response created = caller.post(api + "/hub", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Publishes an offering event in a committed transaction; returns the offering's id. */
    String publishOffering(String eventType, Set<UUID> visibleTo, boolean visibleToAll) {
        String id = UUID.randomUUID().toString();
        publish(new TmfEvent(eventType, "productOffering", Map.of("id", id, "name", "Offer " + id), visibleTo,
                visibleToAll));
        return id;
    }

    void publish(TmfEvent event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Publishes in a transaction that then rolls back. */
    void publishAndRollBack(TmfEvent event) {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(event);
            status.setRollbackOnly();
        });
    }

    /** The offering ids a callback received, in order. */
    static java.util.List<String> offeringIds(CallbackServer server) {
        return server.received().stream()
                .map(request -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.text())
                        .path("event").path("productOffering").path("id").asString())
                .toList();
    }
}
