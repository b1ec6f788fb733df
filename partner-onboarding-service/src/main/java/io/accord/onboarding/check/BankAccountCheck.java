package io.accord.onboarding.check;

import io.accord.onboarding.partner.BankDetails;

/** The IBAN verifies (country, length, structure, mod 97) and the BIC, when given, fits it: the partner's rule. */
final class BankAccountCheck {

    CheckResult check(String iban, String bic) {
        return BankDetails.problem(iban, bic)
                .map(problem -> CheckResult.failed(CheckNames.BANK_ACCOUNT, problem))
                .orElseGet(() -> CheckResult.passed(CheckNames.BANK_ACCOUNT, BankDetails.summary(iban, bic)));
    }
}
