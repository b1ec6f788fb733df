package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.EntityTags;
import org.springframework.stereotype.Component;

/**
 * What the caller may see of a partner: staff see its status reason, its own users a neutral one
 * ({@link #neutralReason}). Who sees a partner's full IBAN: its partner admin (who manages the bank account) and the staff who need it
 * (finance, partner managers, platform admins, auditors). Everyone else who may read the partner (a partner user,
 * operations) sees the IBAN masked ({@link Ibans#mask}) and the BIC as it is, in every view of the confirmed account
 * and of a change waiting for confirmation; an account without IBAN likewise shows its account number masked
 * ({@link DomesticAccounts#mask}) and its bank code as it is.
 */
@Component
class BankAccountDisclosure {

    private static final String[] FULL_IBAN = {Roles.PARTNER_ADMIN, Roles.FINANCE, Roles.PARTNER_MANAGER,
            Roles.PLATFORM_ADMIN, Roles.AUDITOR};

    private final Tenancy tenancy;

    BankAccountDisclosure(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    /**
     * The partner as the caller may see it. The status reason is staff's (a suspension's is often a compliance or
     * fraud matter): a partner's own users get a neutral sentence instead.
     */
    PartnerView view(Partner partner) {
        PartnerView view = PartnerView.of(partner);
        if (!tenancy.isStaff()) {
            view = view.withStatusReason(neutralReason(partner.status()));
        }
        return fullIban() ? view : view.withBankAccountMasked();
    }

    /**
     * The entity tag of the partner as {@link #view} shows it to the caller: everything the view shows is in the
     * partner's row (contacts, bank account and waiting change included), so its {@code @Version} moves with every
     * change; the caller's roles decide the status reason and whether the IBANs are masked, so they are part of the
     * tag too ({@link EntityTags#composite}): two representations never share one.
     */
    String entityTag(Partner partner) {
        return EntityTags.composite(partner.version(), java.util.List.of(tenancy.isStaff(), fullIban()));
    }

    /** What a partner's users read as the reason of its status; null while it is ACTIVE. */
    static String neutralReason(PartnerStatus status) {
        return switch (status) {
            case ACTIVE -> null;
            case SUSPENDED -> "suspended by the platform operator; your partner manager can tell you more";
            case TERMINATED -> "terminated by the platform operator; your partner manager can tell you more";
        };
    }

    /** The confirmed account and the waiting change as the caller may see them. */
    BankAccountController.BankAccountView bankAccount(Partner partner, java.util.List<String> warnings) {
        BankAccountController.BankAccountView view = BankAccountController.BankAccountView.of(partner, warnings);
        return fullIban() ? view : view.masked();
    }

    private boolean fullIban() {
        return tenancy.hasAnyRole(FULL_IBAN);
    }
}
