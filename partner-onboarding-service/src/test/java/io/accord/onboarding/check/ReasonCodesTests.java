package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check result carries a stable reason code, and a result stored before the codes existed (reason text only)
 * derives the same code from its wording.
 */
class ReasonCodesTests {

    private final TaxIdCheck taxId = new TaxIdCheck();

    @Test
    void taxIdResultsCarryTheirCodeAndTheWordingDerivesTheSame() {
        assertCode(taxId.check("DE136695976", "DE"), ReasonCodes.VAT_ID_VALID);
        assertCode(taxId.check("DE136695977", "DE"), ReasonCodes.VAT_ID_CHECK_DIGIT_INVALID);
        assertCode(taxId.check("DE13669597", "DE"), ReasonCodes.VAT_ID_FORMAT_INVALID);
        assertCode(taxId.check("FR44732829320", "DE"), ReasonCodes.VAT_ID_COUNTRY_MISMATCH);
        assertCode(taxId.check("FR44732829320", "US"), ReasonCodes.VAT_ID_COUNTRY_MISMATCH);
        assertCode(taxId.check(" ", "DE"), ReasonCodes.TAX_ID_MISSING);
        assertCode(taxId.check("DE136695976", null), ReasonCodes.TAX_ID_COUNTRY_MISSING);
        assertCode(taxId.check("AB12345", "US"), ReasonCodes.TAX_ID_PLAUSIBLE);
        assertCode(taxId.check("1234", "US"), ReasonCodes.TAX_ID_FORMAT_INVALID);
    }

    @Test
    void aCleanApplicantsChecksAllPassWithCodesOfTheirOwn() {
        List<CheckResult> results = ApplicationChecks.withDefaults().run(TestApplicants.clean().build(),
                ApplicationChecksTests.DOCUMENTS, ApplicationChecksTests.NO_DUPLICATES);

        assertThat(results).extracting(CheckResult::reasonCode).doesNotContainNull().doesNotHaveDuplicates();
        results.forEach(result -> assertThat(ReasonCodes.derive(result.check(), result.isPassed(), result.reason()))
                .as(result.reason()).isEqualTo(result.reasonCode()));
    }

    @Test
    void aDuplicateCarriesTheCodeOfItsFirstFindingAndTheWordingDerivesTheSame() {
        DuplicateCheckTests.Tables tables = new DuplicateCheckTests.Tables();
        tables.accounts.put("DE89370400440532013000", "partner Northwind Media GmbH (a6d0)");

        CheckResult result = new DuplicateCheck().check(TestApplicants.clean().build(), tables);

        assertCode(result, ReasonCodes.DUPLICATE_BANK_ACCOUNT);
        tables.partnerTaxIds.put("DE136695976", "partner Northwind Media GmbH (a6d0)");
        CheckResult both = new DuplicateCheck().check(TestApplicants.clean().build(), tables);
        assertCode(both, ReasonCodes.DUPLICATE_TAX_ID);
        assertThat(both.reason()).contains("bank account");
    }

    @Test
    void theApplicantGetsNeutralCodesWhereStaffLearnWhatMatched() {
        assertThat(ReasonCodes.forApplicant(CheckNames.DUPLICATES, false, ReasonCodes.DUPLICATE_TAX_ID))
                .isEqualTo(ReasonCodes.POSSIBLE_DUPLICATE);
        assertThat(ReasonCodes.forApplicant(CheckNames.DUPLICATES, false, ReasonCodes.DUPLICATE_BANK_ACCOUNT))
                .isEqualTo(ReasonCodes.POSSIBLE_DUPLICATE);
        assertThat(ReasonCodes.forApplicant(CheckNames.SCREENING, false, ReasonCodes.SCREENING_MATCH))
                .isEqualTo(ReasonCodes.SCREENING_REVIEW);
        assertThat(ReasonCodes.forApplicant(CheckNames.TAX_ID, false, ReasonCodes.VAT_ID_CHECK_DIGIT_INVALID))
                .isEqualTo(ReasonCodes.VAT_ID_CHECK_DIGIT_INVALID);
        assertThat(ReasonCodes.derive("some-future-check", false, "whatever")).isEqualTo("SOME_FUTURE_CHECK_FAILED");
    }

    private static void assertCode(CheckResult result, String code) {
        assertThat(result.reasonCode()).as(result.reason()).isEqualTo(code);
        assertThat(ReasonCodes.derive(result.check(), result.isPassed(), result.reason())).as(result.reason())
                .isEqualTo(code);
    }
}
