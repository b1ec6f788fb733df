package io.accord.onboarding.check;

import io.accord.onboarding.partner.PartnerType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsCheckTests {

    private final DocumentsCheck check = new DocumentsCheck(CheckProperties.defaults().commonRequiredDocuments(),
            CheckProperties.defaults().requiredDocuments());

    @Test
    void everyApplicationNeedsATaxFormAndABankProof() {
        CheckResult result = check.check(PartnerType.OTT_CONTENT, Set.of("TAX_FORM"));

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).isEqualTo(
                "missing BANK_PROOF (required for OTT_CONTENT applications: BANK_PROOF, TAX_FORM)");
        assertThat(check.check(PartnerType.OTT_CONTENT, Set.of("tax_form", "BANK_PROOF", "CONTRACT")).reason())
                .isEqualTo("all documents required for OTT_CONTENT applications attached: BANK_PROOF, TAX_FORM");
    }

    @Test
    void aCarrierAlsoNeedsItsLicenceCertificate() {
        assertThat(check.check(PartnerType.CSP_CARRIER, Set.of("TAX_FORM", "BANK_PROOF")).reason())
                .isEqualTo("missing CERTIFICATE (required for CSP_CARRIER applications: BANK_PROOF, CERTIFICATE,"
                        + " TAX_FORM)");
    }

    @Test
    void nothingAttachedListsEverythingMissing() {
        assertThat(check.check(null, null).reason())
                .isEqualTo("missing BANK_PROOF, TAX_FORM (required for every application: BANK_PROOF, TAX_FORM)");
    }
}
