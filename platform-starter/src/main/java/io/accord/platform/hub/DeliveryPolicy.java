package io.accord.platform.hub;

import io.accord.platform.retry.Backoffs;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/**
 * What a failed delivery attempt leads to: when the subscription is tried next (the starter's exponential backoff
 * over its consecutive failures), whether this delivery is given up (dead after {@code maxAttempts} attempts), and
 * whether the subscription is disabled (after {@code disableAfter} consecutive failures, whichever deliveries they
 * were). Plain logic, no I/O.
 */
final class DeliveryPolicy {

    /**
     * @param retryIn  the wait before the subscription's next attempt
     * @param dead     the delivery is given up; the subscription's next delivery goes next
     * @param disable  the subscription stops receiving anything until it is re-enabled
     */
    record Decision(Duration retryIn, boolean dead, boolean disable) {
    }

    private final ExponentialBackOff backoff;
    private final int maxAttempts;
    private final int disableAfter;

    DeliveryPolicy(Duration firstBackoff, Duration maxBackoff, int maxAttempts, int disableAfter) {
        this.backoff = Backoffs.exponential(firstBackoff, maxBackoff);
        this.maxAttempts = maxAttempts;
        this.disableAfter = disableAfter;
    }

    static DeliveryPolicy of(HubProperties properties) {
        return new DeliveryPolicy(properties.firstBackoff(), properties.maxBackoff(), properties.maxAttempts(),
                properties.disableAfter());
    }

    /**
     * @param attemptsOfDelivery   attempts of this delivery, this failed one included
     * @param consecutiveFailures  failed attempts of the subscription since its last success, this one included
     */
    Decision afterFailure(int attemptsOfDelivery, int consecutiveFailures) {
        return new Decision(Backoffs.delayAfter(backoff, consecutiveFailures), attemptsOfDelivery >= maxAttempts,
                consecutiveFailures >= disableAfter);
    }
}
