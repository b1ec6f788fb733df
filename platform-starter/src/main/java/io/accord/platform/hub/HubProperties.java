package io.accord.platform.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The TMF event hub, under {@code accord.platform.hub}. Off (no endpoints, no relay) until at least one API is
 * listed; then {@code POST <basePath>/hub} and friends exist for each of them.
 *
 * <pre>
 * accord.platform.hub.apis:
 *   - base-path: /tmf-api/productOrderingManagement/v4
 *     resources: productOrder          # the TmfEvent.resourceName()s this hub carries; none listed: all
 *     event-types: ProductOrderCreateEvent, ProductOrderStateChangeEvent   # what a query may ask for
 * </pre>
 *
 * @param apis            the TMF APIs the service serves a hub under
 * @param pollInterval    how often the relay looks for due deliveries
 * @param batchSize       subscriptions one relay pass claims (each then gets up to {@link #PER_TURN} deliveries)
 * @param connectTimeout  connecting to a callback
 * @param requestTimeout  the rest of one delivery: sending the body until the answer's status is read
 * @param maxAttempts     failed attempts after which one delivery is dead (given up; the next one goes on)
 * @param firstBackoff    the wait after a subscription's first consecutive failure, doubled after each further one
 * @param maxBackoff      the longest wait between two attempts
 * @param disableAfter    consecutive failed attempts (across deliveries) after which a subscription is disabled
 * @param retention       how long delivered and dead deliveries stay for diagnosis before cleanup deletes them
 * @param cleanupInterval how often cleanup runs (one replica at a time)
 * @param quietFor        how long this process trusts having found no active subscription of an API (no
 *                        round trip per transaction while nobody subscribed): a registration or re-enabling on this
 *                        replica ends it at once; one on another replica is seen within this time, so events there in
 *                        that time reach no subscriber. {@code 0} (the default): ask in every transaction
 * @param maxSubscriptionsPerPartner subscriptions one partner may have on one API (active or disabled); staff's are
 *                        not counted
 */
@ConfigurationProperties("accord.platform.hub")
public record HubProperties(
        @DefaultValue List<Api> apis,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("5s") Duration firstBackoff,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("20") int disableAfter,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("0s") Duration quietFor,
        @DefaultValue("20") int maxSubscriptionsPerPartner) {

    /** Deliveries one subscription gets per relay pass: bounds how long a relay holds its lease. */
    public static final int PER_TURN = 10;

    public HubProperties {
        apis = List.copyOf(apis);
        if (batchSize < 1 || maxAttempts < 1 || disableAfter < 1 || maxSubscriptionsPerPartner < 1) {
            throw new IllegalArgumentException("accord.platform.hub: batch-size, max-attempts, disable-after and "
                    + "max-subscriptions-per-partner must be 1 or more");
        }
    }

    /** Whether any hub is served. */
    public boolean enabled() {
        return !apis.isEmpty();
    }

    /** The configured API of a base path. */
    public Optional<Api> api(String basePath) {
        return apis.stream().filter(api -> api.basePath().equals(basePath)).findFirst();
    }

    /** The base paths whose hub carries events about {@code resourceName}. */
    public List<String> basePathsCarrying(String resourceName) {
        return apis.stream().filter(api -> api.carries(resourceName)).map(Api::basePath).toList();
    }

    /**
     * The lease a relay takes on a subscription: long enough for a whole turn of deliveries that all time out, so
     * no other relay can deliver to it meanwhile.
     */
    public Duration lease() {
        return connectTimeout.plus(requestTimeout).multipliedBy(PER_TURN).plusSeconds(30);
    }

    /**
     * @param basePath   e.g. {@code /tmf-api/productCatalogManagement/v4}: the hub is {@code <basePath>/hub}
     * @param resources  the resource names ({@link TmfEvent#resourceName()}) of the events this hub carries; empty:
     *                   every event the service publishes
     * @param eventTypes the event types ({@link TmfEvent#eventType()}) this hub publishes: a subscription's query
     *                   may ask only for these (400 naming {@code query} and listing them otherwise), and the API
     *                   docs' example and description show them. Empty: not declared, any well-formed type is
     *                   accepted (a WARN at startup says so)
     */
    public record Api(String basePath, @DefaultValue List<String> resources, @DefaultValue List<String> eventTypes) {

        public Api {
            if (basePath == null || !basePath.matches("(/[A-Za-z0-9._~-]+)+")) {
                throw new IllegalArgumentException("accord.platform.hub.apis[].base-path must be a path like "
                        + "/tmf-api/productCatalogManagement/v4, got " + basePath);
            }
            resources = List.copyOf(resources);
            eventTypes = eventTypes.stream().map(String::trim).distinct().toList();
            for (String type : eventTypes) {
                if (!EventQuery.isTypeName(type)) {
                    throw new IllegalArgumentException("accord.platform.hub.apis[].event-types of " + basePath
                            + ": '" + type + "' is not an event type name (e.g. ProductOrderCreateEvent)");
                }
            }
        }

        boolean carries(String resourceName) {
            return resources.isEmpty() || resources.contains(resourceName);
        }

        /** The API's name in operation ids and tags, e.g. {@code productCatalogManagement}. */
        String name() {
            String[] segments = basePath.substring(1).split("/");
            return segments.length >= 2 && "tmf-api".equals(segments[0]) ? segments[1] : basePath.substring(1);
        }
    }
}
