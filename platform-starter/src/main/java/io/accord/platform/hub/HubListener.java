package io.accord.platform.hub;

import io.accord.platform.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a {@link TmfEvent} into deliveries, synchronously inside the publisher's transaction: the TMF envelope is
 * serialised once ({@code hub_event}) and one {@code hub_delivery} row is written per active subscription of a hub
 * carrying the resource that wants the event type and may see it. A rolled-back change thus notifies nobody, and
 * a committed one is delivered by {@link HubRelay} even if the service stops right after the commit.
 */
class HubListener {

    private static final Logger log = LoggerFactory.getLogger(HubListener.class);

    /** Which subscriptions get an event: active, of a hub carrying it, of the type asked for, allowed to see it. */
    private static final String MATCHING = """
            from hub_subscription s
            where s.status = 'active' and s.api = any(:apis)
              and (s.event_types is null or :type = any(s.event_types))
              and (s.partner_id is null or :everyone or s.partner_id = any(cast(:partners as uuid[])))""";

    /** The transaction resource key of {@link #anySubscriptionIn}'s answers. */
    private static final Object ACTIVE_APIS = new Object();

    /** When this process last found no active subscription of an API set ({@link System#nanoTime}). */
    private final Map<List<String>, Long> quietSince = new ConcurrentHashMap<>();
    /** "api event-type" pairs published though the API does not declare the type, each logged once. */
    private final Set<String> undeclared = ConcurrentHashMap.newKeySet();
    /** Registrations and re-enablings this process began, guarded by {@link #quietSince}. */
    private long changes;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final HubProperties properties;
    private final Clock clock;

    HubListener(JdbcClient jdbc, JsonMapper json, HubProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(TmfEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A TmfEvent must be published in the transaction of the change it "
                    + "announces");
        }
        List<String> apis = properties.basePathsCarrying(event.resourceName());
        warnIfUndeclared(event);
        if (apis.isEmpty() || !anySubscriptionIn(apis) || !anyoneWants(apis, event)) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into hub_event (id, event_type, payload, created_at) values (:id, :type, :payload, :now)")
                .param("id", eventId).param("type", event.eventType())
                .param("payload", json.writeValueAsString(envelope(eventId, now, event)))
                .param("now", Timestamp.from(now))
                .update();
        matching(jdbc.sql("insert into hub_delivery (id, subscription_id, event_id, created_at) "
                        + "select gen_random_uuid(), s.id, :event, :now " + MATCHING + " order by s.id"), apis, event)
                .param("event", eventId).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * A type the hub's API does not declare ({@code event-types}) cannot be asked for in a query: the declaration is
     * out of date. Said once per API and type; subscriptions without a query still get the event.
     */
    private void warnIfUndeclared(TmfEvent event) {
        for (HubProperties.Api api : properties.apis()) {
            if (api.carries(event.resourceName()) && !api.eventTypes().isEmpty()
                    && !api.eventTypes().contains(event.eventType())
                    && undeclared.add(api.basePath() + " " + event.eventType())) {
                log.warn("{} is published on the hub of {}, whose event-types do not list it: subscribers cannot "
                        + "ask for it by eventType; add it to accord.platform.hub.apis[].event-types",
                        event.eventType(), api.basePath());
            }
        }
    }

    /**
     * A subscription of this service is being registered or enabled in the current transaction: what this process
     * knew of quiet APIs is forgotten now and again once that transaction has committed, so that every transaction
     * beginning after the commit asks the database again.
     */
    void subscriptionsChanging() {
        forgetQuiet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetQuiet();
                }
            });
        }
    }

    private void forgetQuiet() {
        synchronized (quietSince) {
            changes++;
            quietSince.clear();
        }
    }

    /**
     * Whether any subscription of these APIs is active, asked once per transaction (a bulk import publishes
     * thousands of events in one), and not at all while this process found none within {@code quiet-for}: most of
     * the time nobody subscribed.
     */
    @SuppressWarnings("unchecked")
    private boolean anySubscriptionIn(List<String> apis) {
        Map<List<String>, Boolean> known = (Map<List<String>, Boolean>) TransactionSynchronizationManager
                .getResource(ACTIVE_APIS);
        if (known == null) {
            known = new HashMap<>();
            TransactionSynchronizationManager.bindResource(ACTIVE_APIS, known);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ACTIVE_APIS);
                }
            });
        }
        return known.computeIfAbsent(apis, this::anyActive);
    }

    private boolean anyActive(List<String> apis) {
        Long quiet = quietSince.get(apis);
        if (quiet != null && System.nanoTime() - quiet < properties.quietFor().toNanos()) {
            return false;
        }
        long changesBefore;
        synchronized (quietSince) {
            changesBefore = changes;
        }
        long askedAt = System.nanoTime();
        boolean any = jdbc.sql(
                        "select exists (select 1 from hub_subscription where api = any(:apis) and status = 'active')")
                .param("apis", apis.toArray(String[]::new)).query(Boolean.class).single();
        synchronized (quietSince) {
            if (any) {
                quietSince.remove(apis);
            } else if (changes == changesBefore) {
                // not when a registration began meanwhile: its commit may have come after this read
                quietSince.put(apis, askedAt);
            }
        }
        return any;
    }

    private boolean anyoneWants(List<String> apis, TmfEvent event) {
        return matching(jdbc.sql("select exists (select 1 " + MATCHING + ")"), apis, event)
                .query(Boolean.class).single();
    }

    private static JdbcClient.StatementSpec matching(JdbcClient.StatementSpec statement, List<String> apis,
                                                      TmfEvent event) {
        return statement.param("apis", apis.toArray(String[]::new))
                .param("type", event.eventType())
                .param("everyone", event.visibleToAllPartners())
                .param("partners", event.visibleToPartners().stream().map(UUID::toString).toArray(String[]::new));
    }

    /** The TMF notification: {@code {eventId, eventTime, eventType, correlationId, event: {<resource>: ...}}}. */
    private static Map<String, Object> envelope(UUID eventId, Instant now, TmfEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventTime", now.toString());
        envelope.put("eventType", event.eventType());
        String correlationId = CorrelationId.currentOrNull();
        if (correlationId != null) {
            envelope.put("correlationId", correlationId);
        }
        envelope.put("event", Map.of(event.resourceName(), event.resolvedResource()));
        return envelope;
    }
}
