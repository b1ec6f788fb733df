package io.accord.onboarding.check;

import static io.accord.onboarding.check.CheckDigits.digit;
import static io.accord.onboarding.check.CheckDigits.weightedSum;

/**
 * Check rules of the EU VAT numbers whose check is or involves letters: Cyprus, Spain, France, Ireland. Each takes
 * the number after the prefix, already matching its scheme's format.
 */
final class VatCheckLetters {

    private static final String CYPRUS_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int[] CYPRUS_EVEN_POSITION = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    private static final String IRISH_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV";

    private static final String SPANISH_PERSON_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String SPANISH_COMPANY_LETTERS = "JABCDEFGHI";
    /** French new-style keys use digits and letters except I and O. */
    private static final String FRENCH_KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private VatCheckLetters() {
    }

    /** 8 digits and a check letter; numbers starting 12 are not issued. */
    static boolean cyprus(String number) {
        if (number.startsWith("12")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += i % 2 == 0 ? CYPRUS_EVEN_POSITION[digit(number, i)] : digit(number, i);
        }
        return CYPRUS_LETTERS.charAt(sum % 26) == number.charAt(8);
    }

    /**
     * Company codes (letter, 7 digits, control): the control is a digit or the letter J..I for the same value.
     * Persons: DNI (8 digits + letter) and NIE (X/Y/Z as 0/1/2) use the letter of the number modulo 23; K/L/M
     * numbers use the letter of their 7 digits.
     */
    static boolean spain(String number) {
        char first = number.charAt(0);
        char last = number.charAt(8);
        if (Character.isDigit(first)) {
            return personLetter(number.substring(0, 8)) == last;
        }
        if ("XYZ".indexOf(first) >= 0) {
            return personLetter("XYZ".indexOf(first) + number.substring(1, 8)) == last;
        }
        if ("KLM".indexOf(first) >= 0) {
            return personLetter(number.substring(1, 8)) == last;
        }
        int sum = 0;
        for (int i = 1; i <= 7; i++) {
            int value = digit(number, i);
            sum += i % 2 == 1 ? (value * 2) / 10 + (value * 2) % 10 : value;
        }
        int control = (10 - sum % 10) % 10;
        return last == (char) ('0' + control) || last == SPANISH_COMPANY_LETTERS.charAt(control);
    }

    private static char personLetter(String digits) {
        return SPANISH_PERSON_LETTERS.charAt((int) (Long.parseLong(digits) % 23));
    }

    /**
     * A two-character key and the 9-digit SIREN (Luhn, except Monaco's numbers that start 000). A numeric key is
     * (12 + 3 × (SIREN mod 97)) mod 97; keys with letters follow the DGFiP's base-34 rule.
     */
    static boolean france(String number) {
        String siren = number.substring(2);
        if (!siren.startsWith("000") && !CheckDigits.luhn(siren)) {
            return false;
        }
        long sirenValue = Long.parseLong(siren);
        if (Character.isDigit(number.charAt(0)) && Character.isDigit(number.charAt(1))) {
            return Integer.parseInt(number.substring(0, 2)) == (12 + 3 * (sirenValue % 97)) % 97;
        }
        int high = FRENCH_KEY_ALPHABET.indexOf(number.charAt(0));
        int low = FRENCH_KEY_ALPHABET.indexOf(number.charAt(1));
        int key = Character.isDigit(number.charAt(0)) ? high * 24 + low - 10 : high * 34 + low - 100;
        return (sirenValue + 1 + key / 11) % 11 == key % 11;
    }

    /**
     * Current form: 7 digits, a check letter and an optional second letter that also counts (weight 9). The old
     * form (digit, letter or + or *, 5 digits, letter) is checked as 0 + its 5 digits + its first digit.
     */
    static boolean ireland(String number) {
        String digits;
        int extra = 0;
        if (Character.isDigit(number.charAt(1))) {
            digits = number.substring(0, 7);
            if (number.length() == 9) {
                extra = 9 * IRISH_LETTERS.indexOf(number.charAt(8));
            }
        } else {
            digits = "0" + number.substring(2, 7) + number.charAt(0);
        }
        int sum = weightedSum(digits, 8, 7, 6, 5, 4, 3, 2) + extra;
        return IRISH_LETTERS.charAt(sum % 23) == number.charAt(7);
    }
}
