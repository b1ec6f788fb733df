package io.accord.onboarding.check;

import static io.accord.onboarding.check.CheckDigits.digit;
import static io.accord.onboarding.check.CheckDigits.weightedSum;

/**
 * Check-digit rules of the EU VAT numbers from Austria to Hungary whose check is a digit, as the national tax
 * administrations publish them; Cyprus, Spain, France and Ireland are in {@link VatCheckLetters}. Each takes the
 * number after the prefix, already matching its scheme's format. Forms for natural persons that only carry a
 * birth-date based code (Bulgarian 10-digit, Czech 9/10-digit numbers) are accepted on format.
 */
final class VatCheckDigits {

    private VatCheckDigits() {
    }

    /** U + 8 digits; digits at odd positions doubled (digit sum), plus 4, complement to 10. */
    static boolean austria(String number) {
        String digits = number.substring(1);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int value = digit(digits, i) * (i % 2 == 0 ? 1 : 2);
            sum += value > 9 ? value - 9 : value;
        }
        return (10 - (sum + 4) % 10) % 10 == digit(digits, 7);
    }

    /** The last two digits are 97 minus the first eight modulo 97. */
    static boolean belgium(String number) {
        return 97 - Long.parseLong(number.substring(0, 8)) % 97 == Integer.parseInt(number.substring(8));
    }

    /** Legal entities (9 digits): weights 1..8, or 3..10 when that gives 10. 10-digit numbers: format only. */
    static boolean bulgaria(String number) {
        if (number.length() == 10) {
            return true;
        }
        int check = weightedSum(number, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
        if (check == 10) {
            check = weightedSum(number, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
        }
        return check % 10 == digit(number, 8);
    }

    /** Legal entities (8 digits, not starting 9): weights 8..2 modulo 11. Persons (9/10 digits): format only. */
    static boolean czechia(String number) {
        if (number.length() != 8) {
            return true;
        }
        if (number.charAt(0) == '9') {
            return false;
        }
        int check = (11 - weightedSum(number, 8, 7, 6, 5, 4, 3, 2) % 11) % 11;
        return (check == 0 ? 1 : check) % 10 == digit(number, 7);
    }

    static boolean germany(String number) {
        return CheckDigits.iso7064Mod11Radix10(number);
    }

    /** Weights 2,7,6,5,4,3,2,1 sum to a multiple of 11. */
    static boolean denmark(String number) {
        return weightedSum(number, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
    }

    /** Weights 3,7,1 repeated sum to a multiple of 10. */
    static boolean estonia(String number) {
        return weightedSum(number, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
    }

    /** Digit i weighted 2^(8-i); the sum modulo 11 (10 counting as 0) is the last digit. */
    static boolean greece(String number) {
        return weightedSum(number, 256, 128, 64, 32, 16, 8, 4, 2) % 11 % 10 == digit(number, 8);
    }

    /** Weights 7,9,10,5,8,4,2 modulo 11; a remainder of 1 is never issued. */
    static boolean finland(String number) {
        int check = (11 - weightedSum(number, 7, 9, 10, 5, 8, 4, 2) % 11) % 11;
        return check != 10 && check == digit(number, 7);
    }

    static boolean croatia(String number) {
        return CheckDigits.iso7064Mod11Radix10(number);
    }

    /** Weights 9,7,3,1 repeated sum to a multiple of 10. */
    static boolean hungary(String number) {
        return weightedSum(number, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0;
    }
}
