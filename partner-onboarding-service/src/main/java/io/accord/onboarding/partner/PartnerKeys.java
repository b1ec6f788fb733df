package io.accord.onboarding.partner;

/**
 * The normalised forms duplicate detection compares, given to partners by the checks feature (which owns the
 * rules), so a partner created by staff carries the same keys as one onboarded through an application.
 */
public interface PartnerKeys {

    /** The legal name as duplicate detection compares it ({@code Names.normalise}). */
    String normalisedName(String legalName);

    /** The tax id as duplicate detection compares it ({@code TaxIds.normalise}); {@code null} stays {@code null}. */
    String normalisedTaxId(String taxId);
}
