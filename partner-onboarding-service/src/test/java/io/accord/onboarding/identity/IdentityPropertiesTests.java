package io.accord.onboarding.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keycloak client that manages users has no committed fallback secret: without one the service stops. */
class IdentityPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(IdentityConfiguration.class);

    @Test
    void aMissingClientSecretFailsStartUpNamingTheVariable() {
        for (String secret : new String[] {null, "", "  "}) {
            ApplicationContextRunner runner = secret == null ? context
                    : context.withPropertyValues("accord.onboarding.identity.client-secret=" + secret);
            runner.run(started -> assertThat(started).hasFailed()
                    .getFailure().rootCause().hasMessageContaining("ACCORD_ONBOARDING_CLIENT_SECRET"));
        }
    }

    @Test
    void aGivenSecretIsUsed() {
        context.withPropertyValues("accord.onboarding.identity.client-secret=from-the-environment")
                .run(started -> assertThat(started.getBean(IdentityProperties.class).clientSecret())
                        .isEqualTo("from-the-environment"));
    }
}
