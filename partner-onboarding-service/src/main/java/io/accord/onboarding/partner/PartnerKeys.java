package io.accord.onboarding.partner;

import java.util.List;
import java.util.Optional;

/**
 * The normalised forms duplicate detection compares, given to partners by the checks feature (which owns the
 * rules), so a partner created by staff carries the same keys as one onboarded through an application.
 */
public interface PartnerKeys {

    /** The legal name as duplicate detection compares it ({@code Names.normalise}). */
    String normalisedName(String legalName);

    /** The tax id as duplicate detection compares it ({@code TaxIds.normalise}); {@code null} stays {@code null}. */
    String normalisedTaxId(String taxId);

    /**
     * Why {@code taxId} is not a valid tax id of {@code country}: the tax-id check of applications (the country's VAT
     * scheme, format and check digit; docs/onboarding-checks.md), or empty when it passes.
     */
    Optional<String> taxIdRejection(String taxId, String country);

    /** The normalised forms another partner may have stored the same tax id under (with and without the prefix). */
    List<String> taxIdForms(String taxId, String country);
}
