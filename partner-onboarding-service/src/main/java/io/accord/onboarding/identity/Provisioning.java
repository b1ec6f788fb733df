package io.accord.onboarding.identity;

import io.accord.contracts.value.PartnerId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The Keycloak identity of one partner to provision, and the state of that work. */
@Entity
@Table(name = "identity_provisioning")
class Provisioning {

    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID partnerId;
    private String legalName;
    private String adminEmail;
    private String adminFirstName;
    private String adminLastName;
    @Enumerated(EnumType.STRING)
    private ProvisioningState state;
    private int attempts;
    private String lastError;
    private Instant nextAttemptAt;
    private String keycloakGroupId;
    private String keycloakUserId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant completedAt;
    private Instant lastAttemptAt;
    @Enumerated(EnumType.STRING)
    private InvitationState invitationState;
    private Instant invitationSentAt;
    private int invitationsSent;
    private String invitationError;
    @Version
    private Long version;

    protected Provisioning() {
    }

    /** A new request, due at once. */
    static Provisioning requested(PartnerId partner, String legalName, AdminContact admin, Instant now) {
        Provisioning provisioning = new Provisioning();
        provisioning.partnerId = partner.value();
        provisioning.legalName = legalName;
        provisioning.adminEmail = admin.email();
        provisioning.adminFirstName = admin.firstName();
        provisioning.adminLastName = admin.lastName();
        provisioning.state = ProvisioningState.PENDING;
        provisioning.invitationState = InvitationState.PENDING;
        provisioning.nextAttemptAt = now;
        provisioning.createdAt = now;
        provisioning.updatedAt = now;
        return provisioning;
    }

    /**
     * A partner terminated without ever being provisioned: no admin, nothing to create, only its users' access to
     * revoke (those with its partner_id of their own, and the members of its groups), due at once.
     */
    static Provisioning revocationOf(PartnerId partner, String legalName, Instant now) {
        Provisioning provisioning = new Provisioning();
        provisioning.partnerId = partner.value();
        provisioning.legalName = legalName;
        provisioning.state = ProvisioningState.REVOKING;
        provisioning.invitationState = InvitationState.PENDING;
        provisioning.nextAttemptAt = now;
        provisioning.createdAt = now;
        provisioning.updatedAt = now;
        return provisioning;
    }

    /** The group of a partner in Keycloak; one per partner, so the name is derived from the id. */
    static String groupName(PartnerId partner) {
        return "partner-" + partner.value();
    }

    /** Whether the first-login e-mail is still to be sent (first time, after a failure, or asked again). */
    boolean invitationDue() {
        return invitationState != InvitationState.SENT;
    }

    void invitationSent(Instant now) {
        invitationState = InvitationState.SENT;
        invitationSentAt = now;
        invitationsSent++;
        invitationError = null;
    }

    void invitationFailed(String error) {
        invitationState = InvitationState.FAILED;
        invitationError = truncated(error);
    }

    /**
     * Staff ask for the e-mail again (the link expired, or the admin lost it): the worker sends it at once.
     *
     * @throws IllegalStateException unless provisioning is DONE: before that the first e-mail is still to come
     */
    void resendInvitation(Instant now) {
        if (state != ProvisioningState.DONE) {
            throw new IllegalStateException("provisioning is " + state);
        }
        invitationState = InvitationState.PENDING;
        state = ProvisioningState.PENDING;
        nextAttemptAt = now;
        updatedAt = now;
    }

    /** The group and user exist; recorded even when a later step (the e-mail) fails. */
    void identified(KeycloakIdentity identity) {
        keycloakGroupId = identity.groupId();
        keycloakUserId = identity.userId();
    }

    void succeeded(KeycloakIdentity identity, Instant now) {
        attempts++;
        lastAttemptAt = now;
        state = ProvisioningState.DONE;
        lastError = null;
        keycloakGroupId = identity.groupId();
        keycloakUserId = identity.userId();
        completedAt = now;
        updatedAt = now;
    }

    /** The partner was terminated: its users' access is to be revoked, at once. */
    void revoke(Instant now) {
        if (state == ProvisioningState.REVOKED || erasing() || state == ProvisioningState.ERASED) {
            return;
        }
        state = ProvisioningState.REVOKING;
        lastError = null;
        nextAttemptAt = now;
        updatedAt = now;
    }

    boolean revoking() {
        return state == ProvisioningState.REVOKING;
    }

