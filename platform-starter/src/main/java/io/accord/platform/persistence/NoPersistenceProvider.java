package io.accord.platform.persistence;

import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolver;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Tells the JPA API that there is no JPA provider in a service without one (rating, settlement, dispute: the starter
 * brings the API for its specifications, Hibernate comes only with {@code spring-boot-starter-data-jpa}).
 *
 * <p>Hibernate Validator finds {@code jakarta.persistence.Persistence} on the class path and so checks, before each
 * constraint, whether the property is loaded: {@code Persistence.getPersistenceUtil().isLoaded(...)}, which asks
 * the API's default {@link PersistenceProviderResolver} for the providers. Finding none, that resolver logged
 * {@code WARN jakarta.persistence.spi::No valid providers found.}, once per thread context class loader: at start
 * (validating {@code @Validated} properties on {@code main}) and again at the first request validated on Tomcat's
 * threads. With this resolver there are no providers and nothing to say; a property still counts as loaded, as
 * without a provider it did. A service with a provider keeps the default resolver.
 */
final class NoPersistenceProvider implements PersistenceProviderResolver,
        ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ClassLoader classLoader = context.getClassLoader() != null ? context.getClassLoader()
                : ClassUtils.getDefaultClassLoader();
        if (!hasProvider(classLoader)) {
            PersistenceProviderResolverHolder.setPersistenceProviderResolver(this);
        }
    }

    static boolean hasProvider(ClassLoader classLoader) {
        try {
            return ServiceLoader.load(PersistenceProvider.class, classLoader).stream().findAny().isPresent();
        } catch (ServiceConfigurationError broken) {
            // a provider declared but not loadable: leave it to the default resolver to report
            return true;
        }
    }

    @Override
    public List<PersistenceProvider> getPersistenceProviders() {
        return List.of();
    }

    @Override
    public void clearCachedProviders() {
        // nothing cached
    }
}
