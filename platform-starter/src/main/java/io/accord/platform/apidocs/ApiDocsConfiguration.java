package io.accord.platform.apidocs;

import io.accord.platform.PlatformAutoConfiguration;
import io.accord.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API docs conventions of every service: login, locks, problem answers, {@code Location}, examples, the
 * {@code If-Match} header of an operation taking {@code IfMatch}. An auto-configuration of its own (after the
 * platform's, whose properties it reads).
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsConfiguration {

    @Bean
    ApiDocsConventions apiDocsConventions(PlatformProperties platform, ApiDocsProperties properties,
                                          ObjectProvider<SecurityFilterChain> chains) {
        return new ApiDocsConventions(platform.jwt().issuerUri(), properties.help(),
                new PublicOperations(chains));
    }

    @Bean
    RequestExamples requestExamples(JsonMapper json) {
        return new RequestExamples(json);
    }

    @Bean
    OperationRoles operationRoles() {
        return new OperationRoles();
    }

    @Bean
    IfMatchHeaders ifMatchHeaders() {
        return new IfMatchHeaders();
    }
}
