package io.accord.onboarding.identity;

import io.accord.contracts.value.PartnerId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * The Keycloak provisioning of one partner as staff see it.
 *
 * @param attempts        attempts made so far (successful or not)
 * @param lastError       why the last attempt failed; {@code null} once it succeeded. In NEEDS_ATTENTION what
 *                        staff must resolve before asking for a retry
 * @param nextAttemptAt   when the worker tries next (meaningless once DONE, REVOKED, ERASED or NEEDS_ATTENTION)
 * @param lastAttemptAt   when the worker last tried; {@code null} before its first attempt
 * @param keycloakGroupId id of the partner's group, once known
 * @param keycloakUserId  id of the admin user, once known
 * @param invitation      the admin's first-login e-mail
 */
public record ProvisioningStatus(PartnerId partnerId, ProvisioningState state, String username, String groupName,
                                 int attempts, String lastError, Instant nextAttemptAt, Instant lastAttemptAt,
                                 String keycloakGroupId,
                                 String keycloakUserId, Instant createdAt, Instant updatedAt, Instant completedAt,
                                 Invitation invitation) {

    /** The admin's user name is the e-mail: audited by field name only (AuditTrail#recordWithoutPersonalData). */
    public static final java.util.List<String> PERSONAL = java.util.List.of("username");

    /**
     * The first-login e-mail (set a password, verify the e-mail address).
     *
     * @param sentAt    when Keycloak last accepted it
     * @param sent      how often it was sent
     * @param lastError why the last attempt to send it failed; {@code null} after a success
     */
    @Schema(name = "InvitationStatus")
    public record Invitation(InvitationState state, Instant sentAt, int sent, String lastError) {
    }
}
