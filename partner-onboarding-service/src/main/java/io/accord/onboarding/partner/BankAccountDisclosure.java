package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.platform.security.Tenancy;
import org.springframework.stereotype.Component;

/**
 * Who sees a partner's full IBAN: its partner admin (who manages the bank account) and the staff who need it
 * (finance, partner managers, platform admins, auditors). Everyone else who may read the partner (a partner user,
 * operations) sees the IBAN masked ({@link Ibans#mask}) and the BIC as it is, in every view of the confirmed account
 * and of a change waiting for confirmation.
 */
@Component
class BankAccountDisclosure {

    private static final String[] FULL_IBAN = {Roles.PARTNER_ADMIN, Roles.FINANCE, Roles.PARTNER_MANAGER,
            Roles.PLATFORM_ADMIN, Roles.AUDITOR};

    private final Tenancy tenancy;

    BankAccountDisclosure(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    /** The partner as the caller may see it. */
    PartnerView view(Partner partner) {
        PartnerView view = PartnerView.of(partner);
        return fullIban() ? view : view.withBankAccountMasked();
    }

    /** The confirmed account and the waiting change as the caller may see them. */
    BankAccountController.BankAccountView bankAccount(Partner partner) {
        BankAccountController.BankAccountView view = BankAccountController.BankAccountView.of(partner);
        return fullIban() ? view : view.masked();
    }

    private boolean fullIban() {
        return tenancy.hasAnyRole(FULL_IBAN);
    }
}
