package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the application flow asks of partners: make one, and find look-alikes for duplicate detection. */
@Component
public class PartnerRegistry {

    private final PartnerRepository partners;
    private final PartnerService service;

    PartnerRegistry(PartnerRepository partners, PartnerService service) {
        this.partners = partners;
        this.service = service;
    }

    /** Creates the ACTIVE partner of an approved application, in the caller's (activation) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PartnerId activate(PartnerProfile profile, UUID applicationId, String normalisedName, Instant now) {
        return service.activate(profile, applicationId, normalisedName, now).partnerId();
    }

    /** Whether a partner with this id exists, whatever its status. */
    @Transactional(readOnly = true)
    public boolean exists(PartnerId id) {
        return partners.existsById(id.value());
    }

    /**
     * Creates an ACTIVE partner with a given id, in the caller's transaction, with the same audit entry and
     * events as any other: only for the development demo partners, whose ids the demo users' tokens carry.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PartnerId activateDemo(UUID id, PartnerProfile profile, Instant now) {
        return service.activateDemo(id, profile, now).partnerId();
    }

    /** "Legal name (id)" of partners with this tax id, for a duplicate check's reason. */
    @Transactional(readOnly = true)
    public List<String> withTaxId(String normalisedTaxId) {
        return partners.findByTaxId(normalisedTaxId).stream().map(PartnerRegistry::label).toList();
    }

    @Transactional(readOnly = true)
    public List<String> named(String normalisedName, String country) {
        return partners.findByNormalisedNameAndCountry(normalisedName, country).stream()
                .map(PartnerRegistry::label).toList();
    }

    /** "Legal name (id)" of partners that are not terminated whose confirmed account is this one. */
    @Transactional(readOnly = true)
    public List<String> withBankAccount(BankAccount account) {
        List<Partner> holders = account.iban() != null ? partners.findByIban(account.iban())
                : partners.findByAccountNumberAndBankCode(account.accountNumber(), account.bankCode());
        return holders.stream().filter(partner -> partner.status() != PartnerStatus.TERMINATED)
                .map(PartnerRegistry::label).toList();
    }

    private static String label(Partner partner) {
        return "partner " + partner.legalName() + " (" + partner.id() + ")";
    }
}
