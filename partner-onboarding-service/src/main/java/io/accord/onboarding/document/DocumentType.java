package io.accord.onboarding.document;

import io.accord.platform.problem.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a document is for; required documents per partner type are expressed in these. */
enum DocumentType {
    CONTRACT, CERTIFICATE, TAX_FORM, IDENTITY, BANK_PROOF, OTHER;

    /**
     * The types that may show persons and go with their contacts' erasure: identity papers, and OTHER, which says
     * nothing of what it holds (a photo, a CV, a letter naming people). The others are the partner's business
     * records, kept for the commercial and tax retention (docs/personal-data.md); what must be kept is uploaded as
     * one of them.
     */
    static final java.util.Set<DocumentType> PERSONAL = java.util.EnumSet.of(IDENTITY, OTHER);

    /** Parses a caller's value, answering 400 on {@code field} with the allowed values when it is none of them. */
    static DocumentType parse(String field, String value) {
        if (value != null) {
            for (DocumentType type : values()) {
                if (type.name().equals(value.strip())) {
                    return type;
                }
            }
        }
        throw new InvalidInputException(field, "'" + value + "' is not a document type; must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
}
