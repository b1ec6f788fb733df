package io.accord.onboarding.identity;

import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.contracts.value.PartnerId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A terminated partner's users lose their access, requested in the same transaction as the termination. */
@Component
class PartnerTerminationRevocation {

    private final IdentityProvisioning identity;

    PartnerTerminationRevocation(IdentityProvisioning identity) {
        this.identity = identity;
    }

    @EventListener
    void on(PartnerStatusChanged change) {
        if ("TERMINATED".equals(change.status())) {
            identity.revoke(PartnerId.of(change.partnerId()));
        }
    }
}
