package io.accord.catalog.offering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * When a submission needs no partner manager ({@code accord.catalog.auto-approval.*}).
 *
 * @param priceChangePercent a price-only change of a launched offering is approved at once when every amount and
 *                           rate moves by at most this many percent, up or down (default 10; negative disables)
 * @param categories         submissions of offerings in these category codes are approved at once (default none)
 * @param backdatingGrace    a changed price version starting longer ago than this is a correction of usage already
 *                           rated and always goes to a partner manager (default 5 minutes: a start the client set to
 *                           "now" a moment before the request still counts as now)
 */
@ConfigurationProperties("accord.catalog.auto-approval")
record AutoApprovalProperties(@DefaultValue("10") BigDecimal priceChangePercent,
                              @DefaultValue List<String> categories,
                              @DefaultValue("5m") Duration backdatingGrace) {
}
