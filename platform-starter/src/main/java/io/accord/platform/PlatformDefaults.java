package io.accord.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults every service shares, added with the lowest precedence so a service's application.yml or the
 * environment can still override each one. Keeps the services' own configuration short.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    /** The latency buckets of {@code http.server.requests}; the gateway's application.yml has the same. */
    static final String HTTP_LATENCY_BUCKETS = "25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,30s";

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.jpa.open-in-view", "false"),
            Map.entry("spring.jpa.hibernate.ddl-auto", "validate"),
            Map.entry("spring.flyway.baseline-on-migrate", "true"),
            Map.entry("spring.flyway.baseline-version", "0"),
            Map.entry("spring.datasource.hikari.maximum-pool-size", "8"),
            Map.entry("spring.datasource.hikari.minimum-idle", "1"),
            // well below the gateway's 30 s response timeout: a database that cannot be reached is answered by
            // the service (503 with Retry-After, ProblemExceptionHandler) rather than by the gateway (504)
            Map.entry("spring.datasource.hikari.connection-timeout", "10000"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"),
            Map.entry("spring.kafka.producer.acks", "all"),
            // a stopped broker must fail a publish quickly so the outbox relay can back off and retry
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.max.block.ms", "5000"),
            Map.entry("spring.kafka.producer.properties.request.timeout.ms", "5000"),
            Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "9000"),
            Map.entry("spring.kafka.listener.missing-topics-fatal", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "when-authorized"),
            Map.entry("management.endpoint.health.roles", "platform-admin,ops"),
            // latency as a Prometheus histogram (http_server_requests_seconds_bucket, for histogram_quantile and SLOs
            // across replicas) with these ten buckets only: Micrometer's percentiles-histogram would add about 70 per
            // uri, method and status (docs/deploy-kubernetes.md, "Observability")
            Map.entry("management.metrics.distribution.slo.http.server.requests", HTTP_LATENCY_BUCKETS),
            Map.entry("springdoc.swagger-ui.path", "/swagger-ui.html"),
            // answers are JSON (not */*); error answers are the starter's documented problems, not the advice's
            Map.entry("springdoc.default-produces-media-type", "application/json"),
            Map.entry("springdoc.override-with-generic-response", "false"),
            // the container's error page is no API operation
            Map.entry("springdoc.paths-to-exclude", "/error"),
            Map.entry("server.shutdown", "graceful"),
            // Tomcat's 512 bytes refused a multipart file name of about 400 characters (150 in CJK scripts) as "too
            // large"; the services bound and clean file names themselves, with a clear answer
            Map.entry("server.tomcat.max-part-header-size", "4KB"),
            Map.entry("logging.pattern.correlation", "[%X{correlationId:-}] "),
            Map.entry("logging.include-application-name", "false"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("accordPlatformDefaults", DEFAULTS));
    }
}
