package io.accord.onboarding.document;

import io.accord.platform.web.AttributeFilter;
import org.springframework.data.jpa.domain.Specification;

import java.util.UUID;

/**
 * Document attributes filtered in the database: id, name, documentType and version (the latest version's
 * number); other simple attributes (status, creationDate, expiryDate...) are compared on the resource.
 * {@code expiringWithinDays} and {@code relatedParty.id} are Accord's own parameters.
 */
final class DocumentFilter {

    static final String RELATED_PARTY_ID = "relatedParty.id";

    static final AttributeFilter<Document> FILTER = AttributeFilter.<Document>of(DocumentView.class)
            .column("id", value -> equal("id", uuid(value)))
            .column("name", value -> equal("name", value))
            .column("documentType", value -> equal("documentType", DocumentType.parse("documentType", value)))
            .column("version", value -> equal("latestVersion", number(value)))
            .alsoAccepts(RELATED_PARTY_ID, "expiringWithinDays");

    private DocumentFilter() {
    }

    /** A null value matches nothing. */
    private static Specification<Document> equal(String attribute, Object value) {
        return (root, query, builder) -> value == null ? builder.disjunction()
                : builder.equal(root.get(attribute), value);
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
