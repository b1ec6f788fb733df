package io.accord.platform;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A service made of the platform starter and one echo endpoint, on a random port against the real test
 * PostgreSQL and trusting {@link TestJwt} tokens: what every Accord service shares, seen from outside.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StarterTestApplication.Echo.class)
public class StarterTestApplication {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                    "spring.application.name=platform-starter",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "accord.platform.public-paths=/api/public/**"})
    @ContextConfiguration(initializers = Infrastructure.class)
    public @interface Test {
    }

    @RestController
    static class Echo {

        @GetMapping({"/api/things/{id}", "/api/public/things/{id}"})
        Map<String, String> thing(@PathVariable String id) {
            return Map.of("id", id);
        }
    }

    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_starter"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}
