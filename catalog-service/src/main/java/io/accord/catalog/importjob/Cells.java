package io.accord.catalog.importjob;

import java.util.Map;

/**
 * The cells of one offering or one price as read from a file: column name to trimmed text, blank cells absent.
 *
 * @param line  where they start in the file (1-based; a CSV header is line 1), for messages
 * @param where how a message names their place: {@code ""} for the offering, {@code "prices[2]."} for a price
 */
record Cells(int line, String where, Map<String, String> values) {

    String get(String column) {
        return values.get(column);
    }

    boolean has(String column) {
        return values.containsKey(column);
    }

    /** The field as a message names it, e.g. {@code prices[2].amount}. */
    String field(String column) {
        return where + column;
    }
}
