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

    /**
     * The data source and Flyway properties of a test database (emptied the first time this JVM asks): as in
     * production, the application runs as a role without DDL rights and Flyway migrates as the owner. For a test
     * class that wants a database of its own.
     */
    public static String[] databaseProperties(String database) {
        String url = TestInfrastructure.database(database);
        DatabaseRoles roles = TestInfrastructure.roles(database);
        return new String[] {
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + roles.runtime(),
                "spring.datasource.password=" + roles.runtimePassword(),
                "spring.flyway.user=" + roles.owner(),
                "spring.flyway.password=" + roles.ownerPassword()};
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "accord");
        String database = "test_" + application.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        TestPropertyValues.of(databaseProperties(database)).applyTo(context);
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile(),
                "accord.platform.outbox.poll-interval=100ms",
                "accord.platform.outbox.max-backoff=2s"
        ).applyTo(context);
    }
}
