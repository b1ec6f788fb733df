package io.accord.platform.persistence;

import io.accord.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformMigrations(@Value("${spring.datasource.username:}") String runtimeRole,
                                               PlatformProperties properties) {
        return new PlatformMigrations(runtimeRole,
                properties.migrations().mode() == PlatformProperties.Migrations.Mode.VALIDATE);
    }

    /** Static: a bean post-processor is made before the other beans, and it reads the properties only when used. */
    @Bean
    static RequestDatabaseTimeout requestDatabaseTimeout(ObjectProvider<PlatformProperties> properties) {
        return new RequestDatabaseTimeout(properties);
    }
}
