package io.accord.onboarding.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the agreement feature, under {@code accord.onboarding.agreement}.
 *
 * @param transitionInterval  how often the job looks for versions due to come into force or to expire; a version
 *                            due in between is already answered as in force by {@link Agreements#inForce}
 * @param transitionBatchSize partners handled per job run (each in its own transaction); the next run takes the
 *                            rest
 */
@ConfigurationProperties("accord.onboarding.agreement")
record AgreementProperties(
        @DefaultValue("1m") Duration transitionInterval,
        @DefaultValue("200") int transitionBatchSize) {
}
