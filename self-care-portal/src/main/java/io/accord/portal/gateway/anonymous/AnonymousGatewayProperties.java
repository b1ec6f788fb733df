package io.accord.portal.gateway.anonymous;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** The same gateway as the users' calls ({@code accord.portal.gateway}), reached without a token. */
@Validated
@ConfigurationProperties("accord.portal.gateway")
record AnonymousGatewayProperties(@NotNull URI url, @DefaultValue("2s") Duration connectTimeout,
                                  @DefaultValue("10s") Duration readTimeout) {
}
