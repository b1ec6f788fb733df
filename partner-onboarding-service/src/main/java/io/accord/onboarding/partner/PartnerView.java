package io.accord.onboarding.partner;

import java.time.Instant;
import java.util.UUID;

/** A partner as the API shows it. */
record PartnerView(UUID id, String href, String legalName, PartnerType partnerType, BusinessModel businessModel,
                   String country, String settlementCurrency, PartnerStatus status, String statusReason,
                   Instant createdAt, Instant updatedAt) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id(), PartnerController.PATH + "/" + partner.id(), partner.legalName(),
                partner.partnerType(), partner.businessModel(), partner.country(), partner.settlementCurrency(),
                partner.status(), partner.statusReason(), partner.createdAt(), partner.updatedAt());
    }
}
