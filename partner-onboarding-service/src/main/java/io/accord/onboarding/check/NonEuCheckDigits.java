package io.accord.onboarding.check;

import static io.accord.onboarding.check.CheckDigits.digit;
import static io.accord.onboarding.check.CheckDigits.weightedSum;

/** Check-digit rules of the non-EU business numbers we know: UK VAT, Swiss UID, Norwegian organisation number. */
final class NonEuCheckDigits {

    private NonEuCheckDigits() {
    }

    /**
     * 9 digits (a 12-digit branch number checks its first 9): weights 8..2, 10, 1 give 0 modulo 97, or 42 for the
     * "9755" numbers issued since 2010 (which start at 100). Government departments (GD) and health authorities
     * (HA) are accepted on format.
     */
    static boolean unitedKingdom(String number) {
        if (number.startsWith("GD") || number.startsWith("HA")) {
            return true;
        }
        int remainder = weightedSum(number, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
        return remainder == 0 || (remainder == 42 && Integer.parseInt(number.substring(0, 3)) >= 100);
    }

    /** CHE + 9 digits: weights 5,4,3,2,7,6,5,4; 11 minus the remainder modulo 11 (11 as 0, 10 never issued). */
    static boolean switzerland(String number) {
        int check = (11 - weightedSum(number, 5, 4, 3, 2, 7, 6, 5, 4) % 11) % 11;
        return check != 10 && check == digit(number, 8);
    }

    /** 9 digits: weights 3,2,7,6,5,4,3,2; 11 minus the remainder modulo 11 (11 as 0, 10 never issued). */
    static boolean norway(String number) {
        int check = (11 - weightedSum(number, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
        return check != 10 && check == digit(number, 8);
    }
}
