package io.accord.onboarding.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for bank details, used for applications and for a partner's change of bank details alike. An IBAN
 * verifies (country, length, structure, mod 97) and its BIC, when given, is well-formed and fits the IBAN's country;
 * an IBAN of another country than the partner's is accepted (a warning for the reviewer, see
 * {@link #countryWarning}). A partner in a country that issues no IBANs may instead give a domestic account number
 * and bank code ({@link DomesticAccounts}) with a BIC of its country (optional in the US, where the ABA routing
 * number routes the payment; required elsewhere, where a bank code alone does not); in a country that issues IBANs
 * that form is refused: the IBAN is what its banks give.
 */
public final class BankDetails {

    /** What is wrong, and the request field ({@code iban}, {@code bic}, {@code accountNumber}, {@code bankCode}). */
    public record Problem(String field, String reason) {
    }

    private BankDetails() {
    }

    /** Why these bank details are not acceptable for a partner of this country; empty when they are. */
    public static Optional<Problem> problem(BankAccount account, String partnerCountry) {
        List<Problem> problems = problems(account, partnerCountry);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(problems.getFirst().field(),
                String.join("; ", problems.stream().map(Problem::reason).toList())));
    }

    private static List<Problem> problems(BankAccount account, String partnerCountry) {
        List<Problem> problems = new ArrayList<>();
        boolean domestic = given(account.accountNumber()) || given(account.bankCode());
        if (given(account.iban()) && domestic) {
            problems.add(new Problem("iban", "give either an IBAN or an account number with its bank code, not"
                    + " both"));
            return problems;
        }
        if (domestic) {
            return domesticProblems(account, partnerCountry);
        }
        boolean noIbansAtHome = partnerCountry != null && !partnerCountry.isBlank() && !issuesIbans(partnerCountry);
        Ibans.problem(account.iban()).map(reason -> reason + (noIbansAtHome ? " (" + partnerCountry
                        + " issues no IBANs: give accountNumber and bankCode instead)" : ""))
                .ifPresent(reason -> problems.add(new Problem("iban", reason)));
        if (given(account.bic())) {
            Bics.problem(account.bic(), Ibans.country(account.iban()))
                    .ifPresent(reason -> problems.add(new Problem("bic", reason)));
        }
        return problems;
    }

    private static List<Problem> domesticProblems(BankAccount account, String partnerCountry) {
        List<Problem> problems = new ArrayList<>();
        if (partnerCountry == null || partnerCountry.isBlank()) {
            problems.add(new Problem("accountNumber", "an account number and bank code need the partner's"
                    + " country"));
            return problems;
        }
        if (issuesIbans(partnerCountry)) {
            problems.add(new Problem("accountNumber", partnerCountry + " issues IBANs: give the account's IBAN"
                    + " (iban) instead of accountNumber and bankCode"));
            return problems;
        }
        DomesticAccounts.problem(partnerCountry, account.accountNumber(), account.bankCode())
                .ifPresent(problems::add);
        if (given(account.bic())) {
            Bics.problem(account.bic(), partnerCountry).map(reason -> reason.replace("the IBAN's country",
                    "the account's country")).ifPresent(reason -> problems.add(new Problem("bic", reason)));
        } else if (!"US".equals(partnerCountry)) {
            problems.add(new Problem("bic", "a BIC is required for an account in " + partnerCountry
                    + ": a bank code alone does not route an international payment"));
        }
        return problems;
    }

    /** Whether banks of this country (ISO 3166-1 alpha-2) issue IBANs. */
    private static boolean issuesIbans(String country) {
        return Ibans.issuedIn(country);
    }

    /** What was verified, for valid bank details, e.g. "IBAN DE89 3704 … valid (mod 97); BIC COBADEFFXXX fits DE". */
    public static String summary(BankAccount account, String partnerCountry) {
        if (!given(account.iban())) {
            return "account " + DomesticAccounts.normalise(account.accountNumber()) + " at bank code "
                    + DomesticAccounts.normalise(account.bankCode())
                    + ("US".equals(partnerCountry) ? " (ABA routing number, checksum verifies)" : "")
                    + " in " + partnerCountry + ", which issues no IBANs"
                    + (given(account.bic()) ? "; BIC " + Bics.normalise(account.bic()) + " fits " + partnerCountry
                    : "");
        }
        return "IBAN " + Ibans.format(account.iban()) + " valid (mod 97)"
                + (given(account.bic()) ? "; BIC " + Bics.normalise(account.bic()) + " fits "
                + Ibans.country(account.iban()) : "");
    }

    /**
     * A warning for the reviewer when the IBAN's country is not the partner's (allowed: a partner may keep its
     * account abroad, but it is also how payments are diverted); empty otherwise.
     */
    public static Optional<String> countryWarning(BankAccount account, String partnerCountry) {
        if (account == null || !given(account.iban()) || partnerCountry == null) {
            return Optional.empty();
        }
        String ibanCountry = Ibans.country(account.iban());
        return ibanCountry.equals(partnerCountry) ? Optional.empty()
                : Optional.of("the IBAN is of " + ibanCountry + ", the partner is in " + partnerCountry);
    }

    /** The bank details normalised (IBAN, BIC, account number and bank code without spaces, in upper case). */
    public static BankAccount normalise(String iban, String bic, String accountNumber, String bankCode) {
        String normalisedBic = given(bic) ? Bics.normalise(bic) : null;
        return new BankAccount(given(iban) ? Ibans.normalise(iban) : null, normalisedBic,
                given(accountNumber) ? DomesticAccounts.normalise(accountNumber) : null,
                given(bankCode) ? DomesticAccounts.normalise(bankCode) : null);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
