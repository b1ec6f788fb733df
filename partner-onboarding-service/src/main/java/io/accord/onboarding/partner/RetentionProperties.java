package io.accord.onboarding.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long personal data of contact persons is kept, under {@code accord.onboarding.retention}
 * (docs/personal-data.md).
 *
 * @param contactsAfterTermination how long after its termination a partner's contacts (its organization's contact
 *                                 persons and its individuals) are kept; then the job erases them
 * @param erasureInterval          how often the job looks for partners whose retention ran out
 * @param erasureBatchSize         partners erased per run (each in its own transaction); the next run takes the rest
 */
@ConfigurationProperties("accord.onboarding.retention")
record RetentionProperties(
        @DefaultValue("P365D") Duration contactsAfterTermination,
        @DefaultValue("1h") Duration erasureInterval,
        @DefaultValue("100") int erasureBatchSize) {

    RetentionProperties {
        if (contactsAfterTermination.isNegative()) {
            throw new IllegalArgumentException("accord.onboarding.retention.contacts-after-termination must not be"
                    + " negative");
        }
        if (erasureBatchSize < 1) {
            throw new IllegalArgumentException("accord.onboarding.retention.erasure-batch-size must be at least 1");
        }
    }
}
