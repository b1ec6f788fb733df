package io.accord.onboarding.identity;

import java.time.Instant;
import java.util.UUID;

/** The identity provisioning of a partner as the staff API shows it. */
record IdentityView(UUID partnerId, String href, ProvisioningState state, String username, String groupName,
                    int attempts, String lastError, Instant nextAttemptAt, String keycloakGroupId,
                    String keycloakUserId, Instant createdAt, Instant updatedAt, Instant completedAt,
                    ProvisioningStatus.Invitation invitation) {

    static IdentityView of(ProvisioningStatus status) {
        return new IdentityView(status.partnerId().value(), IdentityController.path(status.partnerId().value()),
                status.state(), status.username(), status.groupName(), status.attempts(), status.lastError(),
                status.state() == ProvisioningState.DONE ? null : status.nextAttemptAt(), status.keycloakGroupId(),
                status.keycloakUserId(), status.createdAt(), status.updatedAt(), status.completedAt(),
                status.invitation());
    }
}
