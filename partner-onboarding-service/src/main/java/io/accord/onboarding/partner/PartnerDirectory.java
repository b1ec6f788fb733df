package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * What other features may know about a partner, read in the caller's transaction (so a partner created earlier
 * in that transaction is found), without reaching into the partner aggregate. No tenancy check: callers decide
 * who may see what they return.
 */
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

    @Transactional(readOnly = true)
    public Optional<Entry> find(PartnerId id) {
        return partners.findById(id.value()).map(partner -> new Entry(partner.partnerId(), partner.legalName(),
                partner.businessModel(), partner.settlementCurrency(), partner.status()));
    }

    /** A partner as other features see it. */
    public record Entry(PartnerId id, String legalName, BusinessModel businessModel, String settlementCurrency,
                        PartnerStatus status) {
    }
}
