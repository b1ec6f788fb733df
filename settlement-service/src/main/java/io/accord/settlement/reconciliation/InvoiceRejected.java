package io.accord.settlement.reconciliation;

import java.util.List;

/** Bad invoice or CDR input: every problem found, each naming its field (and CSV row and line); nothing is stored. */
final class InvoiceRejected extends RuntimeException {

    /**
     * @param row  the CSV data row (1 = the first after the header), {@code null} for JSON input
     * @param line the physical line in the file, {@code null} for JSON input
     */
    record Violation(String field, String message, Long row, Long line) {

        static Violation of(String field, String message) {
            return new Violation(field, message, null, null);
        }
    }

    private final List<Violation> violations;

    InvoiceRejected(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    static InvoiceRejected of(String field, String message) {
        return new InvoiceRejected(message, List.of(Violation.of(field, message)));
    }

    List<Violation> violations() {
        return violations;
    }
}
