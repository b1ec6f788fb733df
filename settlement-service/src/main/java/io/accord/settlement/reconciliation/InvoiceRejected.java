package io.accord.settlement.reconciliation;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad invoice or CDR input: a 400 problem+json listing every problem found, each naming its field (and for CSV its
 * data row and line); nothing is stored. Answered by the platform's handler like any {@link ErrorResponseException}.
 */
final class InvoiceRejected extends ErrorResponseException {

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
        super(HttpStatus.BAD_REQUEST, problem(message, violations), null);
        this.violations = List.copyOf(violations);
    }

    static InvoiceRejected of(String field, String message) {
        return new InvoiceRejected(message, List.of(Violation.of(field, message)));
    }

    List<Violation> violations() {
        return violations;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String message, List<Violation> violations) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-error", message);
        problem.setTitle("Invalid request");
        problem.setProperty("violations", violations.stream().map(violation -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", violation.field());
            entry.put("message", violation.message());
            if (violation.row() != null) {
                entry.put("row", violation.row());
                entry.put("line", violation.line());
            }
            return entry;
        }).toList());
        return problem;
    }
}
