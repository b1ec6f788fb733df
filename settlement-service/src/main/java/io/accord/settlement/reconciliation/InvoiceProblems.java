package io.accord.settlement.reconciliation;

import io.accord.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bad invoice or CDR input answers 400 problem+json listing every violation with its field (and row and line). */
@RestControllerAdvice(basePackageClasses = InvoiceProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvoiceProblems {

    @ExceptionHandler(InvoiceRejected.class)
    ResponseEntity<ProblemDetail> rejected(InvoiceRejected rejected) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-error", rejected.getMessage());
        problem.setTitle("Invalid request");
        List<Map<String, Object>> violations = rejected.violations().stream().map(violation -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", violation.field());
            entry.put("message", violation.message());
            if (violation.row() != null) {
                entry.put("row", violation.row());
                entry.put("line", violation.line());
            }
            return entry;
        }).toList();
        problem.setProperty("violations", violations);
        return ResponseEntity.badRequest().body(problem);
    }
}
