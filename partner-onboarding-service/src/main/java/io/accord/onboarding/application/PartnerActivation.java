package io.accord.onboarding.application;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.agreement.Agreements;
import io.accord.onboarding.document.Documents;
import io.accord.onboarding.identity.AdminContact;
import io.accord.onboarding.identity.IdentityProvisioning;
import io.accord.onboarding.partner.PartnerRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * An approved application becomes a partner, all or nothing: the TMF632 organization, its agreement from the
 * template of its business model, its documents, and the request to provision its identity in Keycloak (which
 * a worker carries out and retries, so Keycloak being down never blocks activation).
 */
@Component
class PartnerActivation {

    private final PartnerRegistry partners;
    private final Agreements agreements;
    private final Documents documents;
    private final IdentityProvisioning identities;

    PartnerActivation(PartnerRegistry partners, Agreements agreements, Documents documents,
                      IdentityProvisioning identities) {
        this.partners = partners;
        this.agreements = agreements;
        this.documents = documents;
        this.identities = identities;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    PartnerId activate(PartnerApplication application, String normalisedName, String taxId, Instant now) {
        ApplicationForm form = application.form();
        PartnerId partner = partners.activate(form.toProfile(taxId), application.id(), normalisedName, now);
        agreements.startFromTemplate(partner, form.businessModel(), form.settlementCurrency(), now);
        documents.transferToPartner(application.id(), partner);
        ApplicationForm.Contact admin = form.contacts().commercial();
        identities.requestFor(partner, form.legalName(), new AdminContact(admin.email(),
                firstName(admin.name()), lastName(admin.name())));
        application.activated(partner.value(), now);
        return partner;
    }

    private static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String lastName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? null : trimmed.substring(space + 1).strip();
    }
}
