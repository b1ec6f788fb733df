package io.accord.onboarding.document;

import java.util.UUID;

/**
 * A stored document as other features see it.
 *
 * @param href          the TMF667 resource, {@code /tmf-api/document/v4/document/{id}}
 * @param documentType  one of CONTRACT, CERTIFICATE, TAX_FORM, IDENTITY, BANK_PROOF, OTHER
 * @param version       the latest version number, from 1
 * @param mimeType      the type detected from the content of the latest version
 * @param sha256        hex SHA-256 of the latest version's bytes
 */
public record DocumentRef(UUID id, String href, String name, String documentType, int version, String mimeType,
                          String sha256) {
}
