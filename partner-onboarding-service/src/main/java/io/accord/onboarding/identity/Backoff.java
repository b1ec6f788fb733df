package io.accord.onboarding.identity;

import java.time.Duration;

/**
 * Capped exponential backoff: {@code first} after the first failure, doubling with each further failure, never
 * more than {@code max}. Keycloak that is down for hours is asked every {@code max}, not hammered.
 */
record Backoff(Duration first, Duration max) {

    Backoff {
        if (first.toMillis() < 1 || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 1 ms <= first <= max, got first " + first + ", max " + max);
        }
    }

    /** The delay after the given number of failed attempts (1 = the first failure). */
    Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
        long firstMillis = first.toMillis();
        // first * 2^doublings, or max as soon as that would exceed it; comparing against max >> doublings
        // instead of shifting first left never overflows
        if (firstMillis > (max.toMillis() >> doublings)) {
            return max;
        }
        return Duration.ofMillis(firstMillis << doublings);
    }
}
