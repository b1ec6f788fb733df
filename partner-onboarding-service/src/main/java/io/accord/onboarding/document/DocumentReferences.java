package io.accord.onboarding.document;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.PartnerReferences;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** A partner that owns documents cannot be deleted: the documents (and their audit) refer to it. */
@Component
class DocumentReferences implements PartnerReferences {

    private final DocumentRepository documents;

    DocumentReferences(DocumentRepository documents) {
        this.documents = documents;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> blockingDeletion(PartnerId partner) {
        long owned = documents.countByOwnerTypeAndOwnerId(OwnerType.PARTNER, partner.value());
        return owned == 0 ? Optional.empty() : Optional.of("it owns " + owned + " document(s)");
    }
}
