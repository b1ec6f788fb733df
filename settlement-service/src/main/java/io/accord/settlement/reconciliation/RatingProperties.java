package io.accord.settlement.reconciliation;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * Where rating answers ({@code accord.settlement.rating-url}): its streamed export of rated usage is read for usage
 * matching. Default: rating's local port as the launcher starts it; in Kubernetes the rating service's DNS name.
 */
@Validated
@ConfigurationProperties("accord.settlement")
record RatingProperties(@DefaultValue("http://localhost:8084") @NotNull URI ratingUrl) {
}
