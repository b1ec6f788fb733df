package io.accord.catalog.importjob;

import io.accord.platform.problem.InvalidInputException;

/** How an import treats invalid rows. */
enum ImportMode {

    /** Writes the valid rows and reports the invalid ones. */
    rowByRow,
    /** Validates the whole file first; writes only if every row is valid, else nothing. */
    allOrNothing;

    static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return rowByRow;
        }
        for (ImportMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new InvalidInputException("mode", "mode is rowByRow or allOrNothing");
    }
}
