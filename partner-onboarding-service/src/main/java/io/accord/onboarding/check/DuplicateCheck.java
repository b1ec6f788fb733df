package io.accord.onboarding.check;

import io.accord.onboarding.partner.BankAccount;
import io.accord.onboarding.partner.Ibans;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * No existing partner or other open application has the same tax id (in any of its written forms), or the same
 * normalised legal name in the same country; no existing partner has the application's admin contact (the
 * commercial contact, whose e-mail becomes the partner admin's Keycloak user name) as its admin; and no partner that
 * is not terminated has its bank account (IBAN, or account number and bank code) as its confirmed account.
 */
final class DuplicateCheck {

    /** The most matches a reason names; the rest are counted (a partner manager searches for them). */
    static final int MAX_LISTED = 10;

    CheckResult check(ApplicantData data, DuplicateLookup lookup) {
        // each finding by its reason code, in the order found: the result carries the first one's
        Map<String, String> findings = new LinkedHashMap<>();
        List<String> taxIdForms = TaxIds.lookupForms(data.taxId(), data.country());
        Set<String> sameTaxId = new LinkedHashSet<>();
        for (String form : taxIdForms) {
            sameTaxId.addAll(lookup.partnersWithTaxId(form));
            sameTaxId.addAll(lookup.openApplicationsWithTaxId(form, data.applicationId()));
        }
        String canonicalTaxId = TaxIds.canonical(data.taxId(), data.country());
        if (!sameTaxId.isEmpty()) {
            findings.put(ReasonCodes.DUPLICATE_TAX_ID, "tax id " + canonicalTaxId + " is already used by "
                    + listed(sameTaxId));
        }
        String name = Names.normalise(data.legalName());
        boolean nameComparable = !name.isEmpty() && data.country() != null && !data.country().isBlank();
        if (nameComparable) {
            Set<String> sameName = new LinkedHashSet<>(lookup.partnersNamed(name, data.country()));
            sameName.addAll(lookup.openApplicationsNamed(name, data.country(), data.applicationId()));
            if (!sameName.isEmpty()) {
                findings.put(ReasonCodes.DUPLICATE_LEGAL_NAME, "legal name '" + data.legalName().strip()
                        + "' (normalised '" + name + "') in "
                        + data.country() + " is already used by " + listed(sameName));
            }
        }
        String adminEmail = adminEmail(data);
        if (adminEmail != null) {
            // found on 2026-12-07: such a partner was approved and got no admin, its provisioning failing for good
            List<String> administered = lookup.partnersAdministeredBy(adminEmail);
            if (!administered.isEmpty()) {
                findings.put(ReasonCodes.DUPLICATE_ADMIN_EMAIL, "admin contact e-mail " + adminEmail
                        + " (contacts.commercial.email) already"
                        + " administers " + listed(new LinkedHashSet<>(administered)) + "; a Keycloak user belongs"
                        + " to one partner only, so this partner would get no admin: ask the applicant for another"
                        + " e-mail address before approving");
            }
        }
        BankAccount account = data.bankAccount();
        boolean accountComparable = account != null && (account.iban() != null || account.accountNumber() != null);
        if (accountComparable) {
            // found on 2026-12-07: an application with an active partner's IBAN was approved without review
            List<String> holders = lookup.partnersWithBankAccount(account);
            if (!holders.isEmpty()) {
                findings.put(ReasonCodes.DUPLICATE_BANK_ACCOUNT, "bank account " + (account.iban() != null
                        ? "IBAN " + Ibans.format(account.iban())
                        : account.accountNumber() + " (bank code " + account.bankCode() + ")")
                        + " is already the account of " + listed(new LinkedHashSet<>(holders)));
            }
        }
        if (!findings.isEmpty()) {
            return CheckResult.failed(CheckNames.DUPLICATES, findings.keySet().iterator().next(),
                    String.join("; ", findings.values()));
        }
        if (taxIdForms.isEmpty() && !nameComparable) {
            return CheckResult.failed(CheckNames.DUPLICATES, ReasonCodes.DUPLICATE_NOT_COMPARABLE,
                    "neither a tax id nor a legal name and country to compare with existing partners");
        }
        return CheckResult.passed(CheckNames.DUPLICATES, ReasonCodes.NO_DUPLICATE, "no partner or open application shares "
                + (taxIdForms.isEmpty() ? "" : "tax id " + canonicalTaxId + (nameComparable ? " or " : ""))
                + (nameComparable ? "legal name '" + name + "' in " + data.country() : "")
                + (accountComparable ? (taxIdForms.isEmpty() && !nameComparable ? "" : ", nor ")
                + "the bank account" : ""));
    }

    private static String adminEmail(ApplicantData data) {
        if (data.commercial() == null || data.commercial().email() == null || data.commercial().email().isBlank()) {
            return null;
        }
        return data.commercial().email().strip().toLowerCase(Locale.ROOT);
    }

    private static String listed(Set<String> matches) {
        if (matches.size() <= MAX_LISTED) {
            return String.join(", ", matches);
        }
        return String.join(", ", matches.stream().limit(MAX_LISTED).toList()) + " and " + (matches.size() - MAX_LISTED)
                + " more";
    }
}