    /** Whether the partner's access is being or was revoked (or its users erased): nothing is provisioned again. */
    boolean revoked() {
        return state == ProvisioningState.REVOKING || state == ProvisioningState.REVOKED || erasing()
                || state == ProvisioningState.ERASED;
    }

    /**
     * The terminated partner's contacts were erased: its users are to be deleted from Keycloak, at once, and the row
     * forgets its admin's e-mail and name. Asked again (after an erasure, users made by hand since) it deletes again.
     */
    void eraseUsers(Instant now) {
        adminEmail = null;
        adminFirstName = null;
        adminLastName = null;
        invitationError = null;
        state = ProvisioningState.ERASING;
        lastError = null;
        nextAttemptAt = now;
        updatedAt = now;
    }

    boolean erasing() {
        return state == ProvisioningState.ERASING;
    }

    void erased(Instant now) {
        attempts++;
        lastAttemptAt = now;
        state = ProvisioningState.ERASED;
        lastError = null;
        completedAt = now;
        updatedAt = now;
    }

    void revoked(Instant now) {
        attempts++;
        lastAttemptAt = now;
        state = ProvisioningState.REVOKED;
        lastError = null;
        completedAt = now;
        updatedAt = now;
    }

    /** Records a failed attempt; the next one is due after {@code backoff}. A revocation or erasure stays one. */
    void failed(String error, Duration backoff, Instant now) {
        attempts++;
        lastAttemptAt = now;
        state = state == ProvisioningState.REVOKING || erasing() ? state : ProvisioningState.FAILED_RETRYING;
        lastError = truncated(error);
        nextAttemptAt = now.plus(backoff);
        updatedAt = now;
    }

    /**
     * Records a failed attempt that retrying cannot heal: nothing is attempted again until staff ask for it
     * ({@link #retryNow}). A revocation is never given up.
     */
    void needsAttention(String error, Instant now) {
        if (state == ProvisioningState.REVOKING || erasing()) {
            throw new IllegalStateException("a revocation or erasure is retried until it succeeds");
        }
        attempts++;
        lastAttemptAt = now;
        state = ProvisioningState.NEEDS_ATTENTION;
        lastError = truncated(error);
        nextAttemptAt = now;
        updatedAt = now;
    }

    /**
     * Staff ask for an attempt now (after resolving what NEEDS_ATTENTION said, or to cut a backoff short). A DONE partner is provisioned again: every step finds what exists, so this
     * only repairs what was changed in Keycloak since (a deleted group or user, a removed role or membership).
     */
    void retryNow(Instant now) {
        if (state == ProvisioningState.DONE || state == ProvisioningState.NEEDS_ATTENTION) {
            state = ProvisioningState.PENDING;
        }
        nextAttemptAt = now;
        updatedAt = now;
    }

    /**
     * Staff name another admin before any user was made for this one (its e-mail was refused or taken, or the
     * partner's commercial contact changed since approval); the next attempt provisions the new admin.
     *
     * @throws IllegalStateException once the admin user exists (DONE) or the partner's access is revoked
     */
    void changeAdmin(AdminContact admin, Instant now) {
        if (state == ProvisioningState.DONE || revoked() || keycloakUserId != null) {
            throw new IllegalStateException("provisioning is " + state);
        }
        adminEmail = admin.email();
        adminFirstName = admin.firstName();
        adminLastName = admin.lastName();
        invitationState = InvitationState.PENDING;
        invitationError = null;
        updatedAt = now;
    }

    /** The partner's Keycloak group, once created; none before or after the partner's access was revoked. */
    Optional<String> usableGroupId() {
        return revoked() ? Optional.empty() : Optional.ofNullable(keycloakGroupId);
    }

    private static String truncated(String error) {
        return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
    }

    PartnerId partner() {
        return new PartnerId(partnerId);
    }

    /** The admin to provision; {@code null} for a row that only revokes ({@link #revocationOf}). */
    AdminContact admin() {
        return adminEmail == null ? null : new AdminContact(adminEmail, adminFirstName, adminLastName);
    }

    String legalName() {
        return legalName;
    }

    ProvisioningState state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    ProvisioningStatus status() {
        return new ProvisioningStatus(partner(), state, adminEmail, groupName(partner()), attempts, lastError,
                nextAttemptAt, lastAttemptAt, keycloakGroupId, keycloakUserId, createdAt, updatedAt, completedAt,
                new ProvisioningStatus.Invitation(invitationState, invitationSentAt, invitationsSent, invitationError));
    }
}
