package io.accord.onboarding.application;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.document.DocumentOwner;
import io.accord.onboarding.document.DocumentRef;
import io.accord.onboarding.document.Documents;
import io.accord.onboarding.partner.PersonalDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The applications naming an e-mail as a contact, for the access export (docs/personal-data.md): the contacts with
 * that e-mail as the form holds them, and the uploaded documents' metadata (never their content).
 */
@Component
class ApplicationPersonalData implements PersonalDataSource {

    private final ApplicationRepository applications;
    private final Documents documents;

    ApplicationPersonalData(ApplicationRepository applications, Documents documents) {
        this.applications = applications;
        this.documents = documents;
    }

    /**
     * An application naming the person.
     *
     * @param documents the application's uploads; after activation the partner's documents, which they became
     */
    record ApplicationRecord(UUID applicationId, ApplicationStatus status, String legalName, UUID partnerId,
                             Instant createdAt, Instant submittedAt, Instant decidedAt, Instant contactsErasedAt,
                             List<ContactRecord> contacts, List<DocumentRef> documents) {
    }

    /** A contact of the form with the e-mail asked for. @param role commercial, technical or billing */
    record ContactRecord(String role, String name, String email, String phone) {
    }

    @Override
    public String name() {
        return "applications";
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationRecord> findByEmail(String email) {
        List<ApplicationRecord> found = new ArrayList<>();
        for (PartnerApplication application : applications.findByFormContaining(email)) {
            ApplicationForm.Contacts contacts = application.form().contacts();
            if (contacts == null) {
                continue;
            }
            List<ContactRecord> matching = new ArrayList<>();
            add(matching, "commercial", contacts.commercial(), email);
            add(matching, "technical", contacts.technical(), email);
            add(matching, "billing", contacts.billing(), email);
            if (matching.isEmpty()) {
                continue;
            }
            DocumentOwner owner = application.partnerId() == null ? DocumentOwner.application(application.id())
                    : DocumentOwner.partner(new PartnerId(application.partnerId()));
            found.add(new ApplicationRecord(application.id(), application.status(), application.form().legalName(),
                    application.partnerId(), application.createdAt(), application.submittedAt(),
                    application.decidedAt(), application.contactsErasedAt(), matching, documents.of(owner)));
        }
        return found;
    }

    private static void add(List<ContactRecord> found, String role, ApplicationForm.Contact contact, String email) {
        if (contact != null && contact.email() != null && contact.email().equalsIgnoreCase(email)) {
            found.add(new ContactRecord(role, contact.name(), contact.email(), contact.phone()));
        }
    }
}
