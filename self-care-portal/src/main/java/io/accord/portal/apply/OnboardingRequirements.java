package io.accord.portal.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.anonymous.AnonymousGateway;
import tools.jackson.databind.JsonNode;

/**
 * What onboarding's checks require, read through the gateway's public route and kept for a minute: an operator's
 * new configuration shows within that. When onboarding does not answer, the wizard marks nothing as required (the
 * page never fails for it) and asks again after a few seconds; the checks still run on submission.
 */
@Component
class OnboardingRequirements {

    static final String PATH = "/api/onboarding/applications/requirements";
    static final Duration KEPT = Duration.ofMinutes(1);
    static final Duration FAILURE_KEPT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(OnboardingRequirements.class);

    private final AnonymousGateway gateway;
    private final Clock clock;
    private Cached cached;

    private record Cached(ApplicationRequirements requirements, Instant until) {
    }

    OnboardingRequirements(AnonymousGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    synchronized ApplicationRequirements current() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.requirements();
        }
        try {
            JsonNode answer = gateway.get(PATH, Map.of());
            if (answer == null || !answer.isArray()) {
                throw new RestClientException("not a list of requirements: " + answer);
            }
            cached = new Cached(ApplicationRequirements.of(answer), now.plus(KEPT));
        } catch (GatewayException | RestClientException e) {
            log.warn("Onboarding's application requirements unavailable ({}); the wizard marks none for {}",
                    e.getMessage(), FAILURE_KEPT);
            cached = new Cached(ApplicationRequirements.NONE, now.plus(FAILURE_KEPT));
        }
        return cached.requirements();
    }

    /** Reads them again on the next page (tests). */
    synchronized void forget() {
        cached = null;
    }
}
