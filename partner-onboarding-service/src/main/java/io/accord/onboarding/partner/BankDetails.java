package io.accord.onboarding.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for bank details, used for applications and for a partner's change of bank details alike: the IBAN
 * verifies (country, length, structure, mod 97) and the BIC, when given, is well-formed and fits the IBAN's country.
 */
public final class BankDetails {

    private BankDetails() {
    }

    /** Why these bank details are not acceptable (IBAN and BIC problems together); empty when they are. */
    public static Optional<String> problem(String iban, String bic) {
        List<String> problems = new ArrayList<>();
        Ibans.problem(iban).ifPresent(problems::add);
        if (given(bic)) {
            Bics.problem(bic, Ibans.country(iban)).ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** What was verified, for valid bank details, e.g. "IBAN DE89 3704 … valid (mod 97); BIC COBADEFFXXX fits DE". */
    public static String summary(String iban, String bic) {
        return "IBAN " + Ibans.format(iban) + " valid (mod 97)"
                + (given(bic) ? "; BIC " + Bics.normalise(bic) + " fits " + Ibans.country(iban) : "");
    }

    private static boolean given(String bic) {
        return bic != null && !bic.isBlank();
    }
}
