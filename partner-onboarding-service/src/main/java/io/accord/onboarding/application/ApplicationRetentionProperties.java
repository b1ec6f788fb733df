package io.accord.onboarding.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a rejected application's contacts and personal documents are kept, and how long an open one waits for its
 * applicant, under {@code accord.onboarding.retention.applications} (docs/personal-data.md). An approved
 * application's go with its partner's contacts ({@code accord.onboarding.retention.contacts-after-termination}).
 *
 * @param afterRejection  how long after its rejection (the time of the decision) an application's contacts are kept
 *                        (for the applicant's objection and a new application's duplicate check); then the job
 *                        erases them
 * @param afterInactivity how long an application waiting for its applicant (DRAFT, INFO_REQUESTED) stays open
 *                        without any change (amendment, document, submission, decision); then the job expires it and
 *                        erases its contacts and personal documents
 * @param interval        how often the job looks for applications whose retention ran out
 * @param batchSize       applications erased per run (each in its own transaction); the next run takes the rest
 */
@ConfigurationProperties("accord.onboarding.retention.applications")
record ApplicationRetentionProperties(
        @DefaultValue("P180D") Duration afterRejection,
        @DefaultValue("P90D") Duration afterInactivity,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("100") int batchSize) {

    ApplicationRetentionProperties {
        if (afterRejection.isNegative()) {
            throw new IllegalArgumentException("accord.onboarding.retention.applications.after-rejection must not be"
                    + " negative");
        }
        if (afterInactivity.isNegative() || afterInactivity.isZero()) {
            throw new IllegalArgumentException("accord.onboarding.retention.applications.after-inactivity must be"
                    + " positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("accord.onboarding.retention.applications.batch-size must be at"
                    + " least 1");
        }
    }
}
