package io.accord.onboarding.identity;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.PartnerDirectory;
import io.accord.onboarding.partner.PartnerStatus;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Identity provisioning of partners in Keycloak: a group per partner carrying its {@code partner_id}, and the
 * partner admin user in it with the realm role {@code partner-admin} and the required action to set a password.
 *
 * <p>Activation only records the request, in the activation's own transaction: it never waits for Keycloak
 * nor fails because Keycloak is down. A worker makes the Keycloak calls afterwards, retrying until they succeed.
 */
@Service
public class IdentityProvisioning {

    static final String RESOURCE_TYPE = "identity-provisioning";

    private final ProvisioningRepository provisionings;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final Clock clock;

    IdentityProvisioning(ProvisioningRepository provisionings, PartnerDirectory partners, AuditTrail audit,
                         Clock clock) {
        this.provisionings = provisionings;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records that the partner's Keycloak group and admin user are to be created, in the caller's transaction:
     * it inserts one row and calls nothing remote. Asking again for a partner already recorded changes nothing.
     *
     * @param legalName the partner's legal name, the description of its Keycloak group
     * @throws InvalidInputException (400) when the legal name is blank
     */
    @Transactional
    public void requestFor(PartnerId partner, String legalName, AdminContact admin) {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(admin, "admin");
        if (legalName == null || legalName.isBlank()) {
            throw new InvalidInputException("legalName", "must not be blank");
        }
        if (provisionings.existsById(partner.value())) {
            return;
        }
        Provisioning provisioning = Provisioning.requested(partner, legalName.strip(), admin, clock.instant());
        provisionings.save(provisioning);
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, partner.toString(), "provisioning-requested", null,
                provisioning.status(), ProvisioningStatus.PERSONAL);
    }

    /**
     * Staff: provision a partner that no approval provisioned (created directly by staff, found on 2026-12-07 with
     * no way to give it a user). Recorded like an activation's request; the worker does the rest.
     *
     * @throws NotFoundException (404) for an unknown partner
     * @throws ConflictException (409) when the partner is not ACTIVE, or its provisioning was requested already
     *                           (a retry, with another admin if need be, is the way on from there)
     */
    @Transactional
    ProvisioningStatus start(PartnerId partner, AdminContact admin) {
        PartnerDirectory.Entry entry = partners.find(partner)
                .orElseThrow(() -> new NotFoundException("Partner", partner));
        if (entry.status() != PartnerStatus.ACTIVE) {
            throw new ConflictException("Partner " + partner + " is " + entry.status()
                    + ": only an ACTIVE partner is provisioned");
        }
        if (provisionings.existsById(partner.value())) {
            throw new ConflictException("Identity provisioning of partner " + partner + " was requested already; "
                    + "see GET " + IdentityController.path(partner.value()) + ", and POST its /retry (with another "
                    + "adminEmail if need be)");
        }
        requestFor(partner, entry.legalName(), admin);
        return provisionings.findById(partner.value()).orElseThrow().status();
    }

    /** Where the partner's provisioning stands; empty when none was requested for it. */
    @Transactional(readOnly = true)
    public Optional<ProvisioningStatus> statusOf(PartnerId partner) {
        return provisionings.findById(partner.value()).map(Provisioning::status);
    }

    /**
     * The partners whose admin (its Keycloak user, named by its e-mail) has this e-mail address, terminated partners
     * included: their disabled user still belongs to their group. A Keycloak user administers one partner only, so
     * the review of an application with such an admin contact warns before a partner without an admin is approved.
     *
     * @param adminEmail compared case-insensitively
     */
    @Transactional(readOnly = true)
    public List<AdministeredPartner> partnersAdministeredBy(String adminEmail) {
        if (adminEmail == null || adminEmail.isBlank()) {
            return List.of();
        }
        return provisionings.findByAdminEmailOrderByCreatedAt(adminEmail.strip().toLowerCase(Locale.ROOT)).stream()
                .map(provisioning -> new AdministeredPartner(provisioning.partner(), provisioning.legalName()))
                .toList();
    }

    /** A partner whose admin has a given e-mail address. */
    public record AdministeredPartner(PartnerId partnerId, String legalName) {
    }

