package io.accord.platform.outbox;

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
 * A service made of the platform starter alone, on a random port against the real test PostgreSQL and Kafka,
 * its relay quick to give up on a row (three failures) so parking can be watched.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboxTestApplication {

    static final String API = "/api/platform-test";

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                    "spring.application.name=platform-outbox",
                    "accord.platform.api-base-path=" + API,
                    "accord.platform.outbox.poll-interval=50ms",
                    "accord.platform.outbox.first-backoff=20ms",
                    "accord.platform.outbox.max-backoff=100ms",
                    "accord.platform.outbox.max-attempts=3"})
    @ContextConfiguration(initializers = Infrastructure.class)
    @interface Test {
    }

    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_outbox"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}
