package io.accord.gateway.cors;

import io.accord.gateway.correlation.CorrelationId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * CORS for the portal, applied by Spring Security before any token check so preflights need no token. Services
 * behind the gateway must not add CORS headers of their own.
 */
@Configuration(proxyBeanMethods = false)
class PortalCorsConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.addAllowedHeader("*");
        cors.setExposedHeaders(List.of(CorrelationId.HEADER, "X-Total-Count", "X-Result-Count", "X-Partial-Result",
                "Idempotency-Replayed",
                HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG));
        cors.setAllowCredentials(true);
        cors.setMaxAge(properties.maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
