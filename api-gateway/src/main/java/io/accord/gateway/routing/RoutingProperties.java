package io.accord.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services live and how long the gateway waits for them, under {@code accord.gateway}.
 *
 * @param backends base URI of each service (the request path is forwarded unchanged)
 * @param timeouts connect and response timeouts applied to every route and to each service's part of the
 *                 cross-service audit query; bulk writes and uploads wait longer
 */
@ConfigurationProperties("accord.gateway")
record RoutingProperties(@DefaultValue Backends backends, @DefaultValue Timeouts timeouts) {

    record Backends(
            @DefaultValue("http://localhost:8081") URI onboarding,
            @DefaultValue("http://localhost:8082") URI catalog,
            @DefaultValue("http://localhost:8083") URI orchestration,
            @DefaultValue("http://localhost:8084") URI rating,
            @DefaultValue("http://localhost:8085") URI settlement,
            @DefaultValue("http://localhost:8086") URI dispute) {

        URI of(Service service) {
            return switch (service) {
                case ONBOARDING -> onboarding;
                case CATALOG -> catalog;
                case ORCHESTRATION -> orchestration;
                case RATING -> rating;
                case SETTLEMENT -> settlement;
                case DISPUTE -> dispute;
            };
        }
    }

    /**
     * @param connect      how long opening a connection to a backend may take; past it the caller gets 503
     * @param response     how long a backend may take to start answering; past it the caller gets 504
     * @param bulkResponse the same for bulk writes and uploads ({@link Service#bulkPaths()}): a 10,000-record
     *                     usage batch or a large import may take longer than {@code response} under load, and a 504
     *                     for a request the service then commits makes the caller guess
     */
    record Timeouts(@DefaultValue("2s") Duration connect, @DefaultValue("30s") Duration response,
                    @DefaultValue("120s") Duration bulkResponse) {
    }
}
