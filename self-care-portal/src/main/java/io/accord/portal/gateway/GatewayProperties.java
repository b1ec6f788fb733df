package io.accord.portal.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the API gateway is and how long the portal waits for it.
 *
 * @param url            the gateway's base URL ({@code http://localhost:8080} under {@code ./accord up})
 * @param connectTimeout connecting to it
 * @param readTimeout    waiting for an answer; a page that waits longer shows "service unavailable"
 * @param downloadTimeout the longest a download (a PDF, a document, a CSV) may take from its request to its last byte,
 *                        which the browser's pace decides: the portal passes the file on as the browser reads it
 */
@Validated
@ConfigurationProperties("accord.portal.gateway")
record GatewayProperties(@NotNull URI url, @DefaultValue("2s") Duration connectTimeout,
                         @DefaultValue("10s") Duration readTimeout,
                         @DefaultValue("30m") Duration downloadTimeout) {
}
