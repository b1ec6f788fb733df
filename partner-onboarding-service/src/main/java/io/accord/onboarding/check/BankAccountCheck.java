package io.accord.onboarding.check;

import java.util.ArrayList;
import java.util.List;

/** The IBAN verifies (country, length, structure, mod 97) and the BIC, when given, fits it. */
final class BankAccountCheck {

    CheckResult check(String iban, String bic) {
        List<String> problems = new ArrayList<>();
        Ibans.problem(iban).ifPresent(problems::add);
        String ibanCountry = Ibans.country(iban);
        boolean bicGiven = bic != null && !bic.isBlank();
        if (bicGiven) {
            Bics.problem(bic, ibanCountry).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return CheckResult.failed(CheckNames.BANK_ACCOUNT, String.join("; ", problems));
        }
        String reason = "IBAN " + Ibans.format(iban) + " valid (mod 97)"
                + (bicGiven ? "; BIC " + Bics.normalise(bic) + " fits " + ibanCountry : "");
        return CheckResult.passed(CheckNames.BANK_ACCOUNT, reason);
    }
}
