package io.accord.onboarding.partner;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bank accounts of countries that issue no IBANs, identified by a bank code and an account number. For the US the
 * bank code is the ABA routing number (9 digits whose weighted sum 3-7-1 is a multiple of 10) and the account
 * number has 4 to 17 digits; elsewhere only the shape is checked (bank code 3 to 15, account number 4 to 34 letters
 * or digits), since there is no registry to verify them against.
 */
final class DomesticAccounts {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    private static final Pattern US_ACCOUNT = Pattern.compile("[0-9]{4,17}");
    private static final Pattern ABA = Pattern.compile("[0-9]{9}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{4,34}");
    private static final Pattern BANK_CODE = Pattern.compile("[A-Z0-9]{3,15}");

    private DomesticAccounts() {
    }

    /** Upper case without spaces or hyphens; {@code null} stays {@code null}. */
    static String normalise(String value) {
        return value == null ? null : SEPARATORS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Why account number or bank code is not acceptable in this country, with the field; empty when they are. */
    static Optional<BankDetails.Problem> problem(String country, String accountNumber, String bankCode) {
        String account = normalise(accountNumber);
        String bank = normalise(bankCode);
        if (account == null || account.isEmpty()) {
            return Optional.of(new BankDetails.Problem("accountNumber", "no account number given"));
        }
        if (bank == null || bank.isEmpty()) {
            return Optional.of(new BankDetails.Problem("bankCode", "no bank code given"
                    + ("US".equals(country) ? " (the ABA routing number)" : "")));
        }
        if ("US".equals(country)) {
            if (!ABA.matcher(bank).matches()) {
                return Optional.of(new BankDetails.Problem("bankCode", "ABA routing number " + bank
                        + ": expected 9 digits"));
            }
            if (!abaChecksumVerifies(bank)) {
                return Optional.of(new BankDetails.Problem("bankCode", "ABA routing number " + bank
                        + ": checksum does not verify"));
            }
            if (!US_ACCOUNT.matcher(account).matches()) {
                return Optional.of(new BankDetails.Problem("accountNumber", "US account numbers have 4 to 17"
                        + " digits"));
            }
            return Optional.empty();
        }
        if (!BANK_CODE.matcher(bank).matches()) {
            return Optional.of(new BankDetails.Problem("bankCode", "bank code " + bank + ": expected 3 to 15"
                    + " letters or digits"));
        }
        if (!ACCOUNT.matcher(account).matches()) {
            return Optional.of(new BankDetails.Problem("accountNumber", "account numbers have 4 to 34 letters or"
                    + " digits"));
        }
        return Optional.empty();
    }

    /** The ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
    static boolean abaChecksumVerifies(String routingNumber) {
        int[] weights = {3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i % 3] * (routingNumber.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }

    /**
     * The account number as shown to someone who may know that a partner has an account but not which: the last
     * four characters after starred groups that do not tell the length, e.g. {@code "**** **** 6789"}, like
     * {@link Ibans#mask}; eight characters or fewer are all stars.
     */
    static String mask(String accountNumber) {
        String normalised = normalise(accountNumber);
        if (normalised == null) {
            return null;
        }
        if (normalised.length() <= 8) {
            return "**** ****";
        }
        return "**** **** " + normalised.substring(normalised.length() - 4);
    }
}