    /**
     * Staff: send the admin's first-login e-mail again (a new link; the old one stays valid until it expires).
     * The worker sends it at once; the state shows when it went out.
     *
     * @throws ConflictException (409) before provisioning is done, when the first e-mail is still to come
     */
    @Transactional
    ProvisioningStatus resendInvitation(PartnerId partner) {
        requireNotTerminated(partner, "gets no new first-login e-mail");
        Provisioning provisioning = locked(partner);
        ProvisioningStatus before = provisioning.status();
        if (before.state() != ProvisioningState.DONE) {
            throw new ConflictException("The first-login e-mail of partner " + partner + " goes out when its"
                    + " provisioning completes (it is " + before.state() + "); POST " + IdentityController.path(
                    partner.value()) + "/retry to attempt that now");
        }
        provisioning.resendInvitation(clock.instant());
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, partner.toString(), "invitation-resend-requested",
                before, provisioning.status(), ProvisioningStatus.PERSONAL);
        return provisioning.status();
    }

    /**
     * Staff: attempt now rather than at the end of the backoff (a DONE partner is checked and repaired; one in
     * NEEDS_ATTENTION is attempted again, after staff resolved its cause).
     */
    @Transactional
    ProvisioningStatus retryNow(PartnerId partner) {
        return retryNow(partner, null);
    }

    /**
     * {@link #retryNow(PartnerId)}, provisioning another admin than the one recorded (found on 2026-12-07: an
     * approval whose admin e-mail was taken stayed NEEDS_ATTENTION, and a retry after the commercial contact changed
     * still provisioned the old e-mail).
     *
     * @param change the admin to provision from now on (names omitted: the recorded admin's); {@code null} keeps
     *               the recorded one
     * @throws ConflictException (409) for a new admin once the recorded one's Keycloak user exists: that user stays
     *                           the admin, further users are invited under {@code .../users}
     */
    @Transactional
    ProvisioningStatus retryNow(PartnerId partner, AdminRequest change) {
        requireNotTerminated(partner, "is not provisioned again");
        Provisioning provisioning = locked(partner);
        ProvisioningStatus before = provisioning.status();
        if (provisioning.revoked()) {
            // a deleted partner has no status to refuse it by; its row says its access is revoked
            throw new ConflictException("The Keycloak access of partner " + partner + " is " + before.state()
                    + ": it is not provisioned again");
        }
        AdminContact admin = change == null ? null : change.admin(provisioning.admin());
        if (admin != null && !admin.equals(provisioning.admin())) {
            if (before.state() == ProvisioningState.DONE || before.keycloakUserId() != null) {
                throw new ConflictException("The admin user " + before.username() + " of partner " + partner
                        + " exists in Keycloak already; invite further users with POST "
                        + PartnerUserController.path(partner.value()));
            }
            provisioning.changeAdmin(admin, clock.instant());
        }
        provisioning.retryNow(clock.instant());
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, partner.toString(), "retry-requested", before,
                provisioning.status(), ProvisioningStatus.PERSONAL);
        return provisioning.status();
    }

    /**
     * The partner was terminated: the worker disables its users in Keycloak (the members of its groups and those with
     * its partner_id of their own) and ends their sessions (found on 2026-12-06: a terminated partner's admin kept
     * logging in and reading its data). In the termination's transaction, like the request at activation. A partner
     * Accord never provisioned gets a row that only revokes (found on 2026-12-07: its hand-made users kept their
     * access).
     */
    @Transactional
    public void revoke(PartnerId partner) {
        Optional<Provisioning> existing = provisionings.findById(partner.value());
        if (existing.isEmpty()) {
            String legalName = partners.find(partner).map(PartnerDirectory.Entry::legalName)
                    .orElseGet(() -> Provisioning.groupName(partner));
            Provisioning revocation = provisionings.save(Provisioning.revocationOf(partner, legalName,
                    clock.instant()));
            audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, partner.toString(), "revocation-requested",
                    null, revocation.status(), ProvisioningStatus.PERSONAL);
            return;
        }
        Provisioning provisioning = existing.get();
        ProvisioningStatus before = provisioning.status();
        provisioning.revoke(clock.instant());
        if (provisioning.status().state() != before.state()) {
            audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, partner.toString(), "revocation-requested",
                    before, provisioning.status(), ProvisioningStatus.PERSONAL);
        }
    }

    /**
     * The terminated partner's contacts were erased (GDPR Art. 17, docs/personal-data.md): the worker deletes its
     * users from Keycloak (those {@link #revoke} disables), retrying until Keycloak has done it, and the row forgets
     * its admin's e-mail and name at once. In the erasure's transaction. A partner without a row gets one.
     */
    @Transactional
    public void eraseUsers(PartnerId partner) {
        Provisioning provisioning = provisionings.lock(partner.value()).orElseGet(() -> provisionings.save(
                Provisioning.revocationOf(partner, partners.find(partner).map(PartnerDirectory.Entry::legalName)
                        .orElseGet(() -> Provisioning.groupName(partner)), clock.instant())));
        ProvisioningStatus before = provisioning.status();
        provisioning.eraseUsers(clock.instant());
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, partner.toString(), "users-erasure-requested",
                before, provisioning.status(), ProvisioningStatus.PERSONAL);
    }

    /**
     * A terminated partner's admin was invited again and set a password through the new link (found on
     * 2026-12-06): staff actions that (re)open its access are refused.
     */
    private void requireNotTerminated(PartnerId partner, String what) {
        partners.find(partner).filter(entry -> entry.status() == PartnerStatus.TERMINATED).ifPresent(entry -> {
            throw new ConflictException("Partner " + partner + " is TERMINATED: it " + what);
        });
    }

    private Provisioning locked(PartnerId partner) {
        return provisionings.lockIfFree(partner.value()).orElseThrow(() ->
                provisionings.existsById(partner.value())
                        ? new ConflictException("Provisioning of partner " + partner
                        + " is being attempted right now; look at its state again in a moment")
                        : new NotFoundException("Identity provisioning of partner", partner));
    }
}
