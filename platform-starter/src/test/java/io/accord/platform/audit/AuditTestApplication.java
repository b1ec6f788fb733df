package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.infra.DatabaseRoles;
import io.accord.testsupport.AccordTestInitializer;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny service made of the platform starter and one audited write, on a random port against the real test
 * PostgreSQL: migrated by its owner role, running as its runtime role, exactly as the launcher runs a service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AuditTestApplication.AuditedWrites.class)
class AuditTestApplication {

    static final String DATABASE = "test_platform_audit";

    static DatabaseRoles roles() {
        return TestInfrastructure.roles(DATABASE);
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = AuditTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.application.name=platform-audit", "spring.kafka.bootstrap-servers=127.0.0.1:1"})
    @ContextConfiguration(initializers = Infrastructure.class)
    @interface Test {
    }

    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(AccordTestInitializer.databaseProperties(DATABASE)).applyTo(context);
            TestPropertyValues.of(
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }

    /** {@code POST /api/things} records the body as the new state of a thing. */
    @RestController
    static class AuditedWrites {

        private final AuditTrail audit;

        AuditedWrites(AuditTrail audit) {
            this.audit = audit;
        }

        @PostMapping("/api/things")
        @Transactional
        Map<String, Object> create(@RequestBody Map<String, Object> thing) {
            String id = UUID.randomUUID().toString();
            audit.record(PartnerId.of(UUID.randomUUID().toString()), "thing", id, "created", null, thing);
            return Map.of("id", id);
        }

        /** Records its approval, then a guard refuses it (four-eyes): the transaction and its entry roll back. */
        @PostMapping("/api/things/{id}/approval")
        @Transactional
        Map<String, Object> approve(@PathVariable String id) {
            audit.record(null, "thing", id, "approved", null, Map.of("state", "APPROVED"));
            throw new ConflictException("thing " + id + " was proposed by you; someone else must approve it (four-eyes)");
        }

        /** Only finance may close a thing. */
        @PostMapping("/api/things/{id}/closure")
        @PreAuthorize("hasRole('" + Roles.FINANCE + "')")
        @Transactional
        Map<String, Object> close(@PathVariable String id) {
            audit.record(null, "thing", id, "closed", null, Map.of("state", "CLOSED"));
            return Map.of("id", id);
        }
    }
}
