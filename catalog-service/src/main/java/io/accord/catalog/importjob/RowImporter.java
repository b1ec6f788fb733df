package io.accord.catalog.importjob;

import java.util.List;

/** Checks and (unless validating) writes one chunk of rows, in the caller's transaction. */
interface RowImporter {

    /**
     * @param validateOnly check every row and say what a write would do, writing nothing
     * @return one result per item, in order; a row that cannot be imported is {@code INVALID} with its reasons
     */
    List<RowResult> importRows(ImportJob job, List<ImportItem> items, boolean validateOnly);
}
