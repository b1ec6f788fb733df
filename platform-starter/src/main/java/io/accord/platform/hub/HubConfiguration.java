package io.accord.platform.hub;

import io.accord.contracts.Roles;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.outbound.OutboundTargets;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The TMF event hub ({@link HubProperties}): endpoints under each configured API, the listener that records
 * {@link TmfEvent}s, the relay, the cleanup and the consumer of partner status ({@link HubPartnerEvents}). Nothing of
 * it exists while no API is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(HubConfiguration.Enabled.class)
@EnableConfigurationProperties(HubProperties.class)
public class HubConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HubConfiguration.class);

    @Bean
    HubSubscriptions hubSubscriptions(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                      AuditTrail audit, Tenancy tenancy, OutboundTargets targets, HubListener listener,
                                      HubPartners partners, HubProperties properties, Clock clock) {
        return new HubSubscriptions(new SubscriptionRepository(jdbc), new TransactionTemplate(transactionManager),
                audit, tenancy, targets, listener, partners, properties, clock);
    }

    @Bean
    HubEndpoints hubEndpoints(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping,
                              HubSubscriptions subscriptions, HubProperties properties) {
        properties.apis().stream().filter(api -> api.eventTypes().isEmpty()).forEach(api -> log.warn(
                "The hub of {} declares no event-types (accord.platform.hub.apis[].event-types): a subscription's "
                        + "query may name any event type, also one this service never publishes", api.basePath()));
        List<HubController> controllers = properties.apis().stream()
                .map(api -> new HubController(api.basePath(), subscriptions)).toList();
        return new HubEndpoints(mapping, controllers);
    }

    @Bean
    HubPartners hubPartners(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        return new HubPartners(jdbc, audit, clock);
    }

    /** Its own consumer group and inbox consumer name per service: {@code <spring.application.name>.hub}. */
    @Bean
    HubPartnerEvents hubPartnerEvents(Inbox inbox, HubPartners partners, Environment environment) {
        // the inbox keys applied events by this consumer name: never change it, or events are applied again
        return new HubPartnerEvents(inbox, partners,
                environment.getProperty("spring.application.name", "accord") + HubPartnerEvents.SUFFIX);
    }

    @Bean
    HubApiDocs hubApiDocs(HubProperties properties) {
        return new HubApiDocs(properties);
    }

    @Bean
    HubListener hubListener(JdbcClient jdbc, JsonMapper json, HubProperties properties, Clock clock) {
        return new HubListener(jdbc, json, properties, clock);
    }

    @Bean
    HubRelay hubRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditTrail audit,
                      HubProperties properties, OutboundTargets targets, Clock clock, MeterRegistry meters) {
        return new HubRelay(new Deliveries(jdbc), new CallbackClient(properties, targets, clock),
                new TransactionTemplate(transactionManager), audit, properties, clock, meters);
    }

    @Bean
    HubCleanup hubCleanup(JdbcClient jdbc, HubProperties properties, Clock clock) {
        return new HubCleanup(jdbc, properties, clock);
    }

    /** Checked in the security filter, before the body is read; {@link HubSubscriptions} checks again. */
    @Bean
    RequestAuthorization hubRules(HubProperties properties) {
        return requests -> properties.apis().forEach(api -> {
            String hub = api.basePath() + "/hub";
            requests.requestMatchers(HttpMethod.GET, hub, hub + "/**").hasAnyRole(HubSubscriptions.READERS);
            requests.requestMatchers(hub, hub + "/**").hasAnyRole(HubSubscriptions.WRITERS);
        });
    }

    /** On when {@code accord.platform.hub.apis} lists at least one API (in any property source or form). */
    static class Enabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("accord.platform.hub.apis", Bindable.listOf(Map.class))
                    .map(apis -> !apis.isEmpty()).orElse(false);
        }
    }
}
