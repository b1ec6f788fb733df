package io.accord.onboarding.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * No existing partner or other open application has the same tax id (in any of its written forms), or the same
 * normalised legal name in the same country.
 */
final class DuplicateCheck {

    /** The most matches a reason names; the rest are counted (a partner manager searches for them). */
    static final int MAX_LISTED = 10;

    CheckResult check(ApplicantData data, DuplicateLookup lookup) {
        Set<String> findings = new LinkedHashSet<>();
        List<String> taxIdForms = TaxIds.lookupForms(data.taxId(), data.country());
        Set<String> sameTaxId = new LinkedHashSet<>();
        for (String form : taxIdForms) {
            sameTaxId.addAll(lookup.partnersWithTaxId(form));
            sameTaxId.addAll(lookup.openApplicationsWithTaxId(form, data.applicationId()));
        }
        String canonicalTaxId = TaxIds.canonical(data.taxId(), data.country());
        if (!sameTaxId.isEmpty()) {
            findings.add("tax id " + canonicalTaxId + " is already used by " + listed(sameTaxId));
        }
        String name = Names.normalise(data.legalName());
        boolean nameComparable = !name.isEmpty() && data.country() != null && !data.country().isBlank();
        if (nameComparable) {
            Set<String> sameName = new LinkedHashSet<>(lookup.partnersNamed(name, data.country()));
            sameName.addAll(lookup.openApplicationsNamed(name, data.country(), data.applicationId()));
            if (!sameName.isEmpty()) {
                findings.add("legal name '" + data.legalName().strip() + "' (normalised '" + name + "') in "
                        + data.country() + " is already used by " + listed(sameName));
            }
        }
        if (!findings.isEmpty()) {
            return CheckResult.failed(CheckNames.DUPLICATES, String.join("; ", findings));
        }
        if (taxIdForms.isEmpty() && !nameComparable) {
            return CheckResult.failed(CheckNames.DUPLICATES,
                    "neither a tax id nor a legal name and country to compare with existing partners");
        }
        return CheckResult.passed(CheckNames.DUPLICATES, "no partner or open application shares "
                + (taxIdForms.isEmpty() ? "" : "tax id " + canonicalTaxId + (nameComparable ? " or " : ""))
                + (nameComparable ? "legal name '" + name + "' in " + data.country() : ""));
    }

    private static String listed(Set<String> matches) {
        if (matches.size() <= MAX_LISTED) {
            return String.join(", ", matches);
        }
        return String.join(", ", matches.stream().limit(MAX_LISTED).toList()) + " and " + (matches.size() - MAX_LISTED)
                + " more";
    }
}
