package io.accord.platform.apidocs;

import io.accord.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/** The API docs conventions of every service: login, locks, problem answers, {@code Location}, examples. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsConfiguration {

    @Bean
    ApiDocsConventions apiDocsConventions(PlatformProperties platform, ApiDocsProperties properties,
                                          ObjectProvider<SecurityFilterChain> chains) {
        return new ApiDocsConventions(platform.jwt().issuerUri(), properties.loginHelp(),
                new PublicOperations(chains));
    }

    @Bean
    RequestExamples requestExamples(JsonMapper json) {
        return new RequestExamples(json);
    }
}
