package io.accord.catalog.partner;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/** What other catalog features may ask about partners. */
@Component
public class KnownPartners {

    private final KnownPartnerRepository partners;

    KnownPartners(KnownPartnerRepository partners) {
        this.partners = partners;
    }

    /** A partner whose activation catalog has seen (a placeholder for an early status change is not one yet). */
    @Transactional(readOnly = true)
    public Optional<KnownPartner> find(UUID id) {
        return partners.findById(id).filter(KnownPartner::isKnown);
    }
}
