package io.accord.onboarding.check;

import io.accord.onboarding.partner.BankAccount;
import io.accord.onboarding.partner.BankDetails;

/**
 * The partner's rule ({@link BankDetails}): the IBAN verifies (country, length, structure, mod 97) and the BIC, when
 * given, fits it; or, where the applicant's country issues no IBANs, account number and bank code (US: ABA routing
 * number with its checksum) with a BIC. An IBAN of another country than the applicant's passes with a note.
 */
final class BankAccountCheck {

    CheckResult check(ApplicantData data) {
        BankAccount account = data.bankAccount();
        if (account == null) {
            account = new BankAccount(null, null);
        }
        BankAccount given = account;
        return BankDetails.problem(given, data.country())
                .map(problem -> CheckResult.failed(CheckNames.BANK_ACCOUNT, ReasonCodes.BANK_ACCOUNT_INVALID,
                        problem.reason()))
                .orElseGet(() -> CheckResult.passed(CheckNames.BANK_ACCOUNT, ReasonCodes.BANK_ACCOUNT_VALID,
                        BankDetails.summary(given,
                        data.country()) + BankDetails.countryWarning(given, data.country())
                        .map(warning -> "; note: " + warning).orElse("")));
    }
}
