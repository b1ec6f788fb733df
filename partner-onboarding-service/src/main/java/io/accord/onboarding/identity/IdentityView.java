package io.accord.onboarding.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * The identity provisioning of a partner as the staff API shows it.
 *
 * @param needsAttention whether staff must act (state NEEDS_ATTENTION): {@code lastError} says what to resolve,
 *                       then {@code POST retryHref}
 * @param nextAttemptAt  when the worker tries next; absent when it will not try on its own
 * @param retryHref      where staff ask for an attempt now
 */
record IdentityView(UUID partnerId, String href, ProvisioningState state, boolean needsAttention, String username,
                    String groupName, int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                    String retryHref, String keycloakGroupId,
                    String keycloakUserId, Instant createdAt, Instant updatedAt, Instant completedAt,
                    ProvisioningStatus.Invitation invitation) {

    static IdentityView of(ProvisioningStatus status) {
        String href = IdentityController.path(status.partnerId().value());
        boolean scheduled = switch (status.state()) {
            case PENDING, FAILED_RETRYING, REVOKING, ERASING -> true;
            case DONE, NEEDS_ATTENTION, REVOKED, ERASED -> false;
        };
        return new IdentityView(status.partnerId().value(), href, status.state(),
                status.state() == ProvisioningState.NEEDS_ATTENTION, status.username(), status.groupName(),
                status.attempts(), status.lastError(), status.lastAttemptAt(),
                scheduled ? status.nextAttemptAt() : null, href + "/retry", status.keycloakGroupId(),
                status.keycloakUserId(), status.createdAt(), status.updatedAt(), status.completedAt(),
                status.invitation());
    }
}
