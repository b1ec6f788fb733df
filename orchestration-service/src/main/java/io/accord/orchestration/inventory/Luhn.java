package io.accord.orchestration.inventory;

/** The Luhn (mod 10) check digit that ends every ICCID (ITU-T E.118). */
final class Luhn {

    private Luhn() {
    }

    /** The digit to append to {@code digits} so the whole passes the Luhn check. */
    static int checkDigit(String digits) {
        // the check digit will be the rightmost, so the payload's rightmost digit is the first one doubled
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digit(digits, i);
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether {@code number}'s last digit is the Luhn check digit of the others. */
    static boolean isValid(String number) {
        if (number.length() < 2) {
            return false;
        }
        String payload = number.substring(0, number.length() - 1);
        return checkDigit(payload) == digit(number, number.length() - 1);
    }

    private static int digit(String digits, int index) {
        char c = digits.charAt(index);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit at position " + index + ": " + digits);
        }
        return c - '0';
    }
}
