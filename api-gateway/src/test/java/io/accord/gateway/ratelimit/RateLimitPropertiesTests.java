package io.accord.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding {@code accord.gateway.rate-limit} as the gateway does at start: bad values stop the start, saying why. */
class RateLimitPropertiesTests {

    static final String PARTNER = "7d0c3e52-6a1f-4b8e-9c2d-5e4f3a2b1c0d";

    @Test
    void aPartnerOverrideCompletesItselfFromTheGlobalLimits() {
        RateLimitProperties properties = bind(Map.of(
                "bulk.refill-tokens", "2",
                "partners." + PARTNER + ".authenticated.capacity", "1000",
                "partners." + PARTNER + ".bulk.refill-period", "500ms"));

        assertThat(properties.authenticatedOf(PARTNER))
                .isEqualTo(new RateLimitProperties.Bandwidth(1000L, 50L, Duration.ofSeconds(1)));
        assertThat(properties.bulkOf(PARTNER.toUpperCase()))
                .isEqualTo(new RateLimitProperties.Bandwidth(20L, 2L, Duration.ofMillis(500)));
        assertThat(properties.authenticatedOf("8d0c3e52-6a1f-4b8e-9c2d-5e4f3a2b1c0d"))
                .isEqualTo(properties.authenticated());
        assertThat(properties.authenticatedOf(null)).isEqualTo(properties.authenticated());
        assertThat(properties.bulkOf("not-a-uuid")).isEqualTo(properties.bulk());
    }

    /** What the Helm chart renders: environment variables, whose names cannot carry the UUID's dashes. */
    @Test
    void bindsOverridesFromEnvironmentVariables() {
        String undashed = PARTNER.replace("-", "").toUpperCase();
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("ACCORD_GATEWAY_RATELIMIT_PARTNERS_" + undashed + "_BULK_CAPACITY", "400",
                        "ACCORD_GATEWAY_RATELIMIT_PARTNERS_" + undashed + "_AUTHENTICATED_REFILLTOKENS", "500",
                        "ACCORD_GATEWAY_RATELIMIT_BULKREQUESTS_0", "PUT /api/settlement/invoices/*/usage-file")));

        RateLimitProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("accord.gateway.rate-limit", Bindable.of(RateLimitProperties.class));

        assertThat(properties.bulkOf(PARTNER).capacity()).isEqualTo(400L);
        assertThat(properties.authenticatedOf(PARTNER).refillTokens()).isEqualTo(500L);
        assertThat(properties.bulkRequests()).containsExactly("PUT /api/settlement/invoices/*/usage-file");
    }

    @Test
    void refusesAnOverrideForSomethingThatIsNoPartnerId() {
        assertThatThrownBy(() -> bind(Map.of("partners.acme.bulk.capacity", "100")))
                .rootCause()
                .hasMessageContaining("accord.gateway.rate-limit.partners: \"acme\" is not a partner id");
    }

    @Test
    void refusesAnOverrideThatCouldNeverRefill() {
        assertThatThrownBy(() -> bind(Map.of("partners." + PARTNER + ".bulk.refill-tokens", "0")))
                .rootCause()
                .hasMessageContaining("accord.gateway.rate-limit.partners." + PARTNER + ".bulk")
                .hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> bind(Map.of("bulk.capacity", "-1")))
                .rootCause()
                .hasMessageContaining("accord.gateway.rate-limit.bulk: ");
    }

    @Test
    void refusesTheSamePartnerTwice() {
        assertThatThrownBy(() -> bind(Map.of(
                "partners." + PARTNER + ".bulk.capacity", "100",
                "partners." + PARTNER.replace("-", "") + ".bulk.capacity", "200")))
                .rootCause()
                .hasMessageContaining("partner " + PARTNER + " is configured twice");
    }

    @Test
    void bulkRequestsAreTheUsageBatchAndFileUploadsUnlessConfigured() {
        var bulk = new BulkRequests(bind(Map.of()).bulkRequests());

        assertThat(bulk.matches(MockServerHttpRequest.post("/tmf-api/usageManagement/v4/usage/batch").build()))
                .isTrue();
        assertThat(bulk.matches(MockServerHttpRequest.post("/api/rating/usage/files").build())).isTrue();
        assertThat(bulk.matches(MockServerHttpRequest.get("/api/rating/usage/files").build())).isFalse();
        assertThat(bulk.matches(MockServerHttpRequest.post("/tmf-api/usageManagement/v4/usage").build())).isFalse();
        assertThat(bulk.matches(MockServerHttpRequest.post("/api/rating/usage/files/1/resume").build())).isFalse();
    }

    @Test
    void refusesABulkRequestThatIsNotMethodAndPathPattern() {
        for (String bad : List.of("/tmf-api/usageManagement/v4/usage/batch", "SEND /x", "POST usage/batch",
                "POST /a/{id")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new BulkRequests(List.of(bad)))
                    .withMessageContaining("accord.gateway.rate-limit.bulk-requests");
        }
    }

    private static RateLimitProperties bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((name, value) -> source.put("accord.gateway.rate-limit." + name, value));
        return new Binder(source).bindOrCreate("accord.gateway.rate-limit", Bindable.of(RateLimitProperties.class));
    }
}
