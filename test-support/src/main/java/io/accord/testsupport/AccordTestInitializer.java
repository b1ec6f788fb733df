package io.accord.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service under test at the real test PostgreSQL (a database named after the application), the real
 * test Kafka broker, and the test JWT key.
 */
public class AccordTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "accord");
        String database = "test_" + application.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        TestPropertyValues.of(
                "spring.datasource.url=" + TestInfrastructure.database(database),
                "spring.datasource.username=" + TestInfrastructure.dbUser(),
                "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile(),
                "accord.platform.outbox.poll-interval=100ms",
                "accord.platform.outbox.max-backoff=2s"
        ).applyTo(context);
    }
}
