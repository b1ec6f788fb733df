package io.accord.gateway.cors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which browser origins (the self-care portal, the ops console) may call the API, under {@code accord.gateway.cors}.
 *
 * @param allowedOrigins exact origins, e.g. {@code https://portal.accord.example}
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("accord.gateway.cors")
record CorsProperties(
        @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {
}
