package io.accord.orchestration.inventory;

import java.util.List;

/** A CSV file (or range) with problems in some rows: answered 400 listing each one; nothing was loaded. */
class ItemRowsException extends RuntimeException {

    private final transient List<CsvItems.Problem> problems;

    ItemRowsException(String message, List<CsvItems.Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    List<CsvItems.Problem> problems() {
        return problems;
    }
}
