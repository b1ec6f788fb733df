package io.accord.catalog.importjob;

import io.accord.platform.persistence.StorableText;

import java.util.List;

/**
 * The result of one row of an import job.
 *
 * @param row        1-based position of the offering in the file
 * @param line       the file line it starts on
 * @param externalId the offering's external id, if the row has one
 * @param outcome    CREATED, UPDATED, NEW_VERSION, NEW_PRICE_VERSION, UNCHANGED or INVALID (in a validation pass:
 *                   what a write would do); SKIPPED for a valid row of an all-or-nothing job that wrote nothing
 *                   because other rows are invalid
 * @param messages   why the row is invalid, cell by cell; empty otherwise
 */
record RowResult(int row, int line, String externalId, String outcome, List<RowProblem> messages) {

    /** The external id as stored and shown: a NUL character, which no text column holds, written {@code \\u0000}. */
    RowResult {
        externalId = StorableText.of(externalId);
    }

    static final String INVALID = "INVALID";
    /** Valid, but not written: the all-or-nothing job it belongs to failed its validation pass. */
    static final String SKIPPED = "SKIPPED";
}
