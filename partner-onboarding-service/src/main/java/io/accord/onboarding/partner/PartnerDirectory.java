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
                partner.businessModel(), partner.settlementCurrency(), partner.status(), partner.country(),
                partner.taxId()));
    }

    /**
     * A partner as other features see it.
     *
     * @param country ISO 3166; with {@code taxId} (normalised, {@code null} when staff created the partner
     *                without one), what its agreement's tax treatment is derived from
     */
    public record Entry(PartnerId id, String legalName, BusinessModel businessModel, String settlementCurrency,
                        PartnerStatus status, String country, String taxId) {
    }
}
