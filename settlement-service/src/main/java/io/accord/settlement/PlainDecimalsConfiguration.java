package io.accord.settlement;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

/**
 * Settlement writes every decimal of its JSON in plain digits, never in scientific notation. Jackson writes a
 * {@link java.math.BigDecimal} with its {@code toString()}, which uses an exponent for a negative scale or a small
 * value: a statement line's quantity of 430 (stored 430.000000000, its trailing zeros stripped) was answered as
 * {@code 4.3E+2} in TMF678's {@code appliedCustomerBillingRate} (found on 2026-12-06), and a zero at 9 decimals is
 * {@code 0E-9}. Views had been fixed one by one ({@code PaymentStore}, {@code UsageMatching}); this holds for all of
 * them, requests' answers, documents' JSON and events alike. Every service's answers are written this way by the
 * platform starter ({@code StrictRequestBodies}); settlement's money documents and events are, too.
 */
@Configuration(proxyBeanMethods = false)
class PlainDecimalsConfiguration {

    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
