package io.accord.platform;

import io.accord.platform.audit.AuditConfiguration;
import io.accord.platform.hub.HubConfiguration;
import io.accord.platform.idempotency.IdempotencyConfiguration;
import io.accord.platform.inbox.InboxConfiguration;
import io.accord.platform.kafka.BatchConsumerConfiguration;
import io.accord.platform.kafka.KafkaHealthConfiguration;
import io.accord.platform.metrics.MetricsConfiguration;
import io.accord.platform.outbox.OutboxConfiguration;
import io.accord.platform.persistence.PersistenceConfiguration;
import io.accord.platform.problem.ContainerProblemsConfiguration;
import io.accord.platform.problem.ProblemExceptionHandler;
import io.accord.platform.problem.ProblemBodies;
import io.accord.platform.problem.ProblemListener;
import io.accord.platform.problem.ProblemWriter;
import io.accord.platform.scheduling.JobItemsConfiguration;
import io.accord.platform.scheduling.SchedulingConfiguration;
import io.accord.platform.security.PlatformSecurityConfiguration;
import io.accord.platform.time.ClockConfiguration;
import io.accord.platform.upload.UploadSpool;
import io.accord.platform.web.BodyBudget;
import io.accord.platform.web.FieldSelection;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.RequestBodyLimit;
import io.accord.platform.web.ResourceLists;
import io.accord.platform.web.WebConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.accord.platform.outbound.OutboundConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

/**
 * Accord's platform: security and tenancy, problem+json, correlation ids, outbox, inbox, audit trail,
 * {@code Idempotency-Key} on writes, Kafka batch consumers with offsets in PostgreSQL, the TMF event hub (when configured), migrations of the starter's tables and OpenAPI defaults, the same way in
 * every service.
 */
@AutoConfiguration(before = {FlywayAutoConfiguration.class, KafkaAutoConfiguration.class, ErrorMvcAutoConfiguration.class},
        after = JacksonAutoConfiguration.class,
        // by name: Hibernate is on the classpath only of the services with JPA entities
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@EnableConfigurationProperties(PlatformProperties.class)
@Import({PlatformSecurityConfiguration.class, WebConfiguration.class, OutboxConfiguration.class,
        InboxConfiguration.class, AuditConfiguration.class, PersistenceConfiguration.class,
        IdempotencyConfiguration.class, ClockConfiguration.class, SchedulingConfiguration.class, JobItemsConfiguration.class,
        ContainerProblemsConfiguration.class, OutboundConfiguration.class, HubConfiguration.class,
        BatchConsumerConfiguration.class, KafkaHealthConfiguration.class, MetricsConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json, ObjectProvider<ProblemListener> listeners) {
        return new ProblemWriter(json, listeners);
    }

    @Bean
    ProblemBodies problemBodies(ObjectProvider<ProblemListener> listeners) {
        return new ProblemBodies(listeners);
    }

    @Bean
    FieldSelection fieldSelection(JsonMapper json) {
        return new FieldSelection(json);
    }

    /**
     * A {@code fields=} naming an attribute the resource does not have is a 400 before the operation runs, after the
     * caller's role is known to allow it (EarlyAuthorization) and the query's names are known (KnownQueryParameters).
     */
    @Bean
    WebMvcConfigurer fieldSelectionCheck(FieldSelection selection) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(selection.attributeCheck()).order(Ordered.HIGHEST_PRECEDENCE + 2);
            }
        };
    }

    @Bean
    ResourceLists resourceLists(JsonMapper json) {
        return new ResourceLists(json);
    }

    @Bean
    MergePatch mergePatch(JsonMapper json, jakarta.validation.Validator validator) {
        return new MergePatch(json, validator);
    }

    /** After Boot's own customizer (order 0), so its JSON converter is the one that stays. */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    io.accord.platform.web.StrictRequestBodies strictRequestBodies(JsonMapper json) {
        return new io.accord.platform.web.StrictRequestBodies(json);
    }

    @Bean
    BodyBudget bodyBudget(PlatformProperties properties) {
        if (properties.maxBodyBytesInFlight().toBytes() < properties.maxBodySize().toBytes()) {
            throw new IllegalStateException("accord.platform.max-body-bytes-in-flight ("
                    + properties.maxBodyBytesInFlight() + ") must be at least accord.platform.max-body-size ("
                    + properties.maxBodySize() + "), or no body of the largest size could ever be read");
        }
        return new BodyBudget(properties.maxBodyBytesInFlight().toBytes());
    }

    @Bean
    UploadSpool uploadSpool(PlatformProperties properties) {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        int removed = UploadSpool.removeLeftovers(directory);
        if (removed > 0) {
            LoggerFactory.getLogger(UploadSpool.class).info(
                    "Deleted {} upload file(s) in {} left by a process that ended while receiving them", removed,
                    directory);
        }
        return new UploadSpool(properties.uploadSpoolBudget().toBytes());
    }

    @Bean
    RequestBodyLimit requestBodyLimit(PlatformProperties properties, BodyBudget budget) {
        return new RequestBodyLimit(properties.maxBodySize().toBytes(), properties.maxBodyValues(), budget);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI accordOpenApi(@Value("${spring.application.name:accord}") String name) {
        return new OpenAPI()
                .info(new Info().title("Accord " + name).version("v1")
                        .description("Accord partner management and settlement: " + name + " API"));
    }
}
