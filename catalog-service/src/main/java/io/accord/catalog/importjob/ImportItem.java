package io.accord.catalog.importjob;

import java.util.List;

/**
 * One row of an import job: an offering with its prices, as read from the file and not yet checked.
 *
 * @param row      1-based position of the offering in the file (a JSON array element, or the CSV lines that share
 *                 an {@code externalId})
 * @param offering the offering's cells
 * @param prices   the cells of each of its prices, in file order
 * @param problems what was wrong with the shape of the row itself (unknown fields, a CSV line with too many
 *                 cells); the row is invalid when there is any
 */
record ImportItem(int row, Cells offering, List<Cells> prices, List<RowProblem> problems) {

    String externalId() {
        return offering.get(Columns.EXTERNAL_ID);
    }

    int line() {
        return offering.line();
    }
}
