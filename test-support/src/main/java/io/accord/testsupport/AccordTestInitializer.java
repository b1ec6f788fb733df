package io.accord.testsupport;

import io.accord.infra.DatabaseRoles;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service under test at the real test PostgreSQL (a database named after the application, migrated by its
 * owner role and used through its runtime role, see {@link TestInfrastructure#roles}), the real test Kafka broker,
 * and the test JWT key.
 */
public class AccordTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "accord");
        String database = "test_" + application.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        String url = TestInfrastructure.database(database);
        DatabaseRoles roles = TestInfrastructure.roles(database);
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                // as in production: the application runs as a role without DDL rights, Flyway as the owner
                "spring.datasource.username=" + roles.runtime(),
                "spring.datasource.password=" + roles.runtimePassword(),
                "spring.flyway.user=" + roles.owner(),
                "spring.flyway.password=" + roles.ownerPassword(),
                "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile(),
                "accord.platform.outbox.poll-interval=100ms",
                "accord.platform.outbox.max-backoff=2s"
        ).applyTo(context);
    }
}
