package io.accord.platform.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link OutboundTargets} policy every outbound call to a partner-chosen address goes through. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundConfiguration {

    @Bean
    OutboundTargets outboundTargets(OutboundProperties properties) {
        return new OutboundTargets(properties);
    }
}
