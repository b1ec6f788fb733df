package io.accord.onboarding.check;

import static io.accord.onboarding.check.CheckDigits.digit;
import static io.accord.onboarding.check.CheckDigits.weightedSum;

/**
 * Check-digit rules of the EU VAT numbers from Italy to Slovakia. Each takes the number after the prefix, already
 * matching its scheme's format.
 */
final class VatCheckDigitsItToSk {

    private VatCheckDigitsItToSk() {
    }

    /** Luhn over all 11 digits; the first 7 are not all 0 and digits 8-10 name a real provincial office. */
    static boolean italy(String number) {
        int office = Integer.parseInt(number.substring(7, 10));
        boolean knownOffice = (office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888
                || office == 999;
        return !number.startsWith("0000000") && knownOffice && CheckDigits.luhn(number);
    }

    /** Weights 1..9 cycling (or 3..11 when that gives 10) modulo 11; the 8th (or 11th) digit is a 1. */
    static boolean lithuania(String number) {
        int markerPosition = number.length() == 9 ? 7 : 10;
        if (number.charAt(markerPosition) != '1') {
            return false;
        }
        String body = number.substring(0, number.length() - 1);
        int check = cyclicWeightSum(body, 0) % 11;
        if (check == 10) {
            check = cyclicWeightSum(body, 2) % 11;
        }
        return check % 10 == digit(number, number.length() - 1);
    }

    private static int cyclicWeightSum(String digits, int shift) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (1 + (i + shift) % 9) * digit(digits, i);
        }
        return sum;
    }

    /** The last two digits are the first six modulo 89. */
    static boolean luxembourg(String number) {
        return Integer.parseInt(number.substring(0, 6)) % 89 == Integer.parseInt(number.substring(6));
    }

    /**
     * Legal entities (first digit 4-9): weights 9,1,4,8,3,10,2,5,7,6,1 give 3 modulo 11. Persons: the check digit
     * of weights 10,5,8,4,2,1,6,3,7, except the newer codes starting 32 that carry none.
     */
    static boolean latvia(String number) {
        if (number.charAt(0) > '3') {
            return weightedSum(number, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
        }
        if (number.startsWith("32")) {
            return true;
        }
        int check = Math.floorMod(1 - weightedSum(number, 10, 5, 8, 4, 2, 1, 6, 3, 7), 11) % 10;
        return check == digit(number, 10);
    }

    /** Weights 3,4,6,7,8,9,10,1 sum to a multiple of 37. */
    static boolean malta(String number) {
        return weightedSum(number, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0;
    }

    /**
     * 9 digits, B, 2 digits. Numbers of companies pass the 11-test on the 9 digits; since 2020 sole traders'
     * numbers instead pass ISO 7064 MOD 97-10 over "NL" and the whole number.
     */
    static boolean netherlands(String number) {
        int elevenTest = weightedSum(number, 9, 8, 7, 6, 5, 4, 3, 2) - digit(number, 8);
        return elevenTest % 11 == 0 || CheckDigits.mod97("NL" + number) == 1;
    }

    /** Weights 6,5,7,2,3,4,5,6,7 modulo 11 is the last digit (a remainder of 10 is never issued). */
    static boolean poland(String number) {
        return weightedSum(number, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == digit(number, 9);
    }

    /** Weights 9..2; 11 minus the remainder modulo 11, 10 and 11 counting as 0. */
    static boolean portugal(String number) {
        int check = 11 - weightedSum(number, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        return (check >= 10 ? 0 : check) == digit(number, 8);
    }

    /**
     * Companies (CIF, 2-10 digits): right-aligned weights 7,5,3,2,1,7,5,3,2, times 10 modulo 11 (10 as 0).
     * Persons (CNP, 13 digits): weights 2,7,9,1,4,6,3,5,8,2,7,9 modulo 11 (10 as 1).
     */
    static boolean romania(String number) {
        if (number.length() == 13) {
            int check = weightedSum(number, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
            return (check == 10 ? 1 : check) == digit(number, 12);
        }
        String padded = "0".repeat(10 - number.length()) + number;
        return weightedSum(padded, 7, 5, 3, 2, 1, 7, 5, 3, 2) * 10 % 11 % 10 == digit(padded, 9);
    }

    /** The 10-digit organisation number (Luhn) followed by 01. */
    static boolean sweden(String number) {
        return CheckDigits.luhn(number.substring(0, 10));
    }

    /** Weights 8..2; 11 minus the remainder modulo 11 (10 as 0, 11 never issued). */
    static boolean slovenia(String number) {
        int check = 11 - weightedSum(number, 8, 7, 6, 5, 4, 3, 2) % 11;
        return check != 11 && (check == 10 ? 0 : check) == digit(number, 7);
    }

    /** The whole 10-digit number is a multiple of 11. */
    static boolean slovakia(String number) {
        return Long.parseLong(number) % 11 == 0;
    }
}
