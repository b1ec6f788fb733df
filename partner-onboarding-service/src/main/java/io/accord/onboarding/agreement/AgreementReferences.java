package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.PartnerReferences;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** A partner with agreement versions (in any status) is part of the agreement history: it cannot be deleted. */
@Component
class AgreementReferences implements PartnerReferences {

    private final AgreementRepository agreements;

    AgreementReferences(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> blockingDeletion(PartnerId partner) {
        long versions = agreements.countByPartnerId(partner.value());
        return versions == 0 ? Optional.empty() : Optional.of("it has " + versions + " agreement version(s)");
    }
}
