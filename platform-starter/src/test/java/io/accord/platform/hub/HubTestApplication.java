package io.accord.platform.hub;

import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service made of the platform starter serving two hubs (a catalog one carrying offerings and categories, an
 * ordering one carrying orders), on a random port against the real test PostgreSQL, its relay quick to retry and
 * to give up (3 attempts per delivery, disabled after 5 consecutive failures) so both can be watched. No broker: the
 * hub's partner events listener does not start, tests feed it records ({@link HubPartnerStatusTests}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class HubTestApplication {

    static final String CATALOG = "/tmf-api/testCatalog/v4";
    static final String ORDERING = "/tmf-api/testOrdering/v4";
    static final int MAX_ATTEMPTS = 3;
    static final int DISABLE_AFTER = 5;
    static final int MAX_PER_PARTNER = 4;

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = HubTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                    "spring.application.name=platform-hub",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "spring.kafka.listener.auto-startup=false",
                    "accord.platform.hub.apis[0].base-path=" + CATALOG,
                    "accord.platform.hub.apis[0].resources=productOffering,category",
                    "accord.platform.hub.apis[0].event-types=ProductOfferingCreateEvent,"
                            + "ProductOfferingStateChangeEvent,ProductOfferingAttributeValueChangeEvent,"
                            + "CategoryCreateEvent",
                    "accord.platform.hub.apis[1].base-path=" + ORDERING,
                    "accord.platform.hub.apis[1].resources=productOrder",
                    "accord.platform.hub.apis[1].event-types=ProductOrderCreateEvent,ProductOrderStateChangeEvent",
                    "accord.platform.hub.max-subscriptions-per-partner=" + MAX_PER_PARTNER,
                    "accord.platform.hub.poll-interval=50ms",
                    "accord.platform.hub.quiet-for=1s", // off by default; its cache tested here
                    "accord.platform.hub.first-backoff=20ms",
                    "accord.platform.hub.max-backoff=100ms",
                    "accord.platform.hub.max-attempts=" + MAX_ATTEMPTS,
                    "accord.platform.hub.disable-after=" + DISABLE_AFTER,
                    "accord.platform.hub.connect-timeout=1s",
                    "accord.platform.hub.request-timeout=2s",
                    // the tests' callbacks listen on this machine
                    "accord.platform.outbound.allow-private-addresses=true"})
    @ContextConfiguration(initializers = Infrastructure.class)
    @interface Test {
    }

    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_hub"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}
