package io.accord.onboarding.identity;

import io.accord.onboarding.partner.PartnerContactsErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A terminated partner's contacts were erased: its Keycloak users are to be deleted, requested in that transaction. */
@Component
class PartnerContactsErasure {

    private final IdentityProvisioning identity;

    PartnerContactsErasure(IdentityProvisioning identity) {
        this.identity = identity;
    }

    @EventListener
    void on(PartnerContactsErased erased) {
        identity.eraseUsers(erased.partnerId());
    }
}
