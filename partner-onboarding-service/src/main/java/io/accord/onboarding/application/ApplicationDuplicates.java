package io.accord.onboarding.application;

import io.accord.onboarding.check.DuplicateLookup;
import io.accord.onboarding.identity.IdentityProvisioning;
import io.accord.onboarding.partner.BankAccount;
import io.accord.onboarding.partner.PartnerRegistry;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Duplicate detection's view of our data: partners, and other submitted, undecided applications (not this one). */
final class ApplicationDuplicates implements DuplicateLookup {

    /**
     * Submitted and not decided yet. A DRAFT is not counted: anyone may start one anonymously and leave it, so the
     * same company's abandoned first try (or a stranger's draft in its name) would send its real application to
     * review; a draft meets the others' applications when it is submitted.
     */
    private static final Set<ApplicationStatus> OPEN =
            Set.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED);

    private final PartnerRegistry partners;
    private final ApplicationRepository applications;
    private final IdentityProvisioning identities;

    ApplicationDuplicates(PartnerRegistry partners, ApplicationRepository applications,
                          IdentityProvisioning identities) {
        this.partners = partners;
        this.applications = applications;
        this.identities = identities;
    }

    @Override
    public List<String> partnersWithTaxId(String normalisedTaxId) {
        return partners.withTaxId(normalisedTaxId);
    }

    @Override
    public List<String> partnersNamed(String normalisedName, String country) {
        return partners.named(normalisedName, country);
    }

    @Override
    public List<String> openApplicationsWithTaxId(String normalisedTaxId, UUID excludedApplicationId) {
        return applications.findByTaxIdAndStatusInAndIdNot(normalisedTaxId, OPEN, excludedApplicationId).stream()
                .map(ApplicationDuplicates::label).toList();
    }

    @Override
    public List<String> openApplicationsNamed(String normalisedName, String country, UUID excludedApplicationId) {
        return applications.findByNormalisedNameAndCountryAndStatusInAndIdNot(normalisedName, country, OPEN,
                        excludedApplicationId)
                .stream().map(ApplicationDuplicates::label).toList();
    }

    @Override
    public List<String> partnersAdministeredBy(String adminEmail) {
        return identities.partnersAdministeredBy(adminEmail).stream()
                .map(partner -> "partner " + partner.legalName() + " (" + partner.partnerId() + ")").toList();
    }

    @Override
    public List<String> partnersWithBankAccount(BankAccount account) {
        return partners.withBankAccount(account);
    }

    private static String label(PartnerApplication application) {
        return "application " + application.form().legalName() + " (" + application.id() + ")";
    }
}
