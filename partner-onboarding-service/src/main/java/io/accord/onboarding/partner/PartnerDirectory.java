package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What other features of this service may ask about partners, without reaching into the partner aggregate. */
@Component
public class PartnerDirectory {

    private final PartnerRepository partners;

    PartnerDirectory(PartnerRepository partners) {
        this.partners = partners;
    }

    /** Whether a partner with this id exists (in any status). */
    @Transactional(readOnly = true)
    public boolean exists(PartnerId partner) {
        return partners.existsById(partner.value());
    }
}
