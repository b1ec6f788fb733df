package io.accord.gateway.routing;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One route per service for its API and TMF paths (forwarded unchanged, the Authorization header included, so
 * the services see the caller's token), and one per service for its OpenAPI document under
 * {@code /docs/<service>/v3/api-docs}, listed in the gateway's Swagger UI. Bulk writes and uploads have a route of
 * their own with the longer {@code bulk-response} timeout.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    RouteLocator accordRoutes(RouteLocatorBuilder builder, RoutingProperties properties, JsonMapper jsonMapper) {
        RoutingProperties.Timeouts limits = properties.timeouts();
        Map<String, Object> timeouts = timeouts(limits.connect(), limits.response());
        Map<String, Object> bulkTimeouts = timeouts(limits.connect(), limits.bulkResponse());
        ApiDocsServerRewrite docsRewrite = new ApiDocsServerRewrite(jsonMapper);
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Service service : Service.values()) {
            var backend = properties.backends().of(service);
            if (!service.bulkPaths().isEmpty()) {
                // ahead of the service's route, whose paths include these
                routes.route(service.id() + "-bulk", route -> route
                        .order(-1)
                        .path(service.bulkPaths().toArray(String[]::new))
                        .metadata(bulkTimeouts)
                        .uri(backend));
            }
            routes.route(service.id(), route -> route
                    .path(service.paths().toArray(String[]::new))
                    .metadata(timeouts)
                    .uri(backend));
            routes.route(service.id() + "-docs", route -> route
                    .path(service.docsPath())
                    .filters(filters -> filters
                            .setPath("/v3/api-docs")
                            .modifyResponseBody(String.class, String.class, docsRewrite))
                    .metadata(timeouts)
                    .uri(backend));
        }
        return routes.build();
    }

    private static Map<String, Object> timeouts(Duration connect, Duration response) {
        return Map.of(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, Math.toIntExact(connect.toMillis()),
                RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, response.toMillis());
    }

    /**
     * Lists every service's document in the Swagger UI at {@code /swagger-ui.html}, and the gateway's own (its
     * cross-service audit query).
     */
    @Bean
    SmartInitializingSingleton swaggerUiServiceDocs(ObjectProvider<SwaggerUiConfigProperties> swaggerUi) {
        return () -> swaggerUi.ifAvailable(ui -> ui.setUrls(Stream.concat(
                        Arrays.stream(Service.values())
                                .map(service -> new SwaggerUrl(service.id(), service.docsPath(), service.id())),
                        Stream.of(new SwaggerUrl("gateway", "/v3/api-docs", "gateway")))
                .collect(Collectors.toCollection(LinkedHashSet::new))));
    }
}
