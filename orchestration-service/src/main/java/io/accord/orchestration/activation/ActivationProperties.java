package io.accord.orchestration.activation;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Partner activation, under {@code accord.orchestration.activation}.
 *
 * @param secretKey       base64 of the 32-byte AES key that encrypts the partners' webhook secrets (env
 *                        {@code ACCORD_ACTIVATION_SECRET_KEY}); application.yml has a development default that
 *                        must never be used anywhere else
 * @param connectTimeout  how long to wait for a connection to a partner's webhook
 * @param requestTimeout  how long to wait for its answer (then the attempt is retried)
 * @param ackTimeout      how long a partner may take to acknowledge through the callback API, unless the step
 *                        says otherwise
 * @param callbackBaseUrl where partners reach Accord's API (the gateway), to build the callback URL they are given
 */
@ConfigurationProperties("accord.orchestration.activation")
@Validated
record ActivationProperties(
        @NotBlank(message = "is missing: set ACCORD_ACTIVATION_SECRET_KEY to a base64 32-byte key") String secretKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("1h") Duration ackTimeout,
        @DefaultValue("http://localhost:8080") String callbackBaseUrl) {
}
