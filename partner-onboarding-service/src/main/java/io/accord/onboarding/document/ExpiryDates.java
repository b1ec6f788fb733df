package io.accord.onboarding.document;

import io.accord.platform.problem.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Expiry dates as callers give them: an ISO date in a plausible range, or none. */
final class ExpiryDates {

    static final String FIELD = "expiryDate";
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private ExpiryDates() {
    }

    /** {@code null} for a missing or blank value. */
    static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return check(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException malformed) {
            throw new InvalidInputException(FIELD, "'" + value + "' is not a date; use YYYY-MM-DD.");
        }
    }

    static LocalDate check(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidInputException(FIELD, "The expiry date must be between " + EARLIEST + " and "
                    + LATEST + ".");
        }
        return date;
    }
}
