package io.accord.onboarding.check;

/** The check-digit arithmetic that several identifier schemes share. Inputs are validated digit strings. */
final class CheckDigits {

    private CheckDigits() {
    }

    static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    /** The sum of digit i times weight i, for as many digits as there are weights. */
    static int weightedSum(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(digits, i);
        }
        return sum;
    }

    /** Luhn (ISO/IEC 7812): doubling every second digit from the right, the total is a multiple of 10. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = digit(digits, digits.length() - 1 - i);
            if (i % 2 == 1) {
                value = value * 2 > 9 ? value * 2 - 9 : value * 2;
            }
            sum += value;
        }
        return sum % 10 == 0;
    }

    /** ISO 7064 MOD 11,10 (German VAT, Croatian OIB): the last digit checks all others. */
    static boolean iso7064Mod11Radix10(String digits) {
        int product = 10;
        for (int i = 0; i < digits.length() - 1; i++) {
            int sum = (digit(digits, i) + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        return (11 - product) % 10 == digit(digits, digits.length() - 1);
    }

    /**
     * The remainder modulo 97 of the number formed by the characters, letters counting as two digits (A = 10 …
     * Z = 35) as ISO 7064 MOD 97-10 does for IBANs; streamed so no big integer is needed.
     */
    static int mod97(CharSequence alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            int value = Character.digit(alphanumeric.charAt(i), 36);
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder;
    }
}
