package io.accord.catalog.importjob;

/**
 * Where a job is. {@code COUNT} reads the whole file once (its rows, and whether it can be read at all);
 * {@code VALIDATE} checks every row without writing (a dry run, and the first pass of {@code allOrNothing});
 * {@code WRITE} imports; {@code DONE} is the end. {@code next_row} is the checkpoint within the phase. A job FAILED
 * after too many failed runs in a row keeps the phase and checkpoint it stopped at.
 */
enum ImportPhase {
    COUNT, VALIDATE, WRITE, DONE
}
