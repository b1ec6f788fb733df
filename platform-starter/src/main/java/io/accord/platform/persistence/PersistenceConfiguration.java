package io.accord.platform.persistence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformMigrations(@Value("${spring.datasource.username:}") String runtimeRole) {
        return new PlatformMigrations(runtimeRole);
    }
}
