package io.accord.onboarding.check;

import io.accord.onboarding.partner.BankAccount;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateCheckTests {

    private final DuplicateCheck check = new DuplicateCheck();

    @Test
    void noMatchPasses() {
        CheckResult result = check.check(TestApplicants.clean().build(), new Tables());

        assertThat(result.isPassed()).isTrue();
        assertThat(result.reason()).isEqualTo(
                "no partner or open application shares tax id DE136695976 or legal name 'streamly media' in DE,"
                        + " nor the bank account");
    }

    @Test
    void aPartnerWithTheSameIbanIsADuplicateTheApplicantIsNotTold() {
        Tables tables = new Tables();
        tables.accounts.put("DE89370400440532013000", "partner Northwind Media GmbH (a6d0)");

        CheckResult result = check.check(TestApplicants.clean().build(), tables);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).isEqualTo("bank account IBAN DE89 3704 0044 0532 0130 00 is already the account"
                + " of partner Northwind Media GmbH (a6d0)");
        assertThat(ApplicantReasons.of(CheckNames.DUPLICATES, false, result.reason()))
                .isEqualTo(ApplicantReasons.POSSIBLE_DUPLICATE);
    }

    @Test
    void aPartnerWithTheSameDomesticAccountIsADuplicate() {
        Tables tables = new Tables();
        tables.accounts.put("000123456789|021000021", "partner Acme Inc (b7e1)");
        ApplicantData data = TestApplicants.clean().build();
        ApplicantData us = new ApplicantData(data.applicationId(), data.type(), data.model(), "Acme Two Inc", null,
                "US", null, null, data.commercial(), null, null, null, null, "USD", "0001-2345-6789", "021000021");

        assertThat(check.check(us, tables).reason()).contains("bank account 000123456789 (bank code 021000021) is"
                + " already the account of partner Acme Inc (b7e1)");
    }

    @Test
    void aPartnerWithTheSameTaxIdWrittenWithoutPrefixIsADuplicate() {
        Tables tables = new Tables();
        tables.partnerTaxIds.put("136695976", "partner Streamly Media GmbH (5c1f)");

        CheckResult result = check.check(TestApplicants.clean().taxId("de 136 695 976").build(), tables);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason())
                .isEqualTo("tax id DE136695976 is already used by partner Streamly Media GmbH (5c1f)");
    }

    @Test
    void anOpenApplicationWithTheSameNormalisedNameInTheSameCountryIsADuplicate() {
        Tables tables = new Tables();
        tables.applicationNames.put("streamly media|DE", "application 81aa (Streamly Media AG)");

        CheckResult result = check.check(TestApplicants.clean().legalName("STREAMLY MÉDIA GmbH").build(), tables);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).isEqualTo("legal name 'STREAMLY MÉDIA GmbH' (normalised 'streamly media') in DE"
                + " is already used by application 81aa (Streamly Media AG)");
    }

    @Test
    void theSameNameInAnotherCountryIsNoDuplicate() {
        Tables tables = new Tables();
        tables.partnerNames.put("streamly media|AT", "partner Streamly Media GmbH (Vienna)");

        assertThat(check.check(TestApplicants.clean().build(), tables).isPassed()).isTrue();
    }

    @Test
    void theApplicationItselfIsExcludedFromTheLookup() {
        Tables tables = new Tables();
        ApplicantData data = TestApplicants.clean().build();

        check.check(data, tables);

        assertThat(tables.excludedIds).isNotEmpty().allMatch(data.applicationId()::equals);
    }

    @Test
    void reportsTaxIdAndNameFindingsTogether() {
        Tables tables = new Tables();
        tables.partnerTaxIds.put("DE136695976", "partner A (1)");
        tables.partnerNames.put("streamly media|DE", "partner B (2)");

        assertThat(check.check(TestApplicants.clean().build(), tables).reason()).isEqualTo(
                "tax id DE136695976 is already used by partner A (1); legal name 'Streamly Media GmbH'"
                        + " (normalised 'streamly media') in DE is already used by partner B (2)");
    }

    @Test
    void aReasonNamesTenMatchesAndCountsTheRest() {
        Tables tables = new Tables();
        tables.partnerTaxIds.put("DE136695976", "partner A (1)");
        for (int i = 0; i < 63; i++) {
            tables.applicationNames.merge("streamly media|DE", "application " + i, (a, b) -> a + "\n" + b);
        }

        String reason = check.check(TestApplicants.clean().build(), tables).reason();

        assertThat(reason).startsWith("tax id DE136695976 is already used by partner A (1); legal name")
                .contains("already used by application 0, application 1, ").contains("application 9 and 53 more")
                .doesNotContain("application 10");
    }

    @Test
    void anAdminContactWhoAlreadyAdministersAnotherPartnerIsReportedWhateverItsCase() {
        Tables tables = new Tables();
        tables.adminEmails.put("anna.schmidt@streamly.example", "partner Northwind Media GmbH (a6d0)");

        CheckResult result = check.check(TestApplicants.clean().commercial(
                new Contact("Anna Schmidt", " Anna.Schmidt@Streamly.example", null)).build(), tables);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).startsWith("admin contact e-mail anna.schmidt@streamly.example"
                + " (contacts.commercial.email) already administers partner Northwind Media GmbH (a6d0)")
                .contains("one partner only");
        assertThat(ApplicantReasons.of(CheckNames.DUPLICATES, false, result.reason()))
                .isEqualTo(ApplicantReasons.POSSIBLE_DUPLICATE);
    }

    /** The caller's tables, keyed as the lookup asks: tax id, or normalised name|country. */
    static final class Tables implements DuplicateLookup {

        final Map<String, String> partnerTaxIds = new HashMap<>();
        final Map<String, String> partnerNames = new HashMap<>();
        final Map<String, String> applicationNames = new HashMap<>();
        final Map<String, String> adminEmails = new HashMap<>();
        final Map<String, String> accounts = new HashMap<>();
        final List<UUID> excludedIds = new ArrayList<>();

        @Override
        public List<String> partnersWithTaxId(String normalisedTaxId) {
            return found(partnerTaxIds.get(normalisedTaxId));
        }

        @Override
        public List<String> partnersNamed(String normalisedName, String country) {
            return found(partnerNames.get(normalisedName + "|" + country));
        }

        @Override
        public List<String> openApplicationsWithTaxId(String normalisedTaxId, UUID excludedApplicationId) {
            excludedIds.add(excludedApplicationId);
            return List.of();
        }

        @Override
        public List<String> openApplicationsNamed(String normalisedName, String country, UUID excludedApplicationId) {
            excludedIds.add(excludedApplicationId);
            return found(applicationNames.get(normalisedName + "|" + country));
        }

        @Override
        public List<String> partnersAdministeredBy(String adminEmail) {
            return found(adminEmails.get(adminEmail));
        }

        @Override
        public List<String> partnersWithBankAccount(BankAccount account) {
            return found(accounts.get(account.iban() != null ? account.iban()
                    : account.accountNumber() + "|" + account.bankCode()));
        }

        private static List<String> found(String label) {
            return label == null ? List.of() : List.of(label.split("\n")); // several: one a line
        }
    }
}
