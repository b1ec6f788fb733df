package io.accord.orchestration.quote;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Quotes, under {@code accord.orchestration.quote}.
 *
 * @param validity       how long a quote is valid after it was (last) priced; then the expiry job expires it
 * @param discountLimits per role, the highest manual discount in percent its holder's quote is approved with
 *                       automatically; above it a partner manager approves. A role not listed: 0
 * @param expiryInterval how often the expiry job runs
 * @param expiryBatch    quotes one expiry round handles at most
 */
@ConfigurationProperties("accord.orchestration.quote")
@Validated
record QuoteProperties(
        @DefaultValue("30d") Duration validity,
        Map<String, BigDecimal> discountLimits,
        @DefaultValue("1m") Duration expiryInterval,
        @DefaultValue("500") @Min(1) int expiryBatch) {

    QuoteProperties {
        discountLimits = discountLimits == null ? Map.of() : Map.copyOf(discountLimits);
    }

    /** The highest limit among the caller's roles. */
    BigDecimal limitFor(java.util.function.Predicate<String> hasRole) {
        return discountLimits.entrySet().stream().filter(limit -> hasRole.test(limit.getKey()))
                .map(Map.Entry::getValue).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }
}
