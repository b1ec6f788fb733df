package io.accord.onboarding.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a rejected application's contacts and identity papers are kept, under
 * {@code accord.onboarding.retention.applications} (docs/personal-data.md). An approved application's go with its
 * partner's contacts ({@code accord.onboarding.retention.contacts-after-termination}).
 *
 * @param afterRejection how long after its rejection (the time of the decision) an application's contacts are kept
 *                       (for the applicant's objection and a new application's duplicate check); then the job erases
 *                       them
 * @param interval       how often the job looks for applications whose retention ran out
 * @param batchSize      applications erased per run (each in its own transaction); the next run takes the rest
 */
@ConfigurationProperties("accord.onboarding.retention.applications")
record ApplicationRetentionProperties(
        @DefaultValue("P180D") Duration afterRejection,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("100") int batchSize) {

    ApplicationRetentionProperties {
        if (afterRejection.isNegative()) {
            throw new IllegalArgumentException("accord.onboarding.retention.applications.after-rejection must not be"
                    + " negative");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("accord.onboarding.retention.applications.batch-size must be at"
                    + " least 1");
        }
    }
}
