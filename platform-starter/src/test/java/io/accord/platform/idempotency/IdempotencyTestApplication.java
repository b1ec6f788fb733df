package io.accord.platform.idempotency;

import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tiny service made of the platform starter and {@link TestWrites}, on a random port against the real test
 * PostgreSQL and trusting {@link TestJwt} tokens. No Kafka: nothing here publishes events.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestWrites.class)
class IdempotencyTestApplication {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = IdempotencyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                    "spring.application.name=platform-idempotency",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "accord.platform.public-paths=/api/public/**",
                    "accord.platform.idempotency.max-stored-body-size=4KB",
                    "accord.platform.idempotency.max-request-body-size=64KB",
                    "accord.platform.max-body-size=128KB",
                    "accord.platform.max-body-values=1000",
                    "accord.platform.max-body-bytes-in-flight=160KB",
                    "accord.platform.request-database-timeout=2s",
                    "accord.platform.request-connection-wait=3s",
                    "spring.datasource.hikari.connection-timeout=1000"})
    @ContextConfiguration(initializers = Infrastructure.class)
    @interface Test {
    }

    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_idempotency"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}
