package io.accord.platform.hub;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub is off until an API is configured, and a malformed base path stops the service at startup. */
class HubConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

    @Test
    void offWithoutAnyApi() {
        runner.run(context -> assertThat(context).doesNotHaveBean("probe"));
        runner.withPropertyValues("accord.platform.hub.poll-interval=1s")
                .run(context -> assertThat(context).doesNotHaveBean("probe"));
    }

    @Test
    void onWithOneApiWhateverTheSpelling() {
        runner.withPropertyValues("accord.platform.hub.apis[0].base-path=/tmf-api/productCatalogManagement/v4")
                .run(context -> assertThat(context).hasBean("probe"));
        runner.withPropertyValues("accord.platform.hub.apis[0].basePath=/tmf-api/productCatalogManagement/v4")
                .run(context -> assertThat(context).hasBean("probe"));
    }

    @Test
    void basePathsMustBePathsAndNameTheirApi() {
        assertThatThrownBy(() -> new HubProperties.Api("tmf-api/x/v4/", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubProperties.Api("/tmf-api/x/v4/", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new HubProperties.Api("/tmf-api/productOrderingManagement/v4", List.of(), List.of()).name())
                .isEqualTo("productOrderingManagement");
        assertThat(new HubProperties.Api("/tmf-api/productOrderingManagement/v4", List.of("productOrder"), List.of())
                .carries("quote")).isFalse();
    }

    @Test
    void declaredEventTypesMustBeEventTypeNames() {
        assertThat(new HubProperties.Api("/tmf-api/quoteManagement/v4", List.of("quote"),
                List.of(" QuoteCreateEvent", "QuoteStateChangeEvent", "QuoteCreateEvent")).eventTypes())
                .containsExactly("QuoteCreateEvent", "QuoteStateChangeEvent");
        assertThatThrownBy(() -> new HubProperties.Api("/tmf-api/quoteManagement/v4", List.of(),
                List.of("Quote Create")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Quote Create");
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(HubConfiguration.Enabled.class)
    static class Probe {

        @Bean
        String probe() {
            return "hub on";
        }
    }
}
