package io.accord.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The audit hash chain's sealer, under {@code accord.platform.audit}.
 *
 * @param sealInterval      how often each replica seals the entries committed since ({@code audit_seal} in
 *                          {@code db/platform/V11__audit_sealed_chain.sql}); the usual tamper-evidence window
 * @param sealBatchSize     entries one sealing transaction chains at most (a pass goes on until none is left)
 * @param sealOverdueAfter  an entry still unsealed this long after it was written fails the verification: the
 *                          sealer is not running or keeps failing
 */
@ConfigurationProperties("accord.platform.audit")
public record AuditProperties(
        @DefaultValue("200ms") Duration sealInterval,
        @DefaultValue("1000") int sealBatchSize,
        @DefaultValue("1m") Duration sealOverdueAfter) {

    public AuditProperties {
        if (sealBatchSize < 1) {
            throw new IllegalArgumentException("accord.platform.audit.seal-batch-size must be at least 1");
        }
    }
}
