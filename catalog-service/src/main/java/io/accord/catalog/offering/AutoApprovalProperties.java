package io.accord.catalog.offering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.List;

/**
 * When a submission needs no partner manager ({@code accord.catalog.auto-approval.*}).
 *
 * @param priceChangePercent a price-only change of a launched offering is approved at once when every amount and
 *                           rate moves by at most this many percent, up or down (default 10; negative disables)
 * @param categories         submissions of offerings in these category codes are approved at once (default none)
 */
@ConfigurationProperties("accord.catalog.auto-approval")
record AutoApprovalProperties(@DefaultValue("10") BigDecimal priceChangePercent,
                              @DefaultValue List<String> categories) {
}
