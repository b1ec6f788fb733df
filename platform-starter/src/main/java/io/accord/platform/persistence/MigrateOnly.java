package io.accord.platform.persistence;

import io.accord.platform.PlatformProperties;
import io.accord.platform.PlatformProperties.Migrations.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code accord.platform.migrations.mode=migrate-only}, the Helm chart's migration Job: the process migrates the
 * service's database and ends, with exit code 0, or 1 when a migration fails.
 *
 * <p>The service's own application (its main class, hence its component scan and the auto-configuration: web
 * server, Kafka consumers, scheduled jobs, outbox relay, read models) is never started: its sources are replaced by
 * a context of the data source and Flyway alone, which migrates exactly as a normal start does
 * ({@link PersistenceConfiguration}: the starter's tables, the service's, the runtime role's grants). Once ready,
 * that context is closed, {@code SpringApplication.run} returns and {@code main} ends; no thread is left to keep the
 * JVM alive.
 */
final class MigrateOnly implements SpringApplicationRunListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MigrateOnly.class);

    private final SpringApplication application;
    private boolean active;

    MigrateOnly(SpringApplication application) {
        this.application = application;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
                                    ConfigurableEnvironment environment) {
        active = Binder.get(environment).bind("accord.platform.migrations.mode", Mode.class)
                .map(Mode.MIGRATE_ONLY::equals).orElse(false);
        if (active) {
            environment.getPropertySources().addFirst(new MapPropertySource("accordMigrateOnly", Map.of(
                    "spring.main.web-application-type", "none",
                    "spring.flyway.enabled", "true")));
        }
    }

    @Override
    public void contextLoaded(ConfigurableApplicationContext context) {
        if (!active) {
            return;
        }
        if (AotDetector.useGeneratedArtifacts()) {
            // the generated initializer has registered every bean of the service already
            throw new IllegalStateException("accord.platform.migrations.mode=migrate-only runs without Spring AOT:"
                    + " start the migration with spring.aot.enabled unset or false");
        }
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context;
        Set<String> sources = application.getAllSources().stream()
                .map(source -> source instanceof Class<?> type ? type.getName() : String.valueOf(source))
                .collect(Collectors.toSet());
        for (String name : registry.getBeanDefinitionNames()) {
            if (sources.contains(registry.getBeanDefinition(name).getBeanClassName())) {
                registry.removeBeanDefinition(name);
            }
        }
        new AnnotatedBeanDefinitionReader(registry).register(Migration.class);
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        if (active) {
            log.info("Database migrated in {} ms (accord.platform.migrations.mode=migrate-only): exiting",
                    timeTaken.toMillis());
            context.close();
        }
    }

    /** After Spring Boot's own listener: the ready event is published before the context closes. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The data source and Flyway, migrating as the starter configures it; nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    @EnableConfigurationProperties(PlatformProperties.class)
    @Import(PersistenceConfiguration.class)
    static class Migration {
    }
}
