package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationChecksTests {

    static final Set<String> DOCUMENTS = Set.of("TAX_FORM", "BANK_PROOF");
    static final DuplicateLookup NO_DUPLICATES = new DuplicateLookup() {
        @Override
        public List<String> partnersWithTaxId(String normalisedTaxId) {
            return List.of();
        }

        @Override
        public List<String> partnersNamed(String normalisedName, String country) {
            return List.of();
        }

        @Override
        public List<String> openApplicationsWithTaxId(String normalisedTaxId, UUID excludedApplicationId) {
            return List.of();
        }

        @Override
        public List<String> openApplicationsNamed(String normalisedName, String country, UUID excluded) {
            return List.of();
        }

        @Override
        public List<String> partnersAdministeredBy(String adminEmail) {
            return List.of();
        }

        @Override
        public List<String> partnersWithBankAccount(io.accord.onboarding.partner.BankAccount account) {
            return List.of();
        }
    };

    private final ApplicationChecks checks = new ApplicationChecks(CheckProperties.defaults(),
            () -> List.of(new DenylistEntry("Globex Corporation", "EU sanctions")));

    @Test
    void aCleanApplicationPassesEveryCheckInOrder() {
        List<CheckResult> results = checks.run(TestApplicants.clean().build(), DOCUMENTS, NO_DUPLICATES);

        assertThat(results).extracting(CheckResult::check).containsExactlyElementsOf(CheckNames.ALL);
        assertThat(results).allSatisfy(result -> assertThat(result.isPassed()).as(result.reason()).isTrue());
    }

    @Test
    void eachProblemFailsItsOwnCheckOnly() {
        ApplicantData data = TestApplicants.clean().legalName("Globex GmbH").iban("DE89370400440532013001").build();

        List<CheckResult> results = checks.run(data, DOCUMENTS, NO_DUPLICATES);

        assertThat(results).filteredOn(result -> !result.isPassed()).extracting(CheckResult::check)
                .containsExactly(CheckNames.BANK_ACCOUNT, CheckNames.SCREENING);
    }

    @Test
    void anEmptyApplicationFailsWithoutThrowing() {
        ApplicantData empty = new ApplicantData(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        List<CheckResult> results = checks.run(empty, null, NO_DUPLICATES);

        assertThat(results).extracting(CheckResult::check).containsExactlyElementsOf(CheckNames.ALL);
        assertThat(results).filteredOn(CheckResult::isPassed).extracting(CheckResult::check)
                .containsExactly(CheckNames.SCREENING);
    }
}
