package io.accord.catalog.importjob;

import io.accord.platform.persistence.StorableText;

/**
 * What is wrong with one cell of a row.
 *
 * @param field   the column (CSV) or field path (JSON), e.g. {@code amount} or {@code prices[1].amount}
 * @param line    the line of the file the cell is on (1-based), or 0 when not known
 * @param message what is wrong, for a person
 */
record RowProblem(String field, int line, String message) {

    /** The field and message as stored and shown: the file's text they quote may hold NUL, no text column can. */
    RowProblem {
        field = StorableText.of(field);
        message = StorableText.of(message);
    }
}
