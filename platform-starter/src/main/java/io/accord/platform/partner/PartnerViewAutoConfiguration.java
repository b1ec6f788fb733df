package io.accord.platform.partner;

import io.accord.platform.PlatformAutoConfiguration;
import io.accord.platform.inbox.Inbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner view of a service that consumes {@code partner.events.v1}: opt in with
 * {@code accord.platform.partner-view.enabled=true} and a {@code partner_view} table (see {@link PartnerView}).
 * One implementation for every consumer of partner status instead of a copy per service.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnProperty(name = "accord.platform.partner-view.enabled", havingValue = "true")
public class PartnerViewAutoConfiguration {

    @Bean
    PartnerView partnerView(JdbcClient jdbc) {
        return new PartnerView(jdbc);
    }

    @Bean
    PartnerViewListener partnerViewListener(Inbox inbox, PartnerView view, Environment environment,
                                            ApplicationEventPublisher publisher) {
        // the inbox keys applied events by this consumer name: never change it, or events are applied again
        return new PartnerViewListener(inbox, view,
                environment.getProperty("spring.application.name", "accord") + ".partner-view", publisher);
    }
}
